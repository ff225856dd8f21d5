// The RouteSocket's policy routing rules that name a link (`ip rule add iif eth1 lookup 100`). Rules are
// read and written as the kernel's raw messages: a rule is moved to another link by changing only its
// iif/oif names, so selectors the datapath knows nothing of (fwmark, uid range, ports, suppress_prefixlen
// ...) stay exactly as they were.

#include "datapath/linux_netlink.h"
#include "datapath/linux_netlink_objects.h"

#include <cstring>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/handlers.h>
#include <netlink/msg.h>

namespace hcn::linuxdp {

using namespace nl;

namespace {

constexpr std::size_t kHeaderSize = NLMSG_ALIGN(sizeof(fib_rule_hdr));

bool namesLink(const nlattr* attr)
{
    const int type = nla_type(attr);
    return type == FRA_IIFNAME || type == FRA_OIFNAME;
}

/// The attribute's string, without its terminating NUL (the kernel sends one; a missing one is tolerated).
std::string attrString(const nlattr* attr)
{
    const auto* data = static_cast<const char*>(nla_data(attr));
    return std::string(data, strnlen(data, static_cast<std::size_t>(nla_len(attr))));
}

/// Calls `each` for every attribute of a rule body.
template <typename F> void forEachAttr(const std::vector<std::uint8_t>& body, F each)
{
    if (body.size() < kHeaderSize)
        return;
    auto* head = reinterpret_cast<nlattr*>(const_cast<std::uint8_t*>(body.data() + kHeaderSize));
    nlattr* attr = nullptr;
    int rem = 0;
    nla_for_each_attr(attr, head, static_cast<int>(body.size() - kHeaderSize), rem) each(attr);
}

void appendAttr(std::vector<std::uint8_t>& body, int type, const void* data, std::size_t size)
{
    nlattr header{};
    header.nla_len = static_cast<std::uint16_t>(NLA_HDRLEN + size);
    header.nla_type = static_cast<std::uint16_t>(type);
    const auto* h = reinterpret_cast<const std::uint8_t*>(&header);
    body.insert(body.end(), h, h + sizeof header);
    body.resize(body.size() + NLA_HDRLEN - sizeof header);
    const auto* d = static_cast<const std::uint8_t*>(data);
    body.insert(body.end(), d, d + size);
    body.resize(NLMSG_ALIGN(body.size()));
}

std::string ruleText(const std::vector<std::uint8_t>& body)
{
    fib_rule_hdr header{};
    std::memcpy(&header, body.data(), sizeof header);
    std::uint32_t priority = 0;
    std::uint32_t table = header.table;
    std::string iif, oif;
    forEachAttr(body, [&](const nlattr* attr) {
        switch (nla_type(attr)) {
        case FRA_PRIORITY:
            priority = nla_get_u32(const_cast<nlattr*>(attr));
            break;
        case FRA_TABLE:
            table = nla_get_u32(const_cast<nlattr*>(attr));
            break;
        case FRA_IIFNAME:
            iif = attrString(attr);
            break;
        case FRA_OIFNAME:
            oif = attrString(attr);
            break;
        default:
            break;
        }
    });
    return std::string(header.family == AF_INET6 ? "IPv6 " : "") + "rule " + std::to_string(priority) +
           (iif.empty() ? "" : " iif " + iif) + (oif.empty() ? "" : " oif " + oif) +
           (table ? " table " + std::to_string(table) : "");
}

struct DumpState
{
    std::string link;
    std::vector<LinkRule> rules;
};

int collectRule(nl_msg* msg, void* arg)
{
    auto* state = static_cast<DumpState*>(arg);
    nlmsghdr* h = nlmsg_hdr(msg);
    if (h->nlmsg_type != RTM_NEWRULE || nlmsg_datalen(h) < static_cast<int>(kHeaderSize))
        return NL_OK;
    const auto* data = static_cast<const std::uint8_t*>(nlmsg_data(h));
    LinkRule rule;
    rule.body.assign(data, data + nlmsg_datalen(h));
    bool names = false;
    forEachAttr(rule.body,
                [&](const nlattr* attr) { names |= namesLink(attr) && attrString(attr) == state->link; });
    if (names) {
        rule.text = ruleText(rule.body);
        state->rules.push_back(std::move(rule));
    }
    return NL_OK;
}

} // namespace

LinkRule LinkRule::withLink(const std::string& from, const std::string& to) const
{
    LinkRule renamed;
    if (body.size() < kHeaderSize)
        return *this;
    renamed.body.assign(body.begin(), body.begin() + kHeaderSize);
    forEachAttr(body, [&](const nlattr* attr) {
        if (namesLink(attr) && attrString(attr) == from)
            appendAttr(renamed.body, nla_type(attr), to.c_str(), to.size() + 1);
        else
            appendAttr(renamed.body, attr->nla_type, nla_data(attr), static_cast<std::size_t>(nla_len(attr)));
    });
    renamed.text = ruleText(renamed.body);
    return renamed;
}

Result<std::vector<LinkRule>> RouteSocket::rulesNaming(const std::string& name)
{
    rtgenmsg request{};
    request.rtgen_family = AF_UNSPEC; // every family's rules
    if (int err = nl_send_simple(m_sock, RTM_GETRULE, NLM_F_DUMP, &request, sizeof request); err < 0)
        return failure(err, "cannot list the policy routing rules");
    nl_cb* socketCb = nl_socket_get_cb(m_sock); // a reference of its own
    nl_cb* cb = nl_cb_clone(socketCb);
    nl_cb_put(socketCb);
    if (!cb)
        return Status(hr::OutOfMemory, "cannot allocate a netlink callback.");
    DumpState state{name, {}};
    nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, collectRule, &state);
    const int err = nl_recvmsgs(m_sock, cb);
    nl_cb_put(cb);
    if (err < 0)
        return failure(err, "cannot list the policy routing rules");
    return std::move(state.rules);
}

namespace {

Status sendRule(nl_sock* sock, int type, int flags, const LinkRule& rule, const char* what)
{
    nl_msg* msg = nlmsg_alloc_simple(type, flags);
    if (!msg)
        return Status(hr::OutOfMemory, "cannot allocate a netlink message.");
    const int err = sendAndWaitForAck(
        sock, msg,
        nlmsg_append(msg, const_cast<std::uint8_t*>(rule.body.data()), rule.body.size(), NLMSG_ALIGNTO));
    if (err < 0)
        return failure(err, std::string(what) + " " + rule.text);
    return Status::success();
}

} // namespace

Status RouteSocket::addRule(const LinkRule& rule)
{
    return sendRule(m_sock, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, rule, "cannot add policy routing");
}

Status RouteSocket::deleteRule(const LinkRule& rule)
{
    return sendRule(m_sock, RTM_DELRULE, 0, rule, "cannot delete policy routing");
}

} // namespace hcn::linuxdp
