#include "widgets/bundle_export_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {

/// A line edit with a "Browse..." button beside it.
QWidget* withBrowse(QLineEdit* edit, QWidget* parent, std::function<QString()> pick)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* browse = new QPushButton(QObject::tr("Browse..."), row);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, pick = std::move(pick)] {
        if (const QString path = pick(); !path.isEmpty())
            edit->setText(QDir::toNativeSeparators(path));
    });
    return row;
}

enum FileListColumn
{
    FileColumn,
    WhatColumn,
    SizeColumn,
    FileListColumnCount
};

} // namespace

BundleExportDialog::BundleExportDialog(BundleExport* exporter, const QString& suggestedPath, QWidget* parent)
    : QDialog(parent), m_exporter(exporter),
      m_path(new QLineEdit(QDir::toNativeSeparators(suggestedPath), this)),
      m_redact(new QCheckBox(tr("&Redact addresses, MACs, GUIDs and names"), this)),
      m_keyFile(new QLineEdit(this)), m_mapping(new QLineEdit(this)),
      m_files(new QTableWidget(0, FileListColumnCount, this)), m_summary(new QLabel(this)),
      m_problem(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_write(m_buttons->addButton(tr("&Write Bundle"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Export Bug-Report Bundle"));
    m_path->setToolTip(tr("The archive to write: .zip, .tar.gz or .tgz"));
    m_redact->setToolTip(tr("Replace IP addresses (prefix-preserving), MACs, GUIDs and names by pseudonyms, "
                            "consistently in every file, before anything leaves this machine"));
    m_keyFile->setPlaceholderText(tr("optional: reuse the pseudonyms of an earlier bundle"));
    m_keyFile->setToolTip(tr("A key file (32 hex digits or a passphrase): the same key gives the same "
                             "pseudonyms, so two bundles of one host can be compared"));
    m_mapping->setToolTip(tr("The key and every original -> pseudonym pair, to translate answers back. It "
                             "stays with you; it is never put into the bundle"));
    m_files->setHorizontalHeaderLabels({tr("File"), tr("What it holds"), tr("Size")});
    m_files->verticalHeader()->hide();
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->setSelectionMode(QAbstractItemView::NoSelection);
    m_files->horizontalHeader()->setSectionResizeMode(WhatColumn, QHeaderView::Stretch);
    m_files->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Bundle:"), withBrowse(m_path, this, [this] {
                     return QFileDialog::getSaveFileName(
                         this, tr("Bug-Report Bundle"), m_path->text(),
                         tr("Zip archives (*.zip);;Compressed tar archives (*.tar.gz *.tgz)"));
                 }));
    form->addRow(QString(), m_redact);
    form->addRow(tr("&Key file:"), withBrowse(m_keyFile, this, [this] {
                     return QFileDialog::getOpenFileName(this, tr("Redaction Key"), m_keyFile->text());
                 }));
    form->addRow(tr("&Mapping:"), withBrowse(m_mapping, this, [this] {
                     return QFileDialog::getSaveFileName(this, tr("Redaction Mapping"), m_mapping->text(),
                                                         tr("JSON (*.json)"));
                 }));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("The bundle will hold:"), this));
    layout->addWidget(m_files, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(760, 520);

    connect(m_redact, &QCheckBox::toggled, this, &BundleExportDialog::redactionChanged);
    connect(m_keyFile, &QLineEdit::editingFinished, this, [this] {
        if (m_redact->isChecked())
            refreshPreview();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_write, &QPushButton::clicked, this, &BundleExportDialog::writeBundle);
    connect(m_exporter, &BundleExport::previewReady, this, [this](const io::BundleSummary& summary) {
        if (--m_previewsPending == 0)
            showPreview(summary);
    });
    connect(m_exporter, &BundleExport::failed, this, [this](const QString& message) {
        if (--m_previewsPending == 0) {
            m_summary->setText(tr("No preview."));
            showProblem(tr("The bundle cannot be made: %1").arg(message));
            emit previewShown();
        }
    });
    connect(m_exporter, &BundleExport::written, this, &BundleExportDialog::written);
    redactionChanged();
}

BundleOptions BundleExportDialog::options() const
{
    BundleOptions options;
    options.redact = m_redact->isChecked();
    if (options.redact) {
        options.keyFile = QDir::fromNativeSeparators(m_keyFile->text().trimmed());
        options.mappingFile = QDir::fromNativeSeparators(m_mapping->text().trimmed());
    }
    return options;
}

QString BundleExportDialog::mappingPathFor(const QString& bundlePath) const
{
    QString base = QDir::fromNativeSeparators(bundlePath.trimmed());
    for (const QString& suffix : {QStringLiteral(".tar.gz"), QStringLiteral(".tgz"), QStringLiteral(".zip")})
        if (base.endsWith(suffix, Qt::CaseInsensitive)) {
            base.chop(suffix.size());
            break;
        }
    return QDir::toNativeSeparators(base + QStringLiteral("-mapping.json"));
}

void BundleExportDialog::redactionChanged()
{
    const bool redact = m_redact->isChecked();
    m_keyFile->parentWidget()->setEnabled(redact);
    m_mapping->parentWidget()->setEnabled(redact);
    if (redact && m_mapping->text().trimmed().isEmpty())
        m_mapping->setText(mappingPathFor(m_path->text()));
    refreshPreview();
}

void BundleExportDialog::refreshPreview()
{
    m_problem->clear();
    m_problem->hide();
    ++m_previewsPending;
    m_summary->setText(tr("Building the preview..."));
    m_exporter->preview(options());
}

void BundleExportDialog::showPreview(const io::BundleSummary& summary)
{
    m_files->setRowCount(0);
    qint64 total = 0;
    const QLocale locale;
    for (const io::BundleFile& file : summary.files) {
        const int row = m_files->rowCount();
        m_files->insertRow(row);
        m_files->setItem(row, FileColumn, new QTableWidgetItem(QString::fromStdString(file.path)));
        m_files->setItem(row, WhatColumn, new QTableWidgetItem(QString::fromStdString(file.what)));
        auto* size = new QTableWidgetItem(locale.formattedDataSize(qint64(file.size)));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_files->setItem(row, SizeColumn, size);
        total += qint64(file.size);
    }
    QString text = tr("%n file(s), ", nullptr, int(summary.files.size())) +
                   tr("%1 before compression; ").arg(locale.formattedDataSize(total)) +
                   tr("%n object(s), ", nullptr, int(summary.objects)) +
                   tr("%n health-check finding(s).", nullptr, int(summary.findings));
    text += m_redact->isChecked()
                ? tr(" Redacted: no original address, MAC, GUID or name is written.")
                : tr(" Not redacted: the bundle holds the host's real addresses and names.");
    m_summary->setText(text);
    emit previewShown();
}

void BundleExportDialog::showProblem(const QString& text)
{
    m_result = text;
    m_problem->setText(text);
    m_problem->show();
}

void BundleExportDialog::writeBundle()
{
    if (m_writing)
        return;
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (!io::isBundleFileName(path.toStdString())) {
        showProblem(tr("The bundle's name must end in .zip, .tar.gz or .tgz."));
        return;
    }
    const BundleOptions chosen = options();
    if (chosen.redact && !chosen.mappingFile.isEmpty() &&
        QFileInfo(chosen.mappingFile).absoluteFilePath() == QFileInfo(path).absoluteFilePath()) {
        showProblem(tr("The mapping cannot be written over the bundle itself."));
        return;
    }
    m_problem->clear();
    m_problem->hide();
    m_writing = true;
    m_write->setEnabled(false);
    m_summary->setText(tr("Writing %1...").arg(QDir::toNativeSeparators(path)));
    m_exporter->write(path, chosen);
}

void BundleExportDialog::written(bool ok, const QString& text)
{
    if (!m_writing)
        return;
    m_writing = false;
    m_write->setEnabled(true);
    if (!ok) {
        showProblem(tr("The bundle was not written: %1").arg(text));
        return;
    }
    m_result = text;
    accept();
}

} // namespace hcn::ui
