#include "host_status_bar.h"

#include "models/core_text.h"
#include "widgets/connection_controller.h"

#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace hcn::ui {

HostStatusBar::HostStatusBar(HostMirror* mirror, QWidget* parent)
    : QStatusBar(parent), m_mirror(mirror), m_versions(new QLabel), m_endpoint(new QLabel),
      m_connection(new QLabel), m_counts(new QLabel), m_attempt(new QLabel),
      m_attemptProgress(new QProgressBar), m_cancelAttempt(new QToolButton)
{
    setObjectName(QStringLiteral("hostStatusBar"));
    m_versions->setObjectName(QStringLiteral("statusVersions"));
    m_endpoint->setObjectName(QStringLiteral("statusEndpoint"));
    m_connection->setObjectName(QStringLiteral("statusConnection"));
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    m_attempt->setObjectName(QStringLiteral("statusAttempt"));
    m_attemptProgress->setRange(0, 0);
    m_attemptProgress->setTextVisible(false);
    m_attemptProgress->setMaximumWidth(80);
    m_cancelAttempt->setObjectName(QStringLiteral("statusCancelAttempt"));
    m_cancelAttempt->setText(tr("Cancel"));
    m_cancelAttempt->setToolTip(tr("Stop connecting and keep the host shown now"));
    for (QWidget* widget : {static_cast<QWidget*>(m_attempt), static_cast<QWidget*>(m_attemptProgress),
                            static_cast<QWidget*>(m_cancelAttempt)}) {
        addPermanentWidget(widget);
        widget->hide();
    }
    addPermanentWidget(m_counts);
    addPermanentWidget(m_versions);
    addPermanentWidget(m_endpoint);
    addPermanentWidget(m_connection);

    connect(m_mirror, &HostMirror::reset, this, [this] {
        updateHost();
        updateCounts();
    });
    connect(m_mirror, &HostMirror::connectionStateChanged, this, &HostStatusBar::updateConnection);
    connect(m_mirror, &HostMirror::objectsAdded, this, &HostStatusBar::updateCounts);
    connect(m_mirror, &HostMirror::objectsRemoved, this, &HostStatusBar::updateCounts);
    updateHost();
    updateConnection(m_mirror->state());
    updateCounts();
}

QString HostStatusBar::versionsText() const
{
    return m_versions->text();
}

QString HostStatusBar::endpointText() const
{
    return m_endpoint->text();
}

QString HostStatusBar::connectionText() const
{
    return m_connection->text();
}

QString HostStatusBar::countsText() const
{
    return m_counts->text();
}

QString HostStatusBar::attemptText() const
{
    return m_controller && m_controller->isConnecting() ? m_attempt->text() : QString();
}

void HostStatusBar::followConnectionAttempts(ConnectionController* controller)
{
    m_controller = controller;
    connect(controller, &ConnectionController::connectingChanged, this, &HostStatusBar::updateAttempt);
    connect(m_cancelAttempt, &QToolButton::clicked, controller, &ConnectionController::cancelConnect);
    updateAttempt();
}

void HostStatusBar::updateAttempt()
{
    const bool connecting = m_controller && m_controller->isConnecting();
    m_attempt->setText(connecting ? tr("Connecting to %1...").arg(m_controller->connectingTo()) : QString());
    for (QWidget* widget : {static_cast<QWidget*>(m_attempt), static_cast<QWidget*>(m_attemptProgress),
                            static_cast<QWidget*>(m_cancelAttempt)})
        widget->setVisible(connecting);
}

void HostStatusBar::updateHost()
{
    const ApiInfo& info = m_mirror->info();
    if (!m_mirror->worker()) {
        m_versions->clear();
        m_endpoint->setText(tr("No host"));
        return;
    }
    m_versions->setText(
        tr("HNS %1 \u00b7 schema %2")
            .arg(fromCore(info.hnsVersion.toString()), fromCore(info.schemaVersion.toString())));
    m_endpoint->setText(info.readOnly ? fromCore(info.description)
                        : info.datapath.empty()
                            ? fromCore(info.endpoint)
                            : tr("%1 (%2 datapath)").arg(fromCore(info.endpoint), fromCore(info.datapath)));
}

void HostStatusBar::updateConnection(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Detached:
        m_connection->setText(tr("Not connected"));
        m_connection->setStyleSheet({});
        break;
    case ConnectionState::Connected:
        m_connection->setText(tr("Connected"));
        m_connection->setStyleSheet({});
        break;
    case ConnectionState::Disconnected:
        m_connection->setText(tr("Disconnected \u2014 reconnecting..."));
        m_connection->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
        break;
    }
    updateHost();
}

void HostStatusBar::updateCounts()
{
    m_counts->setText(tr("%1 networks \u00b7 %2 endpoints \u00b7 %3 namespaces \u00b7 %4 load balancers")
                          .arg(m_mirror->count(ResourceKind::Network))
                          .arg(m_mirror->count(ResourceKind::Endpoint))
                          .arg(m_mirror->count(ResourceKind::Namespace))
                          .arg(m_mirror->count(ResourceKind::LoadBalancer)));
}

} // namespace hcn::ui
