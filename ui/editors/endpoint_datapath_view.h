#pragma once
// EndpointDatapathView: the "Datapath" part of the Properties dock for the selected endpoint. Which
// backend programs it, where its port is in the backend's own names (on Linux the host side hcnv…, the
// namespace hcn-<guid> and the interface inside it) and its live counters, read with
// HcnQueryEndpointStats on the host's ApiWorker every refreshInterval() while the endpoint is selected
// and the view visible. A reply for an endpoint no longer shown is dropped. An endpoint without a port
// (not attached, remote) or a host without counters is said so in words. An offline snapshot has no
// live datapath: the view stays hidden.

#include "hcn/status.h"

#include <QJsonObject>
#include <QLabel>
#include <QTimer>

namespace hcn::ui {

class HostMirror;

class EndpointDatapathView : public QLabel
{
    Q_OBJECT
public:
    explicit EndpointDatapathView(HostMirror* mirror, QWidget* parent = nullptr);

    /// Follows endpoint `id` (a live host only); empty: shows nothing.
    void showEndpoint(const QString& id);
    /// The endpoint followed (empty: none).
    QString endpointId() const { return m_id; }
    /// How often the counters are read again (2 s).
    int refreshInterval() const { return m_timer.interval(); }
    void setRefreshInterval(int ms) { m_timer.setInterval(ms); }
    /// The part as the user reads it, without markup.
    QString plainText() const { return m_plain; }

signals:
    /// A reply for the endpoint shown was taken (ok or not) and the text updated.
    void refreshed(const QString& id);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void request();
    void present(const Result<QJsonObject>& stats);
    void setPlain(const QString& text);

    HostMirror* m_mirror;
    QTimer m_timer;
    QString m_id;
    QString m_plain;
    /// A read is on its way: ticks do not queue more behind it.
    bool m_inFlight = false;
};

} // namespace hcn::ui
