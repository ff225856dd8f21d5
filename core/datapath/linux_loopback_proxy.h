#pragma once
// The loopback proxy: published ports answering on 127.0.0.1 and ::1 (docs/datapath-linux.md, section
// "Published ports on the loopback addresses"). DNAT cannot send a packet addressed to the loopback out
// of a bridge without route_localnet, which hcnd does not set, so a user-space proxy in hcnd's network
// namespace listens there and relays each TCP connection and UDP flow to the endpoint (or a load
// balancer's backend). One event thread (Asio) runs every socket, non-blocking; the datapath's caller
// only binds the listening sockets, so a port something on the host already holds fails the change.

#include "hcn/guid.h"
#include "hcn/status.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hcn::linuxdp {

/// One published port on one loopback address, and where its connections go.
struct LoopbackPort
{
    std::string protocol;             ///< "tcp" / "udp"
    std::string loopback;             ///< "127.0.0.1" or "::1"
    std::uint16_t port = 0;           ///< the published (external) port
    std::uint16_t targetPort = 0;     ///< the endpoint's (internal) port
    std::vector<std::string> targets; ///< the endpoint's address, or a load balancer's backends in order
    /// How a connection picks among several targets: false round robin, true by the client's address
    /// (DistributionType 1 and 2: a client keeps its backend while the targets stay the same).
    bool bySource = false;
    bool operator==(const LoopbackPort&) const = default;
    /// "tcp 127.0.0.1:8080": what a message names.
    std::string text() const;
};

/// The proxy's bounds (docs/datapath-linux.md gives the reasons for the defaults).
struct LoopbackLimits
{
    std::size_t bufferBytes = 32 * 1024;      ///< per direction of a TCP connection
    std::size_t maxConnections = 1024;        ///< per TCP listener; more wait in its accept queue
    std::size_t maxUdpFlows = 1024;           ///< per UDP listener; datagrams of more clients are dropped
    std::chrono::milliseconds udpIdle{60000}; ///< a UDP flow without a datagram for this long ends
};

class LoopbackProxy
{
public:
    /// Starts the event thread in the calling thread's network namespace.
    static Result<std::unique_ptr<LoopbackProxy>> start(LoopbackLimits limits = {});
    ~LoopbackProxy(); ///< closes every listener and connection, joins the thread

    LoopbackProxy(const LoopbackProxy&) = delete;
    LoopbackProxy& operator=(const LoopbackProxy&) = delete;

    /// The listening sockets a change needs, bound and listening, not served yet. Destroyed without
    /// commit(), it closes them: nothing changed.
    class Change
    {
    public:
        Change() = default;
        Change(Change&&) noexcept = default;
        Change& operator=(Change&&) = delete; // would leave the target's sockets open
        ~Change();

    private:
        friend class LoopbackProxy;
        struct Bound
        {
            LoopbackPort port;
            int fd = -1; ///< -1: the listener stays (the owner holds it already)
        };
        Guid m_owner;
        std::vector<Bound> m_ports;
        bool m_touches = false; ///< the owner had listeners before: commit waits for the event thread
    };

    /// Stages the ports `owner` (an endpoint or load balancer) publishes on the loopback addresses
    /// becoming `ports`: binds the listeners it does not hold yet on the caller's thread. Fails
    /// (HRESULT WSAEADDRINUSE) naming the protocol, address and port when something else holds one; a
    /// loopback address the host does not have (IPv6 off) is skipped.
    Result<Change> prepare(const Guid& owner, const std::vector<LoopbackPort>& ports);
    /// Applies a prepared change: new listeners served, dropped ones closed with their connections,
    /// kept ones given their new targets. When the owner had listeners before, returns once the event
    /// thread has applied it (so a closed port is closed when the call returns); a pure addition does
    /// not wait (the kernel queues connections until the accept is armed).
    void commit(Change change);
    /// Closes the owner's listeners and their connections.
    void withdraw(const Guid& owner);
    /// Closes everything.
    void clear();

    /// Live TCP connections and UDP flows over every listener (read on the event thread).
    std::size_t liveRelays();

    struct Loop; // private; named so the implementation can define it

private:
    explicit LoopbackProxy(std::unique_ptr<Loop> loop);
    /// Runs `task` on the event thread and waits for it.
    void runAndWait(std::function<void()> task);
    std::unique_ptr<Loop> m_loop;
    std::mutex m_mutex; ///< guards m_published (the callers' view)
    std::map<Guid, std::vector<LoopbackPort>> m_published;
};

} // namespace hcn::linuxdp
