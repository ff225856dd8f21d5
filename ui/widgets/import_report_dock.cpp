#include "import_report_dock.h"

#include "models/core_text.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/import_report_model.h"
#include "widgets/report_table.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {

constexpr std::array<io::ImportSeverity, 3> kImportSeverities{
    io::ImportSeverity::Error, io::ImportSeverity::Warning, io::ImportSeverity::Info};

QString formatName(io::DumpFormat format)
{
    switch (format) {
    case io::DumpFormat::Json:
        return QObject::tr("JSON");
    case io::DumpFormat::ListView:
        return QObject::tr("PowerShell list view");
    case io::DumpFormat::Table:
        return QObject::tr("table");
    case io::DumpFormat::GoStruct:
        return QObject::tr("Go struct dump");
    case io::DumpFormat::CliXml:
        return QObject::tr("CLIXML (Export-Clixml)");
    }
    return {};
}

QString joined(const std::vector<std::string>& items)
{
    QStringList out;
    for (const std::string& item : items)
        out << QString::fromStdString(item);
    return out.join(QStringLiteral("\n    "));
}

} // namespace

ImportReportDock::ImportReportDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QDockWidget(tr("Import Report"), parent), m_mirror(mirror), m_selection(selection),
      m_model(new ImportReportModel(this))
{
    setObjectName(QStringLiteral("ImportReportDock"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* bar = new QHBoxLayout;
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    bar->addWidget(m_summary, 1);
    for (std::size_t i = 0; i < kImportSeverities.size(); ++i) {
        auto* button = new QToolButton(content);
        button->setCheckable(true);
        button->setChecked(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(
            QStringLiteral("filter%1").arg(ImportReportModel::severityName(kImportSeverities[i])));
        button->setToolTip(tr("Show or hide the import's messages of this severity"));
        const io::ImportSeverity severity = kImportSeverities[i];
        connect(button, &QToolButton::toggled, this,
                [this, severity](bool shown) { m_model->setSeverityShown(severity, shown); });
        bar->addWidget(button);
        m_filters[std::size_t(severity)] = button;
    }
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Vertical, content);
    m_view = createReportTable(m_model, QStringLiteral("ImportReportView"), splitter);
    m_view->setColumnWidth(ImportReportModel::SeverityColumn, 100);
    m_view->setColumnWidth(ImportReportModel::LocationColumn, 220);

    auto* details = new QWidget(splitter);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(details);
    m_details->setObjectName(QStringLiteral("importDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_original = new QPlainTextEdit(details);
    m_original->setObjectName(QStringLiteral("importOriginalText"));
    m_original->setReadOnly(true);
    m_original->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_original->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_original->setPlaceholderText(tr("The object as the dump printed it"));
    detailsLayout->addWidget(m_details);
    detailsLayout->addWidget(m_original, 1);
    splitter->addWidget(m_view);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImportReportDock::rowSelected);
    // A click on the row already current selects its object again (after the tree chose another).
    connect(m_view, &QAbstractItemView::clicked, this, &ImportReportDock::rowSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ImportReportDock::updateCounts);
    connect(m_selection, &CurrentSelection::changed, this, &ImportReportDock::followSelection);
    updateCounts();
    showObject(nullptr, nullptr);
}

ImportReportDock::~ImportReportDock() = default;

void ImportReportDock::setReport(std::shared_ptr<const io::ImportReport> report)
{
    m_model->setReport(std::move(report));
    showObject(nullptr, nullptr);
}

bool ImportReportDock::hasProblems() const
{
    return m_model->count(io::ImportSeverity::Warning) + m_model->count(io::ImportSeverity::Error) > 0;
}

QAbstractButton* ImportReportDock::severityButton(io::ImportSeverity severity) const
{
    return m_filters[std::size_t(severity)];
}

QString ImportReportDock::detailsText() const
{
    return m_details->text();
}

void ImportReportDock::updateCounts()
{
    static const std::array<const char*, 3> kLabels{QT_TR_NOOP("Info (%1)"), QT_TR_NOOP("Warnings (%1)"),
                                                    QT_TR_NOOP("Errors (%1)")};
    for (io::ImportSeverity severity : kImportSeverities)
        m_filters[std::size_t(severity)]->setText(
            tr(kLabels[std::size_t(severity)]).arg(m_model->count(severity)));
    const io::ImportReport* report = m_model->report();
    if (!report) {
        m_summary->setText(tr("No import report: the host shown was not imported from a dump."));
        return;
    }
    const auto objects = qsizetype(report->objects.size());
    const auto sources = qsizetype(report->sources.size());
    m_summary->setText(tr("%1 from %2")
                           .arg(objects == 1 ? tr("1 object") : tr("%1 objects").arg(objects),
                                sources == 1 ? tr("1 source") : tr("%1 sources").arg(sources)));
}

void ImportReportDock::rowSelected()
{
    const io::ImportMessage* message = m_model->message(m_view->currentIndex());
    if (!message)
        return;
    const QString id = QString::fromStdString(message->objectId);
    showObject(m_model->object(id), message);
    if (id.isEmpty())
        return;
    // The tree, the diagram and the editor follow the shared selection; it holds the mirror's spelling.
    QString plain = id.trimmed();
    if (plain.startsWith(QLatin1Char('{')) && plain.endsWith(QLatin1Char('}')))
        plain = plain.mid(1, plain.size() - 2);
    if (const MirrorObject* shown = m_mirror->object(plain))
        m_selection->setIds({shown->id}, this);
}

void ImportReportDock::followSelection(const QStringList& ids, QObject* origin)
{
    if (origin == this || ids.isEmpty() || !m_model->report())
        return;
    if (const io::ImportedObject* object = m_model->object(ids.front()))
        showObject(object, nullptr);
}

void ImportReportDock::showObject(const io::ImportedObject* object, const io::ImportMessage* message)
{
    QStringList lines;
    if (message) {
        const QString where = ImportReportModel::location(*message);
        lines << (where.isEmpty() ? QString() : where + QStringLiteral(": ")) +
                     ImportReportModel::severityName(message->severity) + QStringLiteral(": ") +
                     QString::fromStdString(message->message);
    }
    if (object) {
        const QString name = QString::fromStdString(object->name);
        lines << tr("%1 %2 (%3)")
                     .arg(kindName(object->kind), name.isEmpty() ? tr("without a name") : name,
                          QString::fromStdString(object->id));
        QString source = QString::fromStdString(object->source);
        if (object->firstLine > 0)
            source += object->lastLine > object->firstLine
                          ? tr(", lines %1-%2").arg(object->firstLine).arg(object->lastLine)
                          : tr(", line %1").arg(object->firstLine);
        lines << tr("Source: %1").arg(source);
        lines << tr("Format: %1%2")
                     .arg(formatName(object->format),
                          object->wasV1 ? tr(", v1 (Get-Hns*) shape mapped to v2") : QString());
        if (!object->lost.empty())
            lines << tr("Lost:\n    %1").arg(joined(object->lost));
        if (!object->unknownFields.empty())
            lines << tr("Unknown fields (kept):\n    %1").arg(joined(object->unknownFields));
        if (!object->notes.empty())
            lines << tr("Notes:\n    %1").arg(joined(object->notes));
    }
    if (lines.isEmpty())
        lines << (m_model->report() ? tr("Select a message to see the object it is about.") : QString());
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_original->setPlainText(object ? QString::fromStdString(object->originalText) : QString());
}

} // namespace hcn::ui
