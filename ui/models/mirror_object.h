#pragma once
// One HCN object as the console knows it: its kind, ID and last document.

#include "hcn/host_state.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>
#include <QString>

namespace hcn::ui {

struct MirrorObject
{
    ResourceKind kind = ResourceKind::Invalid;
    /// Upper-case GUID, as HCN documents spell IDs.
    QString id;
    /// The document's "Name" (empty for kinds without one).
    QString name;
    /// The v2 document as the engine's query returns it.
    QJsonObject document;
    /// The same document as the core parsed it: what the mirror's hcn::HostState holds (shared).
    HostDocument parsed;
};

} // namespace hcn::ui
