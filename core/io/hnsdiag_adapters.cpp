// The host's network adapters as hnsdiag lists them (see hnsdiag_adapters.h).

#include "io/hnsdiag_adapters.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/text_tables.h"

#include <string>
#include <string_view>

namespace hcn::io {

namespace {

/// At most this many adapters are named in one info; the others are counted.
constexpr std::size_t kMaxNamedAdapters = 8;
/// A property's value is kept to this many bytes.
constexpr std::size_t kMaxAdapterValue = 80;

/// The value of `Label : value` on `text` when its label is `label` (blanks around it any); empty
/// otherwise.
std::string_view labelledValue(std::string_view text, std::string_view label)
{
    text = trimBlanks(text);
    if (text.size() <= label.size() || !equalsIgnoreCase(text.substr(0, label.size()), label))
        return {};
    std::string_view rest = trimBlanks(text.substr(label.size()));
    if (!rest.starts_with(':'))
        return {};
    rest = trimBlanks(rest.substr(1));
    return rest.size() > kMaxAdapterValue ? rest.substr(0, kMaxAdapterValue) : rest;
}

/// The GUID of an adapter block's first line, `Adapter : {0694B065-...}`; empty when `text` is none.
std::string_view adapterIdOn(std::string_view text)
{
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        return {};
    std::string_view id = labelledValue(text, "Adapter");
    if (id.starts_with('{') && id.ends_with('}'))
        id = id.substr(1, id.size() - 2);
    return id.size() == 36 && tables::isGuid(id) ? id : std::string_view();
}

struct Adapter
{
    std::string id;
    std::string name;
    std::string type;
    std::string description;
};

std::string adapterSaid(const Adapter& a)
{
    std::string said = (a.name.empty() ? std::string() : a.name + " ") + "{" + a.id + "}";
    std::string details = a.type;
    if (!a.description.empty())
        details += (details.empty() ? "" : ", ") + a.description;
    if (!details.empty())
        said += " (" + details + ")";
    return said;
}

/// The info of a run of adapters.
ImportWarning adaptersInfo(const std::vector<Adapter>& adapters, int first, int last)
{
    std::string message = "hnsdiag list adapters shows " + std::to_string(adapters.size()) +
                          " host network " + (adapters.size() == 1 ? "adapter: " : "adapters: ");
    for (std::size_t i = 0; i < adapters.size() && i < kMaxNamedAdapters; ++i)
        message += (i == 0 ? "" : ", ") + adapterSaid(adapters[i]);
    if (adapters.size() > kMaxNamedAdapters)
        message += " and " + std::to_string(adapters.size() - kMaxNamedAdapters) + " more";
    message += "; adapters are no HNS objects, not imported";
    return {first, last, validUtf8(std::move(message))};
}

} // namespace

std::vector<ImportWarning> hnsdiagAdaptersIn(const std::vector<CleanedLine>& lines)
{
    std::vector<ImportWarning> infos;
    std::vector<Adapter> run;
    int first = 0;
    int last = 0;
    const auto close = [&] {
        if (!run.empty())
            infos.push_back(adaptersInfo(run, first, last));
        run.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view id = adapterIdOn(lines[i].text);
        if (id.empty()) {
            // A blank line goes on with the run; any other line that is no adapter's ends it.
            if (!trimBlanks(lines[i].text).empty())
                close();
            continue;
        }
        if (run.empty())
            first = lines[i].sourceLine;
        Adapter adapter{std::string(id), {}, {}, {}};
        last = lines[i].sourceLine;
        for (std::size_t p = i + 1; p < lines.size(); ++p) {
            const std::string_view text = lines[p].text;
            if (text.empty() || (text.front() != ' ' && text.front() != '\t') ||
                text.find(':') == std::string_view::npos)
                break;
            if (const std::string_view v = labelledValue(text, "Name"); !v.empty())
                adapter.name = std::string(v);
            else if (const std::string_view t = labelledValue(text, "Type"); !t.empty())
                adapter.type = std::string(t);
            else if (const std::string_view d = labelledValue(text, "Description"); !d.empty())
                adapter.description = std::string(d);
            last = lines[p].sourceLine;
            i = p;
        }
        run.push_back(std::move(adapter));
    }
    close();
    return infos;
}

} // namespace hcn::io
