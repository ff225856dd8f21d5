#include "cli_options.h"

#include <charconv>
#include <cmath>
#include <map>

namespace hcn::ctl {

namespace {

enum class Option
{
    Socket,
    TokenFile,
    CaFile,
    Embedded,
    Snapshot,
    Library,
    Json,
    Help,
    Detailed,
    Follow,
    File,
    Network,
    Id,
    Filter,
    Duration,
    Count,
    Severity,
    Port,
    Proto,
    Redact,
    KeyFile,
    Mapping,
    HostAddress,
    Poll,
    MaxChanges,
    List
};

struct OptionSpec
{
    Option option;
    bool takesValue;
};

const std::map<std::string, OptionSpec>& optionSpecs()
{
    static const std::map<std::string, OptionSpec> specs{
        {"--socket", {Option::Socket, true}},
        {"--token-file", {Option::TokenFile, true}},
        {"--ca-file", {Option::CaFile, true}},
        {"--embedded", {Option::Embedded, false}},
        {"--snapshot", {Option::Snapshot, true}},
        {"--library", {Option::Library, false}}, // its PATH is optional (see parse)
        {"--json", {Option::Json, false}},
        {"-h", {Option::Help, false}},
        {"--help", {Option::Help, false}},
        {"-d", {Option::Detailed, false}},
        {"--detailed", {Option::Detailed, false}},
        {"--follow", {Option::Follow, false}},
        {"-f", {Option::File, true}},
        {"--file", {Option::File, true}},
        {"--network", {Option::Network, true}},
        {"--id", {Option::Id, true}},
        {"--filter", {Option::Filter, true}},
        {"--duration", {Option::Duration, true}},
        {"--count", {Option::Count, true}},
        {"--severity", {Option::Severity, true}},
        {"--port", {Option::Port, true}},
        {"--proto", {Option::Proto, true}},
        {"--redact", {Option::Redact, false}},
        {"--key-file", {Option::KeyFile, true}},
        {"--mapping", {Option::Mapping, true}},
        {"--host-address", {Option::HostAddress, true}},
        {"--poll", {Option::Poll, true}},
        {"--max-changes", {Option::MaxChanges, true}},
        {"--list", {Option::List, false}},
    };
    return specs;
}

/// The verb-specific options each verb accepts (the global ones are accepted everywhere).
const std::map<std::string, std::set<Option>>& verbOptions()
{
    static const std::map<std::string, std::set<Option>> accepted{
        {"list", {Option::Detailed, Option::Filter}},
        {"show", {}},
        {"create", {Option::File, Option::Network, Option::Id}},
        {"modify", {Option::File}},
        {"delete", {}},
        {"events", {Option::Follow, Option::Duration, Option::Count}},
        {"call", {Option::File}},
        {"batch", {Option::File}},
        {"version", {}},
        {"import", {}},
        {"explain", {}},
        {"check", {Option::Severity}},
        {"diff", {}},
        {"trace", {Option::Port, Option::Proto, Option::HostAddress}},
        {"bundle", {Option::Redact, Option::KeyFile, Option::Mapping}},
        {"record", {Option::Duration, Option::Poll, Option::MaxChanges, Option::List}},
        {"help", {}},
    };
    return accepted;
}

bool isGlobal(Option option)
{
    return option == Option::Socket || option == Option::TokenFile || option == Option::CaFile ||
           option == Option::Embedded || option == Option::Snapshot || option == Option::Library ||
           option == Option::Json ||
           option == Option::Help;
}

bool parseDuration(const std::string& text, double& out)
{
    try {
        std::size_t used = 0;
        out = std::stod(text, &used);
        return used == text.size() && std::isfinite(out) && out >= 0;
    } catch (const std::exception&) {
        return false;
    }
}

bool parseCount(const std::string& text, std::uint64_t& out)
{
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

} // namespace

const std::set<std::string>& CliOptions::verbs()
{
    static const std::set<std::string> names = [] {
        std::set<std::string> out;
        for (const auto& [verb, options] : verbOptions())
            out.insert(verb);
        return out;
    }();
    return names;
}

std::optional<CliOptions> CliOptions::parse(const std::vector<std::string>& args, std::string& error)
{
    CliOptions out;
    std::vector<std::pair<std::string, Option>> given;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string word = args[i];
        if (optionsEnded || word == "-" || word.size() < 2 || word[0] != '-' ||
            (word[1] >= '0' && word[1] <= '9')) {
            // A positional word; "-" alone means standard input where a file is expected.
            if (out.verb.empty())
                out.verb = word;
            else
                out.arguments.push_back(word);
            continue;
        }
        if (word == "--") {
            optionsEnded = true;
            continue;
        }
        std::optional<std::string> inlineValue;
        if (auto eq = word.find('='); word.starts_with("--") && eq != std::string::npos) {
            inlineValue = word.substr(eq + 1);
            word.resize(eq);
        }
        auto spec = optionSpecs().find(word);
        if (spec == optionSpecs().end()) {
            error = "unknown option " + word;
            return std::nullopt;
        }
        std::string value;
        if (spec->second.takesValue) {
            if (inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                error = "option " + word + " needs a value";
                return std::nullopt;
            }
        } else if (spec->second.option == Option::Library) {
            // --library PATH or --library=PATH; alone (or before an option or a command) the default.
            if (inlineValue)
                value = *inlineValue;
            else if (i + 1 < args.size() && !args[i + 1].starts_with("-") && !verbs().contains(args[i + 1]))
                value = args[++i];
        } else if (inlineValue) {
            error = "option " + word + " takes no value";
            return std::nullopt;
        }
        given.emplace_back(word, spec->second.option);
        switch (spec->second.option) {
        case Option::Socket:
            out.socket = value;
            break;
        case Option::TokenFile:
            out.tokenFile = value;
            break;
        case Option::CaFile:
            out.caFile = value;
            break;
        case Option::Embedded:
            out.embedded = true;
            break;
        case Option::Snapshot:
            out.snapshot = value;
            if (value.empty()) {
                error = "--snapshot needs a FILE";
                return std::nullopt;
            }
            break;
        case Option::Library:
            out.library = value;
            break;
        case Option::Json:
            out.json = true;
            break;
        case Option::Help:
            out.help = true;
            break;
        case Option::Detailed:
            out.detailed = true;
            break;
        case Option::Follow:
            out.follow = true;
            break;
        case Option::File:
            out.file = value;
            break;
        case Option::Network:
            out.network = value;
            break;
        case Option::Id:
            out.id = value;
            break;
        case Option::Filter:
            out.filter = value;
            break;
        case Option::Duration: {
            double seconds = 0;
            if (!parseDuration(value, seconds)) {
                error = "--duration needs a number of seconds (e.g. 5 or 0.5), not \"" + value + "\"";
                return std::nullopt;
            }
            out.durationSeconds = seconds;
            break;
        }
        case Option::Severity:
            out.severity = value;
            break;
        case Option::Port:
            out.port = value;
            break;
        case Option::Proto:
            out.proto = value;
            break;
        case Option::Redact:
            out.redact = true;
            break;
        case Option::KeyFile:
            out.keyFile = value;
            break;
        case Option::Mapping:
            out.mapping = value;
            break;
        case Option::HostAddress:
            out.hostAddresses.push_back(value);
            break;
        case Option::Poll: {
            double seconds = 0;
            if (!parseDuration(value, seconds) || seconds <= 0) {
                error = "--poll needs a positive number of seconds (e.g. 2 or 0.5), not \"" + value + "\"";
                return std::nullopt;
            }
            out.pollSeconds = seconds;
            break;
        }
        case Option::MaxChanges: {
            std::uint64_t count = 0;
            if (!parseCount(value, count) || count == 0) {
                error = "--max-changes needs a positive whole number, not \"" + value + "\"";
                return std::nullopt;
            }
            out.maxChanges = count;
            break;
        }
        case Option::List:
            out.listRecording = true;
            break;
        case Option::Count: {
            std::uint64_t count = 0;
            if (!parseCount(value, count) || count == 0) {
                error = "--count needs a positive whole number, not \"" + value + "\"";
                return std::nullopt;
            }
            out.count = count;
            break;
        }
        }
    }

