#pragma once
// ObjectGlance: the summary header above the Properties form. The selected object in a few lines:
// name, kind and state in words, addresses and MAC, its network and namespace (or a load balancer's
// backends, a namespace's endpoints) by name as links that select them, and its policies in plain
// words (models/plain_words.h). An ID an import made up (docs/import.md) says so.

#include "hcn/resource_kind.h"

#include <QJsonObject>
#include <QLabel>
#include <QSet>
#include <memory>

namespace hcn::io {
struct ImportReport;
}

namespace hcn::ui {

class CurrentSelection;
class HostMirror;

class ObjectGlance : public QLabel
{
    Q_OBJECT
public:
    ObjectGlance(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);

    /// Summarizes `document` (an object of the mirror, or one just created that it does not hold yet).
    void showObject(ResourceKind kind, const QString& id, const QJsonObject& document);
    /// The import report of the host shown (null: none): the IDs it says the import made up are
    /// marked as such under the title.
    void setImportReport(const std::shared_ptr<const io::ImportReport>& report);
    /// A new object being made: its title only.
    void showTitle(const QString& title);
    /// The header as the user reads it, without markup.
    QString plainText() const;
    /// The IDs the header links to, in order.
    QStringList linkedIds() const { return m_links; }

private:
    QString nameOf(const QString& id) const;
    QString link(const QString& id);

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    QStringList m_links;
    QSet<QString> m_madeUpIds; ///< upper case
};

} // namespace hcn::ui
