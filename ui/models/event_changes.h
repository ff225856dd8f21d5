#pragma once
// EventChanges: what a modify event changed, in words: the core's field-level diff of the object's
// previous document against the new one (hcn::diffDocuments, the snapshot diff's member walk), one
// line per change: `ExternalPort 9090 → 9091`, `Policies: +PortMapping TCP 8080 → 80`,
// `IpAddress 10.0.0.5 → 10.0.0.6`. A replaced array element (one out, one in, same policy type) is
// diffed member by member, so a changed port reads as that port, not as a policy removed and added.

#include "hcn/host_state.h"
#include "hcn/resource_kind.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hcn::ui {

class EventChanges
{
    Q_DECLARE_TR_FUNCTIONS(EventChanges)
public:
    /// At most this many changes in one line; the rest are counted ("and 3 more").
    static constexpr int kMaxInLine = 4;

    /// Every change from `before` to `after`, one line each (empty when nothing compared differs or a
    /// document is missing).
    static QStringList describe(const HostDocument& before, const HostDocument& after, ResourceKind kind);
    /// The changes in one line for the log's summary ("; " between them).
    static QString oneLine(const QStringList& changes);
};

} // namespace hcn::ui
