#pragma once
// LibraryApi: hcn::Api over a computenetwork library loaded at run time: Windows' own computenetwork.dll
// on a node (the OS is the HCN service), or our libcomputenetwork.so on Linux. Every call is the
// matching Hcn* function; HRESULTs and ErrorRecords come back as the library gave them (Status::
// errorRecord() reproduces the record). Exports beyond the documented core (SDN routes, guest network
// service queries, network callbacks, port reservations, endpoint stats) may be missing: calls that
// need one fail with E_NOTIMPL naming it.
//
// Notifications: HcnRegisterServiceCallback delivers what HCN reports (network, namespace and guest
// network service create/delete, ServiceDisconnect). What Windows never reports (endpoints, load
// balancers, SDN routes, and every modification, policies included) is found by polling: while a
// service-wide subscription exists a poller thread takes a snapshot every `pollInterval`, diffs it
// against the previous one (hcn::HostState) and posts the extension events (HcnExtEndpointCreate,
// HcnExtNetworkModify ...) a client's copy needs, with the whole document, as the engine would. The
// library's own extension events, if it sends any, are then dropped, so every library gives one stream.
// Notifications are numbered by this Api (from 1) and delivered on one delivery thread.

#include "hcn/api.h"

#include <chrono>
#include <memory>
#include <string>

namespace hcn {

struct LibraryApiOptions
{
    /// The library to load: a path or a bare name searched the platform's way.
    std::string path = defaultLibrary();
    /// How often the poller looks for what HCN does not report; zero disables polling (and keeps the
    /// library's own extension events instead).
    std::chrono::milliseconds pollInterval{2000};

    /// "computenetwork.dll" on Windows, "libcomputenetwork.so" elsewhere.
    static std::string defaultLibrary();
};

class LibraryApi final : public Api
{
public:
    /// Loads the library and looks up its functions. Fails with HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND)
    /// when it cannot be loaded and ERROR_PROC_NOT_FOUND when a documented function is missing.
    static Result<std::unique_ptr<LibraryApi>> load(LibraryApiOptions options = {});
    /// Stops polling, unregisters the callbacks, closes the handles still open, unloads the library.
    ~LibraryApi() override;

    Result<std::string> enumerate(ResourceKind kind, std::string_view query) override;
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                          Handle network) override;
    Result<Handle> open(ResourceKind kind, const Guid& id) override;
    Status modify(ResourceKind kind, Handle handle, std::string_view settings) override;
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) override;
    Status remove(ResourceKind kind, const Guid& id) override;
    Status close(ResourceKind kind, Handle handle) override;
    /// Known without a call for handles opened by ID; a created object's ID is queried once.
    Result<Guid> handleId(ResourceKind kind, Handle handle) override;

    Result<SubscriptionId> subscribe(std::function<void(const Notification&)> callback,
                                     SubscriptionScope scope) override;
    void unsubscribe(SubscriptionId id) override;

    Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol, PortAccess access,
                                      std::uint16_t port) override;
    Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count) override;
    Status releasePortReservation(ReservationId reservation) override;
    /// HCN_PORT_RANGE_ENTRY carries no handle: `id` is that of a reservation made through this Api when
    /// ports and protocol match one, else 0.
    Result<std::vector<PortReservation>> portReservations() override;

    Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query) override;

    /// endpoint "library:<path>", counts by enumeration, versions unknown to the C API (0.0).
    Result<ApiInfo> info() override;

    /// The polling interval in effect.
    std::chrono::milliseconds pollInterval() const;

    struct Impl;

private:
    explicit LibraryApi(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn
