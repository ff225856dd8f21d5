#pragma once
// TopologyLayoutWorker: lives on the layout thread and owns the one Graphviz engine of the program.

#include "topology/topology_layout_job.h"

#include <QObject>
#include <memory>

namespace hcn::ui {

class TopologyLayoutEngine;

class TopologyLayoutWorker : public QObject
{
    Q_OBJECT
public:
    explicit TopologyLayoutWorker(QObject* parent = nullptr);
    ~TopologyLayoutWorker() override;

public slots:
    void run(const hcn::ui::TopologyLayoutRequest& request);

signals:
    void finished(const hcn::ui::TopologyLayoutResult& result);

private:
    // Created on first use, i.e. on the layout thread, so the Graphviz context never sees another.
    std::unique_ptr<TopologyLayoutEngine> m_engine;
};

} // namespace hcn::ui
