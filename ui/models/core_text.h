#pragma once
// Text the Qt-free core hands out (UTF-8 in std::string / std::string_view) as the QString the widgets
// show, and the kinds' names: one conversion for the whole console.

#include <QString>
#include <hcn/resource_kind.h>
#include <string_view>

namespace hcn::ui {

/// UTF-8 from the core as a QString (invalid bytes become U+FFFD).
inline QString fromCore(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

/// The kind's API name ("Network", "Endpoint", ...; resourceKindName()).
inline QString kindName(ResourceKind kind)
{
    return fromCore(resourceKindName(kind));
}

/// The kind's label for people ("network", "load balancer", ...; resourceKindLabel()).
inline QString kindLabel(ResourceKind kind)
{
    return fromCore(resourceKindLabel(kind));
}

} // namespace hcn::ui
