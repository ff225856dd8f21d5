#include "datapath/linux_dns.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace hcn::linuxdp {

std::string resolvConfText(const DnsPlan& dns, const Guid& endpoint)
{
    std::string out = "# written by hcnd from the Dns of HCN endpoint " + endpoint.toString() + "\n";
    // `domain` and `search` exclude each other in resolv.conf (the last one wins): the Domain leads
    // the search list instead.
    std::vector<std::string> search;
    if (!dns.domain.empty())
        search.push_back(dns.domain);
    for (const auto& s : dns.search)
        if (s != dns.domain)
            search.push_back(s);
    if (!search.empty()) {
        out += "search";
        for (const auto& s : search)
            out += " " + s;
        out += "\n";
    }
    for (const auto& server : dns.servers)
        out += "nameserver " + server + "\n";
    if (!dns.options.empty()) {
        out += "options";
        for (const auto& o : dns.options)
            out += " " + o;
        out += "\n";
    }
    return out;
}

Status writeNetnsResolvConf(const std::string& etcNetnsDir, const std::string& name, const std::string& text)
{
    for (const std::string& dir : {etcNetnsDir, etcNetnsDir + "/" + name})
        if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
            return Status(hr::Fail, "cannot create " + dir + ": " + std::strerror(errno) + ".");
    const std::string path = etcNetnsDir + "/" + name + "/resolv.conf";
    const std::string temporary = path + ".hcnd";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << text;
        if (!out.flush())
            return Status(hr::Fail, "cannot write " + temporary + ".");
    }
    // Renamed into place: a process reading it never sees half a file.
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temporary.c_str());
        return Status(hr::Fail, "cannot write " + path + ": " + why + ".");
    }
    return Status::success();
}

Status removeNetnsResolvConf(const std::string& etcNetnsDir, const std::string& name)
{
    const std::string dir = etcNetnsDir + "/" + name;
    const std::string path = dir + "/resolv.conf";
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        return Status(hr::Fail, "cannot remove " + path + ": " + std::strerror(errno) + ".");
    ::rmdir(dir.c_str()); // only when empty: files others put there stay
    return Status::success();
}

} // namespace hcn::linuxdp
