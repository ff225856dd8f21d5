#pragma once
// EventRecord: one row of the event log, kept compact (64 bytes) because the log holds 100,000 of them.
// Display text (time, type name) is formatted on demand; the object's name as it was when the event
// arrived and the one-line summary are stored, as UTF-8, in the model's SummaryStore (name first).

#include "hcn/guid.h"
#include "hcn/hresult.h"
#include "hcn/notification.h"
#include "hcn/resource_kind.h"

#include <QtGlobal>

namespace hcn::ui {

/// Where a row comes from: the host's notification stream, or the console itself.
enum class EventOrigin : quint8
{
    Notification,
    FailedCall, ///< a call the console made failed (status holds its HRESULT)
    Marker,     ///< the host shown changed, or a file could not be opened: see EventMarker
};

/// What a marker row marks.
enum class EventMarker : quint8
{
    None,
    HostOpened,   ///< another host is shown (connect, disconnect, scenario, snapshot, dump, new host)
    Disconnected, ///< the service connection was lost
    Reconnected,  ///< the service is back; the host was read again
    EventsMissed, ///< notifications were skipped; a resync follows
    Resynced,     ///< the host was read again after missed notifications
    OpenFailed,   ///< a file (snapshot, scenario, dump, recording, compare side) could not be opened;
                  ///< the host shown is unchanged
};

struct EventRecord
{
    quint64 sequence = 0;
    /// When the console received the notification (ms since the epoch, UTC).
    qint64 received_ms = 0;
    /// The notification's "ID" (null for ServiceDisconnect and most console rows).
    Guid objectId;
    /// Position of the name in the SummaryStore; the summary follows it.
    quint64 textOffset = 0;
    quint32 summaryLength = 0;
    /// UTF-8 bytes of the object's name when the event arrived (0: unknown).
    quint16 nameLength = 0;
    EventOrigin origin = EventOrigin::Notification;
    EventMarker marker = EventMarker::None;
    NotificationType type = NotificationType::Invalid;
    HResult status = hr::Ok;
    ResourceKind kind = ResourceKind::Invalid;
};

} // namespace hcn::ui
