#include "session.h"

#include "document_reader.h"
#include "hcn/embedded_api.h"
#include "hcn/library_api.h"
#include "recording_source.h"
#ifndef HCNCTL_WITHOUT_SERVICE_CLIENT
#include "hcn/rpc_client.h"
#endif
#include "hcn/rpc_in_process_connection.h"
#include "hcn/snapshot_api.h"
#include "hcn/bundle.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace hcn::ctl {

std::string Session::defaultSocket()
{
    if (const char* fromEnvironment = std::getenv("HCN_SERVICE_SOCKET"); fromEnvironment && *fromEnvironment)
        return fromEnvironment;
#ifdef HCNCTL_WITHOUT_SERVICE_CLIENT
    return {};
#else
    return defaultSocketPath();
#endif
}

SessionOptions sessionOptions(const CliOptions& o)
{
    SessionOptions out{o.embedded, o.socket, o.tokenFile, o.caFile, o.snapshot, o.library};
#ifdef _WIN32
    // On a Windows node the OS is the HCN service.
    if (!out.library && !o.embedded && o.snapshot.empty() && o.socket.empty() && o.tokenFile.empty() &&
        o.caFile.empty())
        out.library = std::string();
#endif
    return out;
}

Result<std::unique_ptr<Session>> Session::open(const SessionOptions& options)
{
    std::unique_ptr<Session> session(new Session);
    if (options.library) {
        LibraryApiOptions libraryOptions;
        if (!options.library->empty())
            libraryOptions.path = *options.library;
        auto api = LibraryApi::load(libraryOptions);
        if (!api.ok())
            return api.status();
        session->m_api = std::move(*api);
        session->m_library = libraryOptions.path;
        session->m_embedded = std::make_unique<rpc::InProcessConnection>(
            *session->m_api, "hcnctl/" HCNCTL_VERSION " (" + libraryOptions.path + ")");
        return session;
    }
    if (!options.snapshotFile.empty()) {
        // A recording (REC, REC@TIME, REC#N) is read as the host at that moment.
        std::vector<std::string> notes;
        auto recorded = options.snapshotFile == "-"
                            ? Result<std::optional<std::string>>(std::optional<std::string>())
                            : recordingSnapshot(options.snapshotFile, notes);
        if (!recorded.ok())
            return recorded.status();
        Result<std::string> text = Status(hr::InvalidArg, "");
        if (*recorded)
            text = std::move(**recorded);
        else
            text = readJsonObjectFile(options.snapshotFile, std::cin);
        if (!text.ok() && options.snapshotFile != "-" && !*recorded) {
            // A bug-report bundle (an archive with its manifest) is read as the snapshot it holds.
            if (auto bundle = io::readBundle(options.snapshotFile); bundle.ok() && *bundle)
                text = (*bundle)->snapshot.dump();
            else if (!bundle.ok() && bundle.code() == hr::InvalidJson)
                return Status(bundle.code(), bundle.status().detail());
        }
        if (!text.ok())
            return text.status();
        if (auto document = nlohmann::json::parse(*text, nullptr, false); document.is_object())
            if (auto report = document.find("Import"); report != document.end() && report->is_object())
                session->m_importReport = report->dump();
        auto snapshot = SnapshotApi::fromText(*text, options.snapshotFile);
        if (!snapshot.ok())
            return Status(snapshot.code(), options.snapshotFile + ": " + snapshot.status().detail());
        session->m_loadWarnings = std::move(notes);
        for (const std::string& warning : (*snapshot)->loadWarnings())
            session->m_loadWarnings.push_back(warning);
        session->m_api = std::move(*snapshot);
        // Raw calls (call, batch) go through hcnd's own request handler over the snapshot.
        session->m_embedded = std::make_unique<rpc::InProcessConnection>(
            *session->m_api, "hcnctl/" HCNCTL_VERSION " (snapshot " + options.snapshotFile + ")");
        return session;
    }
    if (options.embedded) {
        auto engineOptions = engineOptionsFromEnvironment();
        if (!engineOptions.ok())
            return engineOptions.status();
        session->m_api = std::make_unique<EmbeddedApi>(std::move(*engineOptions));
        session->m_embedded = std::make_unique<rpc::InProcessConnection>(
            *session->m_api, "hcnctl/" HCNCTL_VERSION " (embedded engine)");
        return session;
    }

#ifdef HCNCTL_WITHOUT_SERVICE_CLIENT
    // The Windows build (cmake/windows): no Unix socket or TLS client to hcnd.
    return Status(hr::NotImplemented,
                  "this hcnctl is built without the hcnd client (Unix socket and TLS): on Windows use "
                  "--library [PATH] for the OS's HCN (the default), --embedded or --snapshot FILE.");
#else
    RpcClientOptions clientOptions;
    clientOptions.endpoint = options.socket.empty() ? defaultSocket() : options.socket;
    clientOptions.clientName = "hcnctl/" HCNCTL_VERSION;
    clientOptions.caFile = options.caFile;
    if (!options.tokenFile.empty()) {
        std::ifstream file(options.tokenFile);
        if (!file)
            return Status(hr::InvalidArg, "cannot read the token file " + options.tokenFile + ".");
        std::getline(file, clientOptions.token);
        while (!clientOptions.token.empty() &&
               std::isspace(static_cast<unsigned char>(clientOptions.token.back())))
            clientOptions.token.pop_back();
    }
    session->m_socket = clientOptions.endpoint;
    auto client = RpcClient::connect(std::move(clientOptions));
    if (!client.ok())
        return client.status(); // its detail names the endpoint and the reason
    session->m_client = client->get();
    session->m_api = std::move(*client);
    return session;
#endif
}

Session::~Session() = default;

std::string Session::unreachableMessage(const Status& status, const std::string& socket)
{
    return status.detail() + " Start it (hcnd --socket " + socket +
           "), pass --socket PATH, or use --embedded for an engine inside hcnctl.";
}

Result<std::string> Session::call(std::string_view method, std::string_view paramsJson)
{
#ifndef HCNCTL_WITHOUT_SERVICE_CLIENT
    if (m_client)
        return m_client->call(method, paramsJson);
#endif
    return m_embedded->call(method, paramsJson);
}

} // namespace hcn::ctl
