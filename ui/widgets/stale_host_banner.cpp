#include "widgets/stale_host_banner.h"

#include "models/host_mirror.h"

#include <QDockWidget>
#include <QLocale>

namespace hcn::ui {

StaleHostBanner::StaleHostBanner(HostMirror* mirror, QWidget* parent) : QLabel(parent), m_mirror(mirror)
{
    setObjectName(QStringLiteral("staleHostBanner"));
    setWordWrap(true);
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("background: #f8d7da; color: #721c24; padding: 4px; font-weight: bold;"));
    hide();
    connect(m_mirror, &HostMirror::connectionStateChanged, this, &StaleHostBanner::update);
    connect(m_mirror, &HostMirror::reset, this, &StaleHostBanner::update);
}

void StaleHostBanner::markDocks(const QList<QDockWidget*>& docks)
{
    for (QDockWidget* dock : docks)
        m_docks << dock;
    update();
}

void StaleHostBanner::update()
{
    const bool stale = m_mirror->state() == ConnectionState::Disconnected;
    const bool changed = stale != m_since.isValid();
    if (stale && !m_since.isValid())
        m_since = QDateTime::currentDateTime(); // the last moment the copy was current
    else if (!stale)
        m_since = QDateTime();
    const QString time = QLocale().toString(m_since.time(), QLocale::ShortFormat);
    setText(stale ? tr("Disconnected \u2014 showing the host as of %1. The service may have changed since; "
                       "the console reconnects by itself and then shows it as it is.")
                        .arg(time)
                  : QString());
    setVisible(stale);
    for (const QPointer<QDockWidget>& dock : std::as_const(m_docks)) {
        if (!dock)
            continue;
        if (stale) {
            if (!m_titles.contains(dock))
                m_titles.insert(dock, dock->windowTitle());
            dock->setWindowTitle(tr("%1 (disconnected, as of %2)").arg(m_titles.value(dock), time));
        } else if (m_titles.contains(dock)) {
            dock->setWindowTitle(m_titles.take(dock));
        }
    }
    if (changed)
        emit staleChanged(stale);
}

} // namespace hcn::ui
