#include "hcn/rpc_service_options.h"

#ifdef HCN_HAVE_LINUX_DATAPATH
#include "hcn/linux_datapath.h"
#endif

#include <charconv>
#include <spdlog/common.h>

namespace hcn::rpc {

namespace {

Status bad(std::string message)
{
    return Status(hr::InvalidArg, std::move(message));
}

template <typename T> bool parseNumber(const std::string& text, T& out, T min, T max)
{
    T value{};
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || value < min || value > max)
        return false;
    out = value;
    return true;
}

/// "HOST:PORT", "[v6]:PORT".
bool parseHostPort(const std::string& text, std::string& host, unsigned short& port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    return parseNumber<unsigned short>(text.substr(colon + 1), port, 0, 65535);
}

} // namespace

std::string serviceUsage()
{
    return R"(Usage: hcnd [options]

Hosts the HCN engine and serves it over a local socket (protocol: docs/rpc.md).

Options:
  --socket PATH             Unix socket to listen on (default: /run/hcn/hcnd.sock as root,
                            else $XDG_RUNTIME_DIR/hcnd.sock)
  --group NAME              group allowed to connect; owns the socket (default: hcn if it exists,
                            else the service's primary group)
  --datapath NAME           datapath backend: simulated (default), or linux: real bridges,
                            veth pairs, namespaces (/run/netns/hcn-<guid>) and nftables
                            rules (root; docs/datapath-linux.md)
  --tcp HOST:PORT           also listen on TCP, with TLS; needs --tls-cert, --tls-key, --token-file
  --tls-cert FILE           PEM certificate (chain) of the TCP listener
  --tls-key FILE            PEM private key of the TCP listener
  --token-file FILE         file holding the token TCP clients must present (hcnd.authenticate)
  --max-message-bytes N     largest accepted message (default 16777216)
  --max-json-depth N        deepest accepted JSON nesting of a message and of every
                            document inside one (default 64, at most 1000)
  --client-queue N          events buffered per client before they are dropped (default 10000)
  --threads N               I/O threads (default 2)
  --keep-awake USEC         after answering, keep polling for the client's next request this
                            long before sleeping, backing off for clients that do not come
                            back in time (default 50; 0: sleep at once; see docs/rpc.md)
  --log-level LEVEL         trace, debug, info (default), warn, error, critical, off
  --help                    show this text

Socket activation: started with LISTEN_PID and LISTEN_FDS=1 (systemd's hcnd.socket), hcnd serves on
the listening Unix socket it inherits as descriptor 3 instead of binding --socket.

Environment: HCN_SIM_ENVIRONMENT, HCN_HNS_VERSION, HCN_SCHEMA_VERSION configure the engine.
)";
}

Result<ServiceOptions> parseServiceOptions(const std::vector<std::string>& args)
{
    ServiceOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::string value;
        bool hasValue = false;
        if (auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasValue = true;
        }
        if (name == "--help" || name == "-h") {
            options.help = true;
            continue;
        }
        static const char* const withValue[] = {
            "--socket",         "--group",        "--datapath",   "--tcp",
            "--tls-cert",       "--tls-key",      "--token-file", "--max-message-bytes",
            "--max-json-depth", "--client-queue", "--threads",    "--log-level",
            "--keep-awake"};
        bool known = false;
        for (const char* option : withValue)
            known = known || name == option;
        if (!known)
            return bad("unknown option \"" + name + "\" (see hcnd --help).");
        if (!hasValue) {
            if (i + 1 >= args.size())
                return bad(name + " needs a value.");
            value = args[++i];
        }
        if (name == "--socket") {
            if (value.empty())
                return bad("--socket needs a path.");
            options.socketPath = value;
        } else if (name == "--group") {
            options.group = value;
        } else if (name == "--datapath") {
            if (value != "simulated" && value != "linux")
                return bad("unknown datapath \"" + value + "\" (available: simulated, linux).");
            if (value == "linux" && !linuxDatapathBuiltIn())
                return bad("the linux datapath is not built into this hcnd (it needs libnl-route-3 and "
                           "libnftables at build time).");
            options.datapath = value;
        } else if (name == "--tcp") {
            if (!parseHostPort(value, options.tcpHost, options.tcpPort))
                return bad("--tcp \"" + value + "\" is not HOST:PORT.");
        } else if (name == "--tls-cert") {
            options.tlsCertFile = value;
        } else if (name == "--tls-key") {
            options.tlsKeyFile = value;
        } else if (name == "--token-file") {
            options.tokenFile = value;
        } else if (name == "--max-message-bytes") {
            if (!parseNumber<std::size_t>(value, options.maxMessageBytes, 64, 0xFFFFFFFFu))
                return bad("--max-message-bytes \"" + value + "\" is not a number from 64 to 4294967295.");
        } else if (name == "--max-json-depth") {
            if (!parseNumber<int>(value, options.maxJsonDepth, 2, kMaxConfigurableJsonDepth))
                return bad("--max-json-depth \"" + value + "\" is not a number from 2 to " +
                           std::to_string(kMaxConfigurableJsonDepth) + ".");
        } else if (name == "--client-queue") {
            if (!parseNumber<std::size_t>(value, options.clientQueue, 1, 100000000))
                return bad("--client-queue \"" + value + "\" is not a number from 1 to 100000000.");
        } else if (name == "--threads") {
            if (!parseNumber<unsigned>(value, options.threads, 1, 256))
                return bad("--threads \"" + value + "\" is not a number from 1 to 256.");
        } else if (name == "--keep-awake") {
            unsigned microseconds = 0;
            if (!parseNumber<unsigned>(value, microseconds, 0, 10000))
                return bad("--keep-awake \"" + value + "\" is not a number of microseconds from 0 to 10000.");
            options.keepAwake = std::chrono::microseconds(microseconds);
        } else if (name == "--log-level") {
            if (spdlog::level::from_str(value) == spdlog::level::off && value != "off")
                return bad("--log-level \"" + value +
                           "\" is not one of trace, debug, info, warn, error, critical, off.");
            options.logLevel = value;
        }
    }
    const bool anyTls =
        !options.tlsCertFile.empty() || !options.tlsKeyFile.empty() || !options.tokenFile.empty();
    if (options.tcpEnabled() &&
        (options.tlsCertFile.empty() || options.tlsKeyFile.empty() || options.tokenFile.empty()))
        return bad(
            "--tcp needs --tls-cert, --tls-key and --token-file: hcnd never listens on TCP without TLS "
            "and a token.");
    if (!options.tcpEnabled() && anyTls)
        return bad("--tls-cert, --tls-key and --token-file only apply with --tcp.");
    return options;
}

bool linuxDatapathBuiltIn()
{
#ifdef HCN_HAVE_LINUX_DATAPATH
    return true;
#else
    return false;
#endif
}

Result<std::shared_ptr<Datapath>> makeServiceDatapath(const std::string& name)
{
    if (name.empty() || name == "simulated")
        return std::shared_ptr<Datapath>(); // the engine's default
#ifdef HCN_HAVE_LINUX_DATAPATH
    if (name == "linux") {
        auto opened = LinuxDatapath::open();
        if (!opened.ok())
            return Status(opened.status().code(), "the linux datapath cannot start: " + opened.status().detail());
        return std::shared_ptr<Datapath>(std::move(*opened));
    }
#endif
    return Status(hr::InvalidArg, "unknown datapath \"" + name + "\".");
}

} // namespace hcn::rpc