    if (out.verb.empty())
        return out; // `hcnctl --help`, or nothing at all (the caller prints the overview)
    auto accepted = verbOptions().find(out.verb);
    if (accepted == verbOptions().end()) {
        error = "unknown command \"" + out.verb + "\"";
        return std::nullopt;
    }
    if (out.embedded && (!out.socket.empty() || !out.tokenFile.empty() || !out.caFile.empty())) {
        error = "--embedded excludes --socket, --token-file and --ca-file";
        return std::nullopt;
    }
    if (!out.snapshot.empty() &&
        (out.embedded || !out.socket.empty() || !out.tokenFile.empty() || !out.caFile.empty())) {
        error = "--snapshot excludes --embedded, --socket, --token-file and --ca-file";
        return std::nullopt;
    }
    if (out.library && (out.embedded || !out.snapshot.empty() || !out.socket.empty() || !out.tokenFile.empty() ||
                        !out.caFile.empty())) {
        error = "--library excludes --embedded, --snapshot, --socket, --token-file and --ca-file";
        return std::nullopt;
    }
    for (const auto& [spelling, option] : given) {
        if (!isGlobal(option) && !accepted->second.contains(option)) {
            error = "\"" + out.verb + "\" does not take " + spelling;
            return std::nullopt;
        }
    }
    return out;
}

} // namespace hcn::ctl
