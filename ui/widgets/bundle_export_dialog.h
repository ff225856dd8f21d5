#pragma once
// BundleExportDialog: File > Export Bug-Report Bundle. Where the archive goes, whether it is redacted
// (with an optional key file for the same pseudonyms as an earlier bundle, and the mapping file the user
// keeps), and a preview of what the bundle will hold (each file, what it is, its size; objects and
// findings), built in the background and rebuilt when the redaction changes.

#include "widgets/bundle_export.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace hcn::ui {

class BundleExportDialog : public QDialog
{
    Q_OBJECT
public:
    BundleExportDialog(BundleExport* exporter, const QString& suggestedPath, QWidget* parent = nullptr);

    QLineEdit* pathEdit() const { return m_path; }
    QCheckBox* redactBox() const { return m_redact; }
    QLineEdit* keyFileEdit() const { return m_keyFile; }
    QLineEdit* mappingEdit() const { return m_mapping; }
    QTableWidget* fileTable() const { return m_files; }
    QLabel* summaryLabel() const { return m_summary; }
    /// What is wrong (empty when nothing is).
    QLabel* problemLabel() const { return m_problem; }
    QPushButton* writeButton() const { return m_write; }
    /// The last message: what was written, or what went wrong.
    QString resultText() const { return m_result; }

    BundleOptions options() const;
    /// Builds the preview again (after the redaction changed).
    void refreshPreview();
    /// Checks the form and writes the bundle; the dialog closes when it is written.
    void writeBundle();

signals:
    /// A preview is shown (or failed); tests wait for it.
    void previewShown();

private:
    void showPreview(const io::BundleSummary& summary);
    void showProblem(const QString& text);
    void redactionChanged();
    void written(bool ok, const QString& text);
    /// "<bundle without suffix>-mapping.json".
    QString mappingPathFor(const QString& bundlePath) const;

    BundleExport* m_exporter;
    QLineEdit* m_path;
    QCheckBox* m_redact;
    QLineEdit* m_keyFile;
    QLineEdit* m_mapping;
    QTableWidget* m_files;
    QLabel* m_summary;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QPushButton* m_write;
    QString m_result;
    int m_previewsPending = 0;
    bool m_writing = false;
};

} // namespace hcn::ui
