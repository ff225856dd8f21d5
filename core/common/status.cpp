#include "hcn/status.h"

#include <nlohmann/json.hpp>

namespace hcn {

std::string Status::message() const
{
    std::string text(hresultMessage(m_code));
    if (!m_detail.empty()) {
        if (!text.empty() && text.back() != ' ')
            text += ' ';
        const auto start = text.size();
        text += m_detail;
        // Details are written as sentences after the system text: "... reserved. 10.0.0.1 is ..."
        if (text[start] >= 'a' && text[start] <= 'z')
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
    return record.dump();
}

} // namespace hcn
