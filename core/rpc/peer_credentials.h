#pragma once
// Who is on the other end of a Unix socket (SO_PEERCRED) and whether hcnd lets them in: root, the
// service's own uid, or a member (primary or supplementary) of the allowed group.

#include <optional>
#include <string>
#include <sys/types.h>

namespace hcn::rpc {

struct PeerCredentials
{
    pid_t pid = 0;
    uid_t uid = 0;
    gid_t gid = 0;
};

/// The credentials of the process that connected `fd`; nullopt when the socket has none.
std::optional<PeerCredentials> readPeerCredentials(int fd);

class AccessPolicy
{
public:
    AccessPolicy(uid_t serviceUid, gid_t allowedGroup, std::string groupName);

    bool allows(const PeerCredentials& peer) const;
    gid_t allowedGroup() const { return m_group; }
    const std::string& groupName() const { return m_groupName; }

private:
    bool isGroupMember(uid_t uid, gid_t primaryGid) const;

    uid_t m_serviceUid;
    gid_t m_group;
    std::string m_groupName;
};

/// The group hcnd gives its socket to: `name` when set (nullopt if no such group), else "hcn" when
/// it exists, else the process's primary group.
std::optional<std::pair<gid_t, std::string>> resolveServiceGroup(const std::string& name);

} // namespace hcn::rpc
