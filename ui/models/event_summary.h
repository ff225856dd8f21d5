#pragma once
// EventSummary: what the event log shows for one notification: the object it is about, the object's
// kind and a one-line summary of its Data (docs/notifications.md lists what each type carries).

#include "hcn/guid.h"
#include "hcn/notification.h"
#include "hcn/resource_kind.h"

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

    /// Parses the notification's NotificationBase JSON; a malformed payload gives a summary saying so.
    static EventDigest digest(const Notification& notification, const NameLookup& names = {});
    /// The type with the reserved flag bits masked off.
    static NotificationType baseType(NotificationType type);
    /// "NetworkCreate", "EndpointModify" ... (notificationTypeName without its Hcn prefix), or the hex
    /// value of an unknown type.
    static QString typeDisplayName(NotificationType type);
    /// Every type the log knows, in value order (filter combos).
    static const QList<NotificationType>& knownTypes();
    /// The kind of object a type is about; Invalid when it depends on the payload or there is none.
    static ResourceKind kindOfType(NotificationType type);
    /// "Network", "Endpoint" ... or empty.
    static QString kindDisplayName(ResourceKind kind);
};

} // namespace hcn::ui
