// docker's network commands on Windows (see docker_commands.h).

#include "io/docker_commands.h"

#include "common/text.h"
#include "io/hns_commands.h"
#include "io/powershell_commands.h"
#include "io/request_answer.h"
#include "io/text_scan.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace hcn::io {

namespace {

using json = nlohmann::json;

/// A network name docker accepts (`[a-zA-Z0-9][a-zA-Z0-9_.-]*`) that prose does not end a sentence with.
bool isDockerName(std::string_view word)
{
    return !word.empty() && std::isalnum(static_cast<unsigned char>(word.front())) &&
           std::isalnum(static_cast<unsigned char>(word.back())) &&
           std::all_of(word.begin(), word.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
           });
}

/// docker's network drivers on Windows, each with the HNS network type it creates.
struct WindowsDriver
{
    std::string_view driver;
    std::string_view type;
};

constexpr std::array<WindowsDriver, 6> kWindowsDrivers{{{"nat", "NAT"},
                                                        {"transparent", "Transparent"},
                                                        {"l2bridge", "L2Bridge"},
                                                        {"l2tunnel", "L2Tunnel"},
                                                        {"overlay", "Overlay"},
                                                        {"ics", "ICS"}}};

/// The options of `docker network create` that take a value (the others are flags).
constexpr std::array<std::string_view, 14> kValueOptions{
    "-d",    "--driver",      "--subnet",   "--gateway", "--ip-range", "--aux-address", "-o",
    "--opt", "--ipam-driver", "--ipam-opt", "--label",   "--scope",    "--config-from", "--ipv6-subnet"};

/// `word` without its quotes, as a shell passes it on: `--opt=com.x="Ethernet 4"` gives `--opt=com.x=Ethernet
/// 4`.
std::string unquoted(std::string_view word)
{
    std::string out;
    char quote = 0;
    for (const char c : word) {
        if (quote != 0 && c == quote)
            quote = 0;
        else if (quote == 0 && (c == '"' || c == '\''))
            quote = c;
        else
            out += c;
    }
    return out;
}

/// What the request of a command with a quote that never closes says after its words.
constexpr std::string_view kOpenQuoteSaid =
    " (a quote in the command never closes: what follows it is not clear)";

/// Whether `text` ends inside a quote.
bool endsInsideQuote(std::string_view text)
{
    char quote = 0;
    for (const char c : text)
        if (quote != 0 && c == quote)
            quote = 0;
        else if (quote == 0 && (c == '"' || c == '\''))
            quote = c;
    return quote != 0;
}

constexpr std::string_view kShim = "com.docker.network.windowsshim.";

/// The arguments of `docker network create`.
struct CreateArguments
{
    std::string driver; ///< lower case
    std::vector<std::string> subnets;
    std::vector<std::string> gateways;
    std::vector<std::pair<std::string, std::string>> options; ///< -o key=value, keys in lower case
    std::vector<std::string> positional;
    bool waiting = false; ///< the last option waits for its value
};

CreateArguments createArguments(const std::vector<std::string>& words, std::size_t from)
{
    CreateArguments args;
    for (std::size_t i = from; i < words.size(); ++i) {
        std::string word = words[i];
        if (isRedirection(words[i])) {
            if (words[i].ends_with('>'))
                ++i; // its target
            continue;
        }
        if (!word.starts_with('-') || word == "-") {
            args.positional.push_back(std::move(word));
            continue;
        }
        std::string name = word;
        std::string value;
        bool given = false;
        if (const std::size_t equals = word.find('='); equals != std::string::npos) {
            name = word.substr(0, equals);
            value = word.substr(equals + 1);
            given = true;
        }
        if (std::find(kValueOptions.begin(), kValueOptions.end(), name) == kValueOptions.end())
            continue; // a flag (`--internal`, `--attachable`) or an option docker would refuse
        if (!given) {
            if (i + 1 >= words.size()) {
                args.waiting = true;
                break;
            }
            value = words[++i];
        }
        // The adapters to team written as PowerShell's comma-separated words (`interface="Ethernet 2",
        // "Ethernet 3"`, as Windows' docs write them) go on in the next word; another option's comma is the
        // poster's (`vlanid=11, tnet`).
        if (name == "-o" || name == "--opt")
            while (value.ends_with(',') && lowerCopy(value).starts_with(std::string(kShim) + "interface=") &&
                   i + 1 < words.size() && !words[i + 1].starts_with('-') && !isRedirection(words[i + 1]))
                value += words[++i];
        if (name == "-d" || name == "--driver")
            args.driver = lowerCopy(value);
        else if (name == "--subnet")
            args.subnets.push_back(value);
        else if (name == "--gateway")
            args.gateways.push_back(value);
        else if (name == "-o" || name == "--opt") {
            const std::size_t equals = value.find('=');
            args.options.emplace_back(lowerCopy(value.substr(0, equals)),
                                      equals == std::string::npos ? std::string() : value.substr(equals + 1));
        }
    }
    return args;
}

