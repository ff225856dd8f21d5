#include "widgets/trace_dock.h"

#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/host_tracer.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {

enum HopListColumn
{
    IndexColumn,
    HopColumn,
    ObjectColumn,
    OutcomeColumn,
    DecisionColumn,
    RuleColumn,
    HopListColumnCount
};

QString objectText(const TraceObject& object)
{
    if (object.host)
        return TraceDock::tr("the host");
    const QString id = QString::fromStdString(object.id);
    if (object.name.empty())
        return id;
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(object.name), id.left(8));
}

} // namespace

TraceDock::TraceDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QDockWidget(tr("Trace"), parent), m_mirror(mirror), m_selection(selection),
      m_tracer(new HostTracer(mirror, this)), m_source(new QLineEdit), m_destination(new QLineEdit),
      m_protocol(new QComboBox), m_port(new QLineEdit), m_hostAddresses(new QLineEdit),
      m_trace(new QPushButton(tr("&Trace"))), m_useSource(new QPushButton(tr("Use selection"))),
      m_useDestination(new QPushButton(tr("Use selection"))),
      m_traceFrom(new QAction(tr("Trace &From Here"), this)),
      m_traceTo(new QAction(tr("Trace T&o Here"), this)), m_verdict(new QLabel),
      m_hops(new QTableWidget(0, HopListColumnCount))
{
    setObjectName(QStringLiteral("TraceDock"));
    m_source->setPlaceholderText(tr("endpoint name or ID, or host"));
    m_source->setToolTip(
        tr("An endpoint, or \"host\" for a process on the host itself (no endpoint ACLs or "
           "OutBoundNAT on the way out; load balancer VIPs answer it only with LocalRoutedVIP)"));
    m_destination->setPlaceholderText(tr("endpoint, IP address, load balancer VIP or host address"));
    m_protocol->addItem(QStringLiteral("TCP"), int(TraceProtocol::Tcp));
    m_protocol->addItem(QStringLiteral("UDP"), int(TraceProtocol::Udp));
    m_protocol->addItem(QStringLiteral("ICMP"), int(TraceProtocol::Icmp));
    m_port->setPlaceholderText(tr("the frontend's, else 80"));
    m_port->setMaximumWidth(140);
    m_hostAddresses->setPlaceholderText(tr("optional: this node's own IPs, e.g. an L2Bridge node's"));
    m_hostAddresses->setToolTip(
        tr("Addresses of this host that its documents do not name (an L2Bridge or transparent node's own "
           "IP), separated by commas or spaces: traced as the host's, so node ports answer on them"));
    m_useSource->setToolTip(tr("Trace from the endpoint selected in the tree or on the topology"));
    m_useDestination->setToolTip(
        tr("Trace to the object selected in the tree or on the topology (a load balancer: its first VIP)"));
    m_trace->setToolTip(tr("Follow one packet hop by hop and say which rule decided (docs/trace.md)"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hops->setHorizontalHeaderLabels({tr("#"), tr("Hop"), tr("Object"), tr("Outcome"), tr("Decision"), tr("Rule")});
    m_hops->verticalHeader()->hide();
    m_hops->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hops->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hops->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hops->horizontalHeader()->setStretchLastSection(true);

    auto* source = new QHBoxLayout;
    source->addWidget(m_source, 1);
    source->addWidget(m_useSource);
    auto* destination = new QHBoxLayout;
    destination->addWidget(m_destination, 1);
    destination->addWidget(m_useDestination);
    auto* how = new QHBoxLayout;
    how->addWidget(m_protocol);
    how->addWidget(new QLabel(tr("Port:")));
    how->addWidget(m_port);
    how->addStretch(1);
    how->addWidget(m_trace);
    auto* form = new QFormLayout;
    form->addRow(tr("&From:"), source);
    form->addRow(tr("T&o:"), destination);
    form->addRow(tr("Protocol:"), how);
    form->addRow(tr("&Host addresses:"), m_hostAddresses);
    auto* layout = new QVBoxLayout;
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_hops, 1);
    auto* body = new QWidget;
    body->setLayout(layout);
    setWidget(body);

    connect(m_trace, &QPushButton::clicked, this, &TraceDock::runTrace);
    connect(m_source, &QLineEdit::returnPressed, this, &TraceDock::runTrace);
    connect(m_destination, &QLineEdit::returnPressed, this, &TraceDock::runTrace);
    connect(m_port, &QLineEdit::returnPressed, this, &TraceDock::runTrace);
    connect(m_hostAddresses, &QLineEdit::returnPressed, this, &TraceDock::runTrace);
    connect(m_protocol, &QComboBox::currentIndexChanged, this,
            [this] { m_port->setEnabled(m_protocol->currentData().toInt() != int(TraceProtocol::Icmp)); });
    connect(m_useSource, &QPushButton::clicked, this, [this] { m_source->setText(selectionText()); });
    connect(m_useDestination, &QPushButton::clicked, this, [this] { m_destination->setText(selectionText()); });
    m_traceFrom->setObjectName(QStringLiteral("actionTraceFrom"));
    m_traceFrom->setToolTip(
        tr("Trace from this endpoint (the Trace panel runs it once a destination is named)"));
    m_traceTo->setObjectName(QStringLiteral("actionTraceTo"));
    m_traceTo->setToolTip(tr("Trace to this object (a load balancer: its first VIP)"));
    connect(m_traceFrom, &QAction::triggered, this, [this] { takeSelection(m_source); });
    connect(m_traceTo, &QAction::triggered, this, [this] { takeSelection(m_destination); });
    connect(m_selection, &CurrentSelection::changed, this, &TraceDock::updateActions);
    connect(m_mirror, &HostMirror::reset, this, &TraceDock::updateActions);
    updateActions();
    connect(m_tracer, &HostTracer::finished, this, &TraceDock::show);
    connect(m_hops, &QTableWidget::itemSelectionChanged, this, &TraceDock::hopSelected);
}

TraceDock::~TraceDock() = default;

QString TraceDock::verdictText() const
{
    return m_verdict->text();
}

QString TraceDock::selectionText() const
{
    const QString id = m_selection->current();
    const HostObject* object = id.isEmpty() ? nullptr : m_mirror->hostState().find(id.toStdString());
    if (!object)
        return id;
    const nlohmann::json& document = *object->document;
    if (object->kind == ResourceKind::Endpoint && document.contains("Name") && document["Name"].is_string() &&
        !document["Name"].get<std::string>().empty())
        return QString::fromStdString(document["Name"].get<std::string>());
    if (object->kind == ResourceKind::LoadBalancer && document.contains("FrontendVIPs") &&
        document["FrontendVIPs"].is_array() && !document["FrontendVIPs"].empty() &&
        document["FrontendVIPs"][0].is_string())
        return QString::fromStdString(document["FrontendVIPs"][0].get<std::string>());
    return QString::fromStdString(object->id);
}

void TraceDock::updateActions()
{
    const QString id = m_selection->current();
    const HostObject* object = id.isEmpty() ? nullptr : m_mirror->hostState().find(id.toStdString());
    m_traceFrom->setEnabled(object && object->kind == ResourceKind::Endpoint);
    m_traceTo->setEnabled(object != nullptr);
}

void TraceDock::takeSelection(QLineEdit* edit)
{
    edit->setText(selectionText());
    QDockWidget::show();
    raise();
    if (!m_source->text().trimmed().isEmpty() && !m_destination->text().trimmed().isEmpty())
        runTrace();
    else
        (edit == m_source ? m_destination : m_source)->setFocus();
}

void TraceDock::runTrace()
{
    TraceRequest request;
    request.source = m_source->text().trimmed().toStdString();
    request.destination = m_destination->text().trimmed().toStdString();
    request.protocol = TraceProtocol(m_protocol->currentData().toInt());
    if (request.source.empty() || request.destination.empty()) {
        m_verdict->setText(tr("Name a source (an endpoint, or host) and a destination."));
        return;
    }
    const QString port = m_port->text().trimmed();
    if (!port.isEmpty() && request.protocol != TraceProtocol::Icmp) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value < 1 || value > 65535) {
            m_verdict->setText(tr("The port must be a number from 1 to 65535."));
            return;
        }
        request.port = std::uint16_t(value);
    }
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString& address : m_hostAddresses->text().split(separators, Qt::SkipEmptyParts))
        request.hostAddresses.push_back(address.toStdString());
    m_verdict->setText(tr("Tracing..."));
    m_trace->setEnabled(false);
    m_tracer->trace(request);
}

