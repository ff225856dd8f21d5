#pragma once
// EventRecord: one row of the event log, kept compact (~56 bytes) because the log holds 100,000 of them.
// Display text (time, type name, object name) is formatted on demand; only the one-line summary is
// stored, as UTF-8 in the model's SummaryStore.

#include "hcn/guid.h"
#include "hcn/hresult.h"
#include "hcn/notification.h"
#include "hcn/resource_kind.h"

#include <QtGlobal>

namespace hcn::ui {

struct EventRecord
{
    quint64 sequence = 0;
    /// When the console received the notification (ms since the epoch, UTC).
    qint64 received_ms = 0;
    /// The notification's "ID" (null for ServiceDisconnect).
    Guid objectId;
    /// Position of the summary in the SummaryStore and its length in UTF-8 bytes.
    quint64 summaryOffset = 0;
    quint32 summaryLength = 0;
    NotificationType type = NotificationType::Invalid;
    HResult status = hr::Ok;
    ResourceKind kind = ResourceKind::Invalid;
};

} // namespace hcn::ui