/// The adapters the `interface` option names: one, or a comma-separated list that Windows teams into one
/// switch (`Ethernet 2,Ethernet 3`).
std::string adaptersSaid(std::string_view interfaces)
{
    std::vector<std::string_view> names;
    for (std::size_t from = 0; from <= interfaces.size();) {
        const std::size_t comma = std::min(interfaces.find(',', from), interfaces.size());
        if (const std::string_view name = trimBlanks(interfaces.substr(from, comma - from)); !name.empty())
            names.push_back(name);
        from = comma + 1;
    }
    if (names.empty())
        return {};
    if (names.size() == 1)
        return " on adapter " + std::string(names.front());
    std::string said = " on adapters ";
    for (std::size_t i = 0; i < names.size(); ++i)
        said += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + std::string(names[i]);
    return said + " (teamed)";
}

/// What `docker network create` asks of HNS, in the words of a request HNS logged (describeRequest);
/// empty when it asks HNS nothing.
std::string createdAsked(const CreateArguments& args, const std::string& name)
{
    std::string type = "NAT"; // docker's default driver on Windows
    if (!args.driver.empty()) {
        const auto driver = std::find_if(kWindowsDrivers.begin(), kWindowsDrivers.end(),
                                         [&](const WindowsDriver& d) { return d.driver == args.driver; });
        if (driver == kWindowsDrivers.end())
            return {}; // Linux's bridge, macvlan, ...; a plugin's network is the plugin's to make
        type = driver->type;
    }
    std::string hnsName = name;
    std::string hnsId;
    std::string adapter;
    std::string extra;
    for (const auto& [key, value] : args.options) {
        if (key.starts_with("com.docker.network.bridge."))
            return {}; // the options of Linux's bridge driver
        if (!key.starts_with(kShim) || value.empty())
            continue;
        const std::string_view shim = std::string_view(key).substr(kShim.size());
        if (shim == "interface")
            adapter = value;
        else if (shim == "networkname")
            hnsName = value;
        else if (shim == "hnsid")
            hnsId = value;
        else if (shim == "vlanid")
            extra += ", VLAN " + value;
        else if (shim == "dnsservers")
            extra += ", DNS servers " + value;
        else if (shim == "disable_gatewaydns" && equalsIgnoreCase(value, "true"))
            extra += ", no DNS from the gateway";
    }
    if (!hnsId.empty())
        return "query network " + hnsId + (name.empty() ? "" : " for docker network " + name) +
               " (docker takes that network as it is and creates none)";
    const std::string dockerName = hnsName != name && !name.empty() ? " for docker network " + name : "";
    json document = json::object();
    if (!hnsName.empty())
        document["Name"] = hnsName;
    document["Type"] = type;
    for (std::size_t i = 0; i < args.subnets.size(); ++i) {
        json subnet{{"AddressPrefix", args.subnets[i]}};
        if (i < args.gateways.size())
            subnet["GatewayAddress"] = args.gateways[i];
        document["Subnets"].push_back(std::move(subnet));
    }
    return describeRequest({}, document, ResourceKind::Network) + adaptersSaid(adapter) + extra + dockerName;
}

