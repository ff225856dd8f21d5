#pragma once
// CliOptions: hcnctl's command line, parsed and checked against what the verb accepts.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hcn::ctl {

struct CliOptions
{
    std::string verb;                      ///< list, show, create ... ("" when only --help was given)
    std::vector<std::string> arguments;    ///< positional words after the verb
    std::string socket;                    ///< --socket PATH or tls://HOST:PORT
    std::string tokenFile;                 ///< --token-file FILE (TLS listener)
    std::string caFile;                    ///< --ca-file FILE (TLS listener)
    bool embedded = false;                 ///< --embedded
    std::string snapshot;                  ///< --snapshot FILE (read-only, offline)
    /// --library [PATH]: the OS's HCN through a computenetwork library (empty: the default library).
    std::optional<std::string> library;
    bool json = false;                     ///< --json
    bool help = false;                     ///< -h, --help
    bool detailed = false;                 ///< list -d
    bool follow = false;                   ///< events --follow
    std::string file;                      ///< -f FILE
    std::string network;                   ///< create endpoint --network ID
    std::string id;                        ///< create --id GUID
    std::string filter;                    ///< list --filter JSON
    std::optional<double> durationSeconds; ///< events, record --duration
    std::optional<std::uint64_t> count;    ///< events --count
    std::string severity;                  ///< check --severity error|warning|info
    std::string port;                      ///< trace --port P (checked by the command runner)
    std::string proto;                     ///< trace --proto tcp|udp|icmp
    std::vector<std::string> hostAddresses; ///< trace --host-address IP (repeatable)
    bool redact = false;                   ///< bundle --redact
    std::string keyFile;                   ///< bundle --key-file FILE
    std::string mapping;                   ///< bundle --mapping FILE
    std::optional<double> pollSeconds;     ///< record --poll INTERVAL (seconds)
    std::optional<std::uint64_t> maxChanges; ///< record --max-changes N
    bool listRecording = false;              ///< record --list

    /// Parses argv without the program name. On a usage error returns nullopt and sets `error` to a
    /// one-line explanation.
    static std::optional<CliOptions> parse(const std::vector<std::string>& args, std::string& error);
    /// The verbs hcnctl knows.
    static const std::set<std::string>& verbs();
};

} // namespace hcn::ctl
