#include "models/mirror_event.h"

#include "models/json_conversion.h"

namespace hcn::ui {

MirrorEvent MirrorEvent::fromParsed(const ParsedNotification& parsed)
{
    MirrorEvent event;
    event.sequence = parsed.sequence;
    event.type = parsed.type;
    event.status = parsed.status;
    event.kind = parsed.kind;
    event.objectId = QString::fromStdString(parsed.objectId);
    event.data = toQJsonObject(*parsed.data);
    event.error = QString::fromStdString(parsed.error);
    event.updates = parsed.updates;
    return event;
}

MirrorEvent MirrorEvent::read(const Notification& notification)
{
    return fromParsed(parseNotification(notification));
}

} // namespace hcn::ui