/// A docker network ID as `docker network ls` shows it (12 hex digits) or whole (64).
bool isDockerId(std::string_view word)
{
    return (word.size() == 12 || word.size() == 64) && std::all_of(word.begin(), word.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c));
           });
}

} // namespace

bool isCreatedNetworkId(std::string_view line)
{
    line = trimBlanks(line);
    return line.size() >= 12 && line.size() <= 64 && std::all_of(line.begin(), line.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c)) &&
                      !std::isupper(static_cast<unsigned char>(c));
           });
}

bool mayHoldDockerNetworkCommand(std::string_view text)
{
    const std::size_t docker = findIgnoringCase(text, "docker");
    return docker != std::string_view::npos && text.find("network", docker) != std::string_view::npos;
}

std::optional<LoggedRequest> dockerNetworkRequest(std::string_view statement, bool lastLine, bool continued,
                                                  std::vector<std::string>& deleted)
{
    statement = withoutPrompt(statement);
    std::vector<std::string> words;
    for (const std::string_view part : splitOutside(statement, " \t")) {
        if (part.starts_with('#'))
            break; // a comment
        if (!part.empty())
            words.push_back(unquoted(part));
    }
    if (words.size() < 3 || words[1] != "network")
        return {};
    if (!equalsIgnoreCase(words[0], "docker") && !equalsIgnoreCase(words[0], "docker.exe"))
        return {};
    const std::string verb = words[2];
    const bool create = verb == "create";
    if (!create && verb != "rm" && verb != "remove")
        return {};
    const bool cutQuote = lastLine && endsInsideQuote(statement);
    // A quote the poster left open before the command's end (`interface="SLOT 1 Port 2 new_ns`): the
    // word it opens runs to the end and says nothing sure; the command is read up to it.
    const bool openQuote = create && !lastLine && endsInsideQuote(statement);
    if (openQuote)
        words.pop_back();
    const auto request = [&](std::string what) {
        LoggedRequest r;
        r.asker = LoggedRequest::Asker::Command;
        r.by = "docker network " + verb;
        r.kind = ResourceKind::Network;
        r.what = std::move(what);
        return r;
    };
    if (create) {
        const CreateArguments args = createArguments(words, 3);
        const bool cut = continued || cutQuote || (lastLine && args.waiting);
        // Its name ends it; prose names none, or goes on after it.
        if (args.positional.size() > 1 || (args.positional.empty() && !cut && !openQuote))
            return {};
        const std::string name = args.positional.empty() ? std::string() : args.positional.front();
        if (!name.empty() && !isDockerName(name))
            return {};
        std::string what = createdAsked(args, name);
        if (what.empty())
            return {};
        if (openQuote)
            return request(what + std::string(kOpenQuoteSaid));
        return request(cut ? what + std::string(kCutCommandSaid) : what);
    }
    std::vector<std::string> names;
    for (std::size_t i = 3; i < words.size(); ++i) {
        if (isRedirection(words[i])) {
            if (words[i].ends_with('>'))
                ++i;
            continue;
        }
        if (words[i] == "-f" || words[i] == "--force")
            continue;
        if (!isDockerName(words[i]))
            return std::nullopt; // prose: `docker network rm didn't help`
        names.push_back(words[i]);
    }
    if (names.empty())
        return {};
    for (const std::string& name : names)
        if (!isDockerId(name))
            deleted.push_back(name);
    // One request for them all: a report says one request a line.
    std::string what = names.size() == 1 ? "delete " : "delete networks ";
    for (std::size_t n = 0; n < names.size(); ++n) {
        what += n == 0 ? "" : n + 1 == names.size() ? " and " : ", ";
        if (names.size() == 1)
            what +=
                isDockerId(names[n]) ? "the network whose docker ID is " + names[n] : "network " + names[n];
        else
            what += isDockerId(names[n]) ? "docker ID " + names[n] : names[n];
    }
    return request(continued || cutQuote ? what + std::string(kCutCommandSaid) : what);
}

} // namespace hcn::io
