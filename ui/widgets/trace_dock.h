#pragma once
// TraceDock: can endpoint A reach B? (docs/trace.md). The user names the source endpoint and the
// destination (an endpoint, an IP address, a load balancer VIP or a host address) by typing or by taking
// the object selected in the tree or on the topology, picks protocol and port, and gets the hops (each
// with its object, outcome, decision and the rule that decided) and the verdict. The objects on the path
// are highlighted on the topology (highlightRequested); selecting a hop selects its object.

#include "hcn/reachability_trace.h"

#include <QDockWidget>
#include <QStringList>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace hcn::ui {

class CurrentSelection;
class HostMirror;
class HostTracer;

class TraceDock : public QDockWidget
{
    Q_OBJECT
public:
    TraceDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);
    ~TraceDock() override;

    QLineEdit* sourceEdit() const { return m_source; }
    QLineEdit* destinationEdit() const { return m_destination; }
    QComboBox* protocolBox() const { return m_protocol; }
    QLineEdit* portEdit() const { return m_port; }
    QLineEdit* hostAddressesEdit() const { return m_hostAddresses; }
    QPushButton* traceButton() const { return m_trace; }
    QPushButton* useSelectionAsSourceButton() const { return m_useSource; }
    QPushButton* useSelectionAsDestinationButton() const { return m_useDestination; }
    QTableWidget* hopTable() const { return m_hops; }
    /// "Trace From Here": the selected endpoint becomes the source (enabled for an endpoint).
    QAction* traceFromAction() const { return m_traceFrom; }
    /// "Trace To Here": the selected object becomes the destination (enabled for any object).
    /// Either action shows the dock and runs the trace once both ends are named.
    QAction* traceToAction() const { return m_traceTo; }
    /// The verdict line ("Delivered to endpoint web (10.0.0.7:80)") or what kept the trace from running.
    QString verdictText() const;
    /// The last result (null before the first or after a failed trace).
    const std::shared_ptr<const hcn::TraceResult>& result() const { return m_result; }

    /// Runs the trace the form describes.
    void runTrace();

signals:
    /// A trace finished (result() and verdictText() are current).
    void traced();
    /// The objects on the path of the last trace (empty: none); the topology highlights them.
    void highlightRequested(const QStringList& ids);

private:
    /// What to type for the selected object: an endpoint's name, a load balancer's first VIP, else its ID.
    QString selectionText() const;
    /// The selected object becomes one end of the trace (`edit`); traces when both ends are named.
    void takeSelection(QLineEdit* edit);
    void updateActions();
    void show(const std::shared_ptr<const hcn::TraceResult>& result, const QString& error);
    void hopSelected();

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    HostTracer* m_tracer;
    QLineEdit* m_source;
    QLineEdit* m_destination;
    QComboBox* m_protocol;
    QLineEdit* m_port;
    QLineEdit* m_hostAddresses;
    QPushButton* m_trace;
    QPushButton* m_useSource;
    QPushButton* m_useDestination;
    QAction* m_traceFrom;
    QAction* m_traceTo;
    QLabel* m_verdict;
    QTableWidget* m_hops;
    std::shared_ptr<const hcn::TraceResult> m_result;
};

} // namespace hcn::ui
