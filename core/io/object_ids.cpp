// An object's ID as the import matches it (object_ids.h).

#include "io/object_ids.h"

namespace hcn::io::detail {

std::string_view idText(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '{'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '}'))
        text.remove_suffix(1);
    return text;
}

std::string idKey(std::string_view text)
{
    std::string key(idText(text));
    for (char& c : key)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return key;
}

std::string idKeyOf(const nlohmann::json& value)
{
    return value.is_string() ? idKey(std::string_view(value.get_ref<const std::string&>())) : std::string();
}

} // namespace hcn::io::detail
