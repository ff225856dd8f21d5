#pragma once
// Documents the core parsed (nlohmann::json) as the QJson values the console's views read. A tree walk,
// not a second parse of the text.

#include <QJsonObject>
#include <QJsonValue>
#include <nlohmann/json_fwd.hpp>

namespace hcn::ui {

QJsonValue toQJsonValue(const nlohmann::json& value);
/// An object's members; an empty object for anything else.
QJsonObject toQJsonObject(const nlohmann::json& value);

} // namespace hcn::ui
