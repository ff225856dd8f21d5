#include "models/json_conversion.h"

#include "models/core_text.h"

#include <QJsonArray>
#include <limits>
#include <nlohmann/json.hpp>

namespace hcn::ui {

QJsonValue toQJsonValue(const nlohmann::json& value)
{
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::object:
        return toQJsonObject(value);
    case Type::array: {
        QJsonArray array;
        for (const auto& element : value)
            array.append(toQJsonValue(element));
        return array;
    }
    case Type::string:
        return fromCore(value.get_ref<const std::string&>());
    case Type::boolean:
        return value.get<bool>();
    case Type::number_integer:
        return qint64(value.get<std::int64_t>());
    case Type::number_unsigned: {
        const auto number = value.get<std::uint64_t>();
        // QJson holds integers as qint64; larger ones become doubles, as QJsonDocument reads them.
        return number <= std::uint64_t(std::numeric_limits<qint64>::max()) ? QJsonValue(qint64(number))
                                                                           : QJsonValue(double(number));
    }
    case Type::number_float:
        return value.get<double>();
    case Type::null:
        return QJsonValue(QJsonValue::Null);
    case Type::binary:
    case Type::discarded:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonObject toQJsonObject(const nlohmann::json& value)
{
    QJsonObject object;
    if (!value.is_object())
        return object;
    for (auto it = value.begin(); it != value.end(); ++it)
        object.insert(fromCore(it.key()), toQJsonValue(it.value()));
    return object;
}

} // namespace hcn::ui
