#pragma once
// Session: where hcnctl's calls go for one command: a running hcnd (hcn::RpcClient), an engine inside
// this process (hcn::EmbeddedApi, --embedded), a snapshot file read offline (hcn::SnapshotApi,
// --snapshot FILE) or the OS's HCN through a computenetwork library (hcn::LibraryApi, --library [PATH];
// the default on Windows). Everything else in hcnctl programs against hcn::Api and
// the raw call() and never asks which.

#include "cli_options.h"
#include "hcn/api.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {
class RpcClient;
}

namespace hcn::rpc {
class InProcessConnection;
}

namespace hcn::ctl {

struct SessionOptions
{
    /// The in-process engine (configured by HCN_SIM_ENVIRONMENT, HCN_HNS_VERSION, HCN_SCHEMA_VERSION).
    bool embedded = false;
    /// The hcnd socket or tls://HOST:PORT; empty: $HCN_SERVICE_SOCKET, else hcn::defaultSocketPath().
    std::string socket;
    /// TLS listener: the file holding the token, and the CA certificate file (empty: system store).
    std::string tokenFile;
    std::string caFile;
    /// A snapshot document to serve read-only ("-": standard input); empty: none.
    std::string snapshotFile;
    /// Set: load this computenetwork library (empty: hcn::LibraryApiOptions::defaultLibrary()).
    std::optional<std::string> library;
};

/// Where the command line sends the calls. On Windows a command line that names no backend uses the
/// OS's computenetwork.dll.
SessionOptions sessionOptions(const CliOptions& options);

class Session
{
public:
    /// Connects (or starts the embedded engine). A failed connection's detail names the socket.
    static Result<std::unique_ptr<Session>> open(const SessionOptions& options);
    ~Session();

    Api& api() { return *m_api; }
    /// A raw JSON-RPC call: through the connection, or through hcnd's request handler over the embedded
    /// engine (rpc::InProcessConnection), with the same answers.
    Result<std::string> call(std::string_view method, std::string_view paramsJson);
    /// No service behind the calls: an embedded engine or a snapshot.
    bool embedded() const { return m_client == nullptr; }
    /// Why objects of the snapshot file were skipped (empty for other sessions).
    const std::vector<std::string>& loadWarnings() const { return m_loadWarnings; }
    /// The import report (JSON text) of a --snapshot file that has one (an imported dump); else empty.
    const std::string& importReport() const { return m_importReport; }
    /// The socket a service session talks to (empty when embedded).
    const std::string& socket() const { return m_socket; }
    /// What answers, for messages: the socket, or "library PATH".
    std::string source() const { return m_library.empty() ? m_socket : "library " + m_library; }

    /// The one-line explanation of a failed open() of a service session: what went wrong, where, and what
    /// to do about it.
    static std::string unreachableMessage(const Status& status, const std::string& socket);
    /// The socket hcnctl uses when --socket is not given.
    static std::string defaultSocket();

private:
    Session() = default;

    std::shared_ptr<Api> m_api;
    RpcClient* m_client = nullptr;                        ///< m_api as a service connection, or null
    std::unique_ptr<rpc::InProcessConnection> m_embedded; ///< goes before m_api (declared after it)
    std::string m_socket;
    std::string m_library; ///< the computenetwork library a --library session loaded
    std::vector<std::string> m_loadWarnings;
    std::string m_importReport;
};

} // namespace hcn::ctl
