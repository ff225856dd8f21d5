#pragma once
// EventSummary: what the event log shows for one notification: the object it is about, the object's
// kind and a one-line summary of its Data (docs/notifications.md lists what each type carries). It reads
// the event the mirror already parsed; which kind a type is about is the core's answer
// (hcn::notificationResourceKind).

#include "hcn/guid.h"
#include "hcn/notification.h"
#include "hcn/resource_kind.h"
#include "models/mirror_event.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

namespace hcn::ui {

struct EventDigest
{
    Guid objectId;
    ResourceKind kind = ResourceKind::Invalid;
    QString summary;
};

class EventSummary
{
    Q_DECLARE_TR_FUNCTIONS(EventSummary)
public:
    /// Resolves an upper-case object ID to a display name (empty when unknown).
    using NameLookup = std::function<QString(const QString& id)>;

    /// Summaries longer than this are cut (a log line, not a document viewer).
    static constexpr int kMaxSummaryLength = 400;

    /// The row of a parsed notification; a malformed payload gives a summary saying so.
    static EventDigest digest(const MirrorEvent& event, const NameLookup& names = {});
    /// "NetworkCreate", "EndpointModify" ... (notificationTypeName without its Hcn prefix), or the hex
    /// value of an unknown type.
    static QString typeDisplayName(NotificationType type);
    /// "Network", "Load balancer" ... (translated) or empty.
    static QString kindDisplayName(ResourceKind kind);
};

} // namespace hcn::ui
