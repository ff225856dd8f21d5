#pragma once
// MirrorEvent: one notification as the console's views read it. The payload is parsed once, on the API's
// delivery thread (hcn::parseNotification); the event carries the result with "Data" as QJson, so the
// event log summarizes it without reading the text again.

#include "hcn/host_state.h"
#include "hcn/notification.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QVector>
#include <vector>

namespace hcn::ui {

struct MirrorEvent
{
    quint64 sequence = 0;
    /// The type with the reserved flag bits masked off.
    NotificationType type = NotificationType::Invalid;
    HResult status = hr::Ok;
    /// What the event is about (hcn::ParsedNotification::kind).
    ResourceKind kind = ResourceKind::Invalid;
    /// "ID", upper case; empty when none.
    QString objectId;
    /// "Data" (empty when absent or not an object).
    QJsonObject data;
    /// Why the payload could not be read; empty when it could.
    QString error;
    /// What the notification does to a host copy (hcn::ParsedNotification::updates; the documents are
    /// shared with the parsed notification, not copied): the event log diffs a Modify against the
    /// object's previous document.
    std::vector<HostUpdate> updates;

    /// The event of a parsed notification (converts Data; any thread).
    static MirrorEvent fromParsed(const ParsedNotification& parsed);
    /// Parses and converts (any thread).
    static MirrorEvent read(const Notification& notification);
};

} // namespace hcn::ui

Q_DECLARE_METATYPE(hcn::ui::MirrorEvent)
