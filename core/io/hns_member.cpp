// Telling a cut value that shows an HNS object from other output cut the same way (see hns_member.h).

#include "io/hns_member.h"

#include "common/text.h"
#include "io/hns_property_names.h"
#include "io/logged_words.h"
#include "io/non_hns_objects.h"
#include "io/text_tables.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace hcn::io {

namespace {

/// Values nested deeper than this are not searched for HNS members.
constexpr int kMaxMemberDepth = 16;

bool isGuidId(std::string_view key, const nlohmann::json& member)
{
    return equalsIgnoreCase(key, "ID") && member.is_string() &&
           tables::isGuid(member.get_ref<const std::string&>());
}

bool showsHnsMember(const nlohmann::json& value, int depth)
{
    if (depth > kMaxMemberDepth)
        return false;
    if (value.is_array())
        return std::any_of(value.begin(), value.end(),
                           [depth](const nlohmann::json& e) { return showsHnsMember(e, depth + 1); });
    if (!value.is_object())
        return false;
    for (const auto& [key, member] : value.items())
        if (isGuidId(key, member) || (isHnsProperty(key) && !isGenericPropertyName(key)) ||
            showsHnsMember(member, depth + 1))
            return true;
    return false;
}

bool hasGuidId(const nlohmann::json& value)
{
    if (!value.is_object())
        return false;
    return std::any_of(value.items().begin(), value.items().end(),
                       [](const auto& item) { return isGuidId(item.key(), item.value()); });
}

/// Whether `shown` can be the start of a GUID: hex digits, with the dashes where a GUID has them.
bool startsGuid(std::string_view shown)
{
    if (shown.empty() || shown.size() > 36)
        return false;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? shown[i] != '-' : !std::isxdigit(static_cast<unsigned char>(shown[i])))
            return false;
    }
    return true;
}

/// The last place `word` stands in `text`, npos when it stands nowhere. Searched forwards, which skips to
/// each candidate's first letter: most texts hold none of the words looked for, and std::string's rfind
/// compares at every position.
std::size_t lastOccurrence(std::string_view text, std::string_view word)
{
    std::size_t last = std::string_view::npos;
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1))
        last = at;
    return last;
}

} // namespace

ResourceKind kindNamedIn(std::string_view words, bool first)
{
    const std::string lower = lowerCopy(words);
    ResourceKind kind = ResourceKind::Invalid;
    std::size_t best = 0;
    for (const logged::KindSpelled& w : logged::kKindWords) {
        const std::size_t at = first ? lower.find(w.text) : lastOccurrence(lower, w.text);
        if (at != std::string::npos && (kind == ResourceKind::Invalid || (first ? at < best : at >= best))) {
            kind = w.kind;
            best = at;
        }
    }
    return kind;
}

bool cutInHnsId(std::string_view member, std::string_view shown, std::string_view context)
{
    return (member == "Id" || member == "ID") && startsGuid(shown) && !isRequestContext(context);
}

ResourceKind cutIdShowsHnsObject(std::string_view member, std::string_view shown, ResourceKind typeKind,
                                 std::string_view context)
{
    if (!cutInHnsId(member, shown, context))
        return ResourceKind::Invalid;
    if (typeKind != ResourceKind::Invalid)
        return typeKind;
    return shown.size() > 8 ? kindNamedIn(context) : ResourceKind::Invalid;
}

bool isRequestContext(std::string_view context)
{
    const std::string lower = lowerCopy(context);
    const auto lastAt = [&lower](std::string_view word) { return lastOccurrence(lower, word); };
    std::optional<std::size_t> request;
    // The words of an answer: `response`, and `answer` (`answered`, `answers`) where it heads what follows,
    // a bracket between (`HNS answered:`, `HNS answer (200 OK) body:`); in prose (`HNS never answered`,
    // `see the answer below`) it is no heading.
    const auto lastAnswerIn = [](std::string_view text) {
        std::size_t answer = std::string_view::npos;
        for (std::size_t at = text.find("answer"); at != std::string_view::npos;
             at = text.find("answer", at + 1)) {
            std::size_t end = at + 6;
            while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])))
                ++end;
            while (end < text.size() && text[end] == ' ')
                ++end;
            if (end < text.size() && text[end] == '(') {
                end = text.find(')', end);
                end = end == std::string_view::npos ? text.size() : end + 1;
                while (end < text.size() && text[end] == ' ')
                    ++end;
            }
            const std::string_view rest = text.substr(end);
            if (rest.starts_with(':') || rest.starts_with("body") || rest.starts_with("payload"))
                answer = at;
        }
        const std::size_t response = lastOccurrence(text, "response");
        return response == std::string_view::npos ? answer
               : answer == std::string_view::npos ? response
                                                  : std::max(response, answer);
    };
    // The words of a body handed to HNS (`request`, `body`, `payload`, `input to HNS`, `sent to HNS`,
    // `Sample Input to HNS:`), of a call that carries one, and of an object being made. A body or
    // payload is the answer's when an answer's word is the last of these before it (`response body:`,
    // `HNS response (status 200) body:`), the request's when `request` is (`request body:`); alone
    // (`Payload:`) it is one handed to HNS.
    for (const std::string_view word :
         {"request", "data[", "[post]", "[put]", "method[post", "hnsconfigbytes", "body", "payload",
          "input to hns", "sample input", "sent to hns", "with settings", "settings=", "creating",
          "attempting to create", "to be created"}) {
        const std::size_t at = lastAt(word);
        if (at == std::string::npos)
            continue;
        if (word == "body" || word == "payload") {
            const std::string_view before = std::string_view(lower).substr(0, at);
            const std::size_t answer = lastAnswerIn(std::string_view(lower).substr(0, at + word.size()));
            const std::size_t asked = lastOccurrence(before, "request");
            if (answer != std::string_view::npos && (asked == std::string_view::npos || asked < answer))
                continue;
        }
        request = std::max(request.value_or(0), at);
    }
    if (!request)
        return false;
    const std::size_t answer = lastAnswerIn(lower);
    return answer == std::string::npos || answer < *request;
}

bool isSampleRequestContext(std::string_view context)
{
    const std::string lower = lowerCopy(context);
    for (const std::string_view sample : {"sample", "example"})
        for (const std::string_view body : {" input", " request", " body", " payload"})
            if (lower.find(std::string(sample) + std::string(body)) != std::string::npos)
                return true;
    return false;
}

bool showsHnsMember(const nlohmann::json& value)
{
    return showsHnsMember(value, 0);
}

bool isKubernetesObject(const nlohmann::json& value)
{
    if (!value.is_object())
        return false;
    // Go's %+v and %#v print the embedded structs by their type's name; JSON by the API's own keys.
    return value.contains("TypeMeta") || value.contains("ObjectMeta") ||
           (value.contains("apiVersion") && value.contains("kind") && value.contains("metadata"));
}

bool cutLosesHnsObject(const nlohmann::json& value, std::string_view context)
{
    return showsHnsMember(value) && !(!hasGuidId(value) && isRequestContext(context)) &&
           !isKubernetesObject(value) && !isNetworkControllerResource(value);
}

} // namespace hcn::io
