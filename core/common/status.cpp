#include "hcn/status.h"

#include "common/utf8.h"

#include <nlohmann/json.hpp>

namespace hcn {

Status::Status(HResult code, std::string detail) : m_code(code), m_detail(validUtf8(std::move(detail))) {}

std::string Status::message() const
{
    std::string text(hresultMessage(m_code));
    if (!m_detail.empty()) {
        if (!text.empty() && text.back() != ' ')
            text += ' ';
        const auto start = text.size();
        text += m_detail;
        // The detail reads as a sentence after the system text ("... already exists. A network named ...").
        // Only a plain lower-case first word is capitalized: "fd00::1 is ..." or "adapters[0] ..." stay.
        std::size_t end = start;
        while (end < text.size() && text[end] >= 'a' && text[end] <= 'z')
            ++end;
        if (end > start && end < text.size() && text[end] == ' ')
            text[start] = static_cast<char>(text[start] - 'a' + 'A');
    }
    return text;
}

std::string Status::errorRecord() const
{
    if (ok())
        return {};
    nlohmann::ordered_json record;
    record["Success"] = false;
    record["Error"] = message();
    record["ErrorCode"] = static_cast<std::uint32_t>(m_code);
    return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace hcn
