#pragma once
// What the RouteSocket's sources share: libnl object references, libnl errors as a Status, and addresses
// parsed from text. Internal to core/datapath.

#include "hcn/status.h"

#include <netlink/addr.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>
#include <string>
#include <utility>

namespace hcn::linuxdp::nl {

inline Status failure(int nlError, const std::string& what)
{
    const int code = nlError < 0 ? -nlError : nlError;
    const HResult hr = code == NLE_EXIST                               ? hr::AlreadyExists
                       : code == NLE_OBJ_NOTFOUND || code == NLE_NODEV ? hr::ElementNotFound
                       : code == NLE_PERM                              ? hr::AccessDenied
                                                                       : hr::Fail;
    return Status(hr, what + ": " + nl_geterror(code) + ".");
}

/// Owns one libnl object reference.
template <typename T, void (*Put)(T*)> struct Ref
{
    T* p = nullptr;
    Ref() = default;
    explicit Ref(T* object) : p(object) {}
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;
    Ref(Ref&& other) noexcept : p(std::exchange(other.p, nullptr)) {}
    ~Ref()
    {
        if (p)
            Put(p);
    }
};
using LinkRef = Ref<rtnl_link, rtnl_link_put>;
using AddrRef = Ref<nl_addr, nl_addr_put>;

/// Sends a request built by hand (`err` is what building it returned; below 0 nothing is sent), frees it
/// and waits for the kernel's acknowledgement: a libnl error below 0, else 0.
inline int sendAndWaitForAck(nl_sock* sock, nl_msg* msg, int err)
{
    if (err >= 0)
        err = nl_send_auto(sock, msg);
    nlmsg_free(msg);
    if (err >= 0)
        err = nl_wait_for_ack(sock);
    return err;
}

inline Result<AddrRef> ipAddr(const std::string& text, const std::string& what)
{
    nl_addr* raw = nullptr;
    if (int err = nl_addr_parse(text.c_str(), AF_UNSPEC, &raw); err < 0)
        return failure(err, what + " " + text);
    return AddrRef(raw);
}

} // namespace hcn::linuxdp::nl
