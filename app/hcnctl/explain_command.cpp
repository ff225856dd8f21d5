#include "explain_command.h"

#include "hcn/error_catalog.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <utility>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

std::vector<HResult> requestedCodes(const std::vector<std::string>& words)
{
    std::vector<HResult> codes;
    for (const std::string& word : words) {
        if (word == "all") {
            const auto all = catalogedHResults();
            codes.insert(codes.end(), all.begin(), all.end());
        } else if (auto code = parseHResult(word); code.ok()) {
            codes.push_back(*code);
        }
    }
    return codes;
}

void printList(std::ostream& out, const char* title, const std::vector<std::string>& lines)
{
    if (lines.empty())
        return;
    out << "  " << title << ":\n";
    for (const std::string& line : lines)
        out << "    - " << line << '\n';
}

void printText(const ErrorExplanation& e, std::ostream& out)
{
    const std::string numbers = hresultHex(e.code) + ", " + std::to_string(e.code);
    if (e.known)
        out << e.name << " (" << numbers << ")\n";
    else
        out << hresultHex(e.code) << " (" << e.code << "): not in the error catalog\n";
    if (!e.message.empty())
        out << "  Message:  " << e.message << '\n';
    out << "  Meaning:  " << e.meaning << '\n';
    out << "  Facility: " << e.facilityName << ", code " << e.fields.code
        << (e.fields.failure ? ", severity error" : ", severity success") << '\n';
    printList(out, "Causes", e.causes);
    printList(out, "Checks", e.checks);
}

} // namespace

std::string checkExplainArguments(const std::vector<std::string>& codes)
{
    if (codes.empty())
        return "explain needs at least one CODE (or all)";
    for (const std::string& word : codes) {
        if (word == "all")
            continue;
        if (auto code = parseHResult(word); !code.ok())
            return code.status().detail();
    }
    return {};
}

ExitStatus runExplain(const std::vector<std::string>& words, bool asJson, std::ostream& out)
{
    bool allKnown = true;
    json documents = json::array();
    bool first = true;
    for (HResult code : requestedCodes(words)) {
        const ErrorExplanation e = explainHResult(code);
        allKnown = allKnown && e.known;
        if (asJson) {
            documents.push_back(e);
            continue;
        }
        if (!std::exchange(first, false))
            out << '\n';
        printText(e, out);
    }
    if (asJson)
        out << documents.dump() << '\n';
    return allKnown ? ExitStatus::Success : ExitStatus::Failure;
}

} // namespace hcn::ctl
