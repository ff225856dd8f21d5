#include "rpc/peer_credentials.h"

#include <algorithm>
#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace hcn::rpc {

namespace {

std::optional<std::pair<gid_t, std::string>> groupByName(const std::string& name)
{
    std::vector<char> buffer(16384);
    group entry{};
    group* found = nullptr;
    if (getgrnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::nullopt;
    return std::make_pair(found->gr_gid, std::string(found->gr_name));
}

std::string groupName(gid_t gid)
{
    std::vector<char> buffer(16384);
    group entry{};
    group* found = nullptr;
    if (getgrgid_r(gid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return std::to_string(gid);
    return found->gr_name;
}

} // namespace

std::optional<PeerCredentials> readPeerCredentials(int fd)
{
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0 || size != sizeof credentials)
        return std::nullopt;
    return PeerCredentials{credentials.pid, credentials.uid, credentials.gid};
}

AccessPolicy::AccessPolicy(uid_t serviceUid, gid_t allowedGroup, std::string groupName)
    : m_serviceUid(serviceUid), m_group(allowedGroup), m_groupName(std::move(groupName))
{}

bool AccessPolicy::allows(const PeerCredentials& peer) const
{
    if (peer.uid == 0 || peer.uid == m_serviceUid || peer.gid == m_group)
        return true;
    return isGroupMember(peer.uid, peer.gid);
}

bool AccessPolicy::isGroupMember(uid_t uid, gid_t primaryGid) const
{
    // The peer's supplementary groups are those of its user entry (a process cannot be asked for its
    // own list over SO_PEERCRED); getgrouplist reads them from the group database.
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return false;
    int count = 64;
    std::vector<gid_t> groups(static_cast<std::size_t>(count));
    if (getgrouplist(found->pw_name, primaryGid, groups.data(), &count) < 0) {
        groups.resize(static_cast<std::size_t>(count));
        if (getgrouplist(found->pw_name, primaryGid, groups.data(), &count) < 0)
            return false;
    }
    groups.resize(static_cast<std::size_t>(count));
    return std::find(groups.begin(), groups.end(), m_group) != groups.end();
}

std::optional<std::pair<gid_t, std::string>> resolveServiceGroup(const std::string& name)
{
    if (!name.empty())
        return groupByName(name);
    if (auto hcn = groupByName("hcn"))
        return hcn;
    return std::make_pair(getgid(), groupName(getgid()));
}

} // namespace hcn::rpc
