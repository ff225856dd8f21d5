#pragma once
// CurrentSelection: the objects the user has selected, shared by every view (tree, topology, editor,
// charts). Views set it and follow it; `origin` lets a view ignore the change it made itself.

#include <QObject>
#include <QStringList>

namespace hcn::ui {

class CurrentSelection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Object IDs (upper-case GUIDs), the first one is "the current object".
    QStringList ids() const { return m_ids; }
    QString current() const { return m_ids.isEmpty() ? QString() : m_ids.front(); }
    /// Emits changed() only when the list differs.
    void setIds(const QStringList& ids, QObject* origin = nullptr);
    void clear(QObject* origin = nullptr) { setIds({}, origin); }

signals:
    void changed(const QStringList& ids, QObject* origin);

private:
    QStringList m_ids;
};

} // namespace hcn::ui