void TraceDock::show(const std::shared_ptr<const TraceResult>& result, const QString& error)
{
    m_trace->setEnabled(true);
    m_result = result;
    m_hops->setRowCount(0);
    if (!result) {
        m_verdict->setText(tr("Cannot trace: %1").arg(error));
        emit highlightRequested({});
        emit traced();
        return;
    }
    const QString verdict = QString::fromStdString(std::string(traceVerdictName(result->verdict)));
    m_verdict->setText(QStringLiteral("<b>%1</b>: %2")
                           .arg(verdict.left(1).toUpper() + verdict.mid(1),
                                QString::fromStdString(result->summary).toHtmlEscaped()));
    m_hops->setRowCount(int(result->hops.size()));
    for (int row = 0; row < int(result->hops.size()); ++row) {
        const TraceHop& hop = result->hops[std::size_t(row)];
        const QStringList cells{QString::number(row + 1),
                                QString::fromStdString(hop.name),
                                objectText(hop.object),
                                QString::fromStdString(std::string(hopOutcomeName(hop.outcome))),
                                QString::fromStdString(hop.decision),
                                QString::fromStdString(hop.rule)};
        for (int column = 0; column < HopListColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(QString::fromStdString(hop.detail));
            if (hop.outcome == HopOutcome::Drop)
                item->setForeground(QColor(0xB0, 0x20, 0x20));
            else if (hop.outcome == HopOutcome::Undecided)
                item->setForeground(QColor(0xA0, 0x60, 0x00));
            m_hops->setItem(row, column, item);
        }
    }
    m_hops->resizeColumnsToContents();
    QStringList path;
    for (const TraceObject& object : result->path)
        path << QString::fromStdString(object.id);
    emit highlightRequested(path);
    emit traced();
}

void TraceDock::hopSelected()
{
    const int row = m_hops->currentRow();
    if (!m_result || row < 0 || row >= int(m_result->hops.size()))
        return;
    const std::string& id = m_result->hops[std::size_t(row)].object.id;
    if (!id.empty())
        m_selection->setIds({QString::fromStdString(id)}, this);
}

} // namespace hcn::ui
