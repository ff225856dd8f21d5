#include "import_report_model.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QStyle>

namespace hcn::ui {

namespace {

std::size_t slot(io::ImportSeverity severity)
{
    const auto value = std::size_t(severity);
    return value < 3 ? value : 2;
}

/// The same GUID in any spelling compares equal: braces dropped, upper case.
QString canonicalId(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1Char('{')) && id.endsWith(QLatin1Char('}')))
        id = id.mid(1, id.size() - 2);
    return id.toUpper();
}

} // namespace

ImportReportModel::ImportReportModel(QObject* parent) : QAbstractTableModel(parent) {}

ImportReportModel::~ImportReportModel() = default;

void ImportReportModel::setReport(std::shared_ptr<const io::ImportReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    m_counts = {};
    if (m_report)
        for (const io::ImportMessage& m : m_report->messages)
            ++m_counts[slot(m.severity)];
    rebuildRows();
    endResetModel();
}

void ImportReportModel::setSeverityShown(io::ImportSeverity severity, bool shown)
{
    if (m_shown[slot(severity)] == shown)
        return;
    beginResetModel();
    m_shown[slot(severity)] = shown;
    rebuildRows();
    endResetModel();
}

bool ImportReportModel::isSeverityShown(io::ImportSeverity severity) const
{
    return m_shown[slot(severity)];
}

int ImportReportModel::count(io::ImportSeverity severity) const
{
    return m_counts[slot(severity)];
}

void ImportReportModel::rebuildRows()
{
    m_rows.clear();
    if (!m_report)
        return;
    for (std::size_t i = 0; i < m_report->messages.size(); ++i)
        if (m_shown[slot(m_report->messages[i].severity)])
            m_rows.append(int(i));
}

const io::ImportMessage* ImportReportModel::message(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return nullptr;
    return &m_report->messages[std::size_t(m_rows[index.row()])];
}

const io::ImportedObject* ImportReportModel::object(const QString& id) const
{
    if (!m_report || id.isEmpty())
        return nullptr;
    const QString wanted = canonicalId(id);
    for (const io::ImportedObject& o : m_report->objects)
        if (canonicalId(QString::fromStdString(o.id)) == wanted)
            return &o;
    return nullptr;
}

QModelIndex ImportReportModel::indexOfObject(const QString& id) const
{
    const QString wanted = canonicalId(id);
    for (int row = 0; row < m_rows.size(); ++row)
        if (canonicalId(QString::fromStdString(m_report->messages[std::size_t(m_rows[row])].objectId)) ==
            wanted)
            return index(row, MessageColumn);
    return {};
}

QString ImportReportModel::location(const io::ImportMessage& message)
{
    QString text = QString::fromStdString(message.source);
    if (message.firstLine > 0) {
        text += QLatin1Char(':') + QString::number(message.firstLine);
        if (message.lastLine > message.firstLine)
            text += QLatin1Char('-') + QString::number(message.lastLine);
    }
    return text;
}

QString ImportReportModel::severityName(io::ImportSeverity severity)
{
    switch (severity) {
    case io::ImportSeverity::Info:
        return tr("Info");
    case io::ImportSeverity::Warning:
        return tr("Warning");
    case io::ImportSeverity::Error:
        return tr("Error");
    }
    return {};
}

int ImportReportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportReportModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportReportModel::data(const QModelIndex& index, int role) const
{
    const io::ImportMessage* m = message(index);
    if (!m)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityName(m->severity);
        case LocationColumn:
            return location(*m);
        case MessageColumn:
            return QString::fromStdString(m->message);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QString::fromStdString(m->message) : location(*m);
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn || !qobject_cast<QApplication*>(QCoreApplication::instance()))
            return {};
        return QApplication::style()->standardIcon(
            m->severity == io::ImportSeverity::Error     ? QStyle::SP_MessageBoxCritical
            : m->severity == io::ImportSeverity::Warning ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxInformation);
    case Qt::ForegroundRole:
        if (m->severity == io::ImportSeverity::Error)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        if (m->severity == io::ImportSeverity::Warning)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        return {};
    case SeverityRole:
        return int(m->severity);
    case ObjectIdRole:
        return QString::fromStdString(m->objectId);
    case ObjectKindRole:
        return int(m->kind);
    }
    return {};
}

QVariant ImportReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Where");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace hcn::ui
