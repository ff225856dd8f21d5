// Importing a large customer dump: N objects (default 10,000: endpoints of 20 networks plus one policy
// list per 20 endpoints) written as Windows PowerShell 5.1 writes them, then imported with
// hcn::io::importDump. Formats: ConvertTo-Json (UTF-8), the same in UTF-16 LE with BOM (what `>`
// writes), the default list view (Format-List), Export-Csv and Export-Clixml. Prints size, best and median
// wall time of 5 runs, the median CPU time of the importing thread, throughput, objects found and the
// process's peak RSS.
//
// Usage: bench_import [OBJECTS] [--write DIR] [--only FORMAT]   (--write also saves the three dumps in DIR;
// --only runs one of json, utf16, listview, csv, clixml, e.g. under a profiler)

#include "hcn/dump_import.h"
#include "process_memory.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

std::string guid(unsigned kind, unsigned n)
{
    char text[40];
    std::snprintf(text, sizeof text, "%08X-%04X-4%03X-8%03X-%012X", 0x5EED0000u + kind, n & 0xFFFF,
                  kind & 0xFFF, (n >> 16) & 0xFFF, n);
    return text;
}

std::string mac(unsigned n)
{
    char text[24];
    std::snprintf(text, sizeof text, "00-15-5D-%02X-%02X-%02X", (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
    return text;
}

std::string ip(unsigned network, unsigned host)
{
    return "10." + std::to_string(network) + "." + std::to_string(host / 250) + "." +
           std::to_string(host % 250 + 2);
}

/// One member in ConvertTo-Json's layout: `"Key":  value`, nested values indented under the value column.
void member(std::string& out, int indent, const std::string& key, const std::string& value, bool last = false)
{
    out.append(std::size_t(indent), ' ');
    out += '"' + key + "\":  " + value + (last ? "\n" : ",\n");
}

std::string quoted(const std::string& text)
{
    return '"' + text + '"';
}

struct Host
{
    unsigned endpoints = 0;
    unsigned networks = 20;
    unsigned policyLists = 0;
};

Host hostFor(unsigned objects)
{
    Host host;
    // objects = endpoints + networks + endpoints / 20
    host.endpoints = (objects - host.networks) * 20 / 21;
    host.policyLists = objects - host.networks - host.endpoints;
    return host;
}

std::string convertToJson(const Host& host)
{
    std::string out = "[\n";
    auto open = [&](bool first) { out += first ? "    {\n" : "    },\n    {\n"; };
    bool first = true;
    for (unsigned n = 0; n < host.networks; ++n, first = false) {
        open(first);
        member(out, 8, "ActivityId", quoted(guid(9, n)));
        member(out, 8, "AdditionalParams", "{\n\n                             }");
        member(out, 8, "Flags", "0");
        member(out, 8, "ID", quoted(guid(1, n)));
        member(out, 8, "ManagementIP", quoted("192.168.0." + std::to_string(n + 10)));
        member(out, 8, "Name", quoted("net" + std::to_string(n)));
        member(out, 8, "Subnets",
               "[\n                        {\n                            \"AddressPrefix\":  \"10." +
                   std::to_string(n) + ".0.0/16\",\n                            \"GatewayAddress\":  \"10." +
                   std::to_string(n) + ".0.1\"\n                        }\n                    ]");
        member(out, 8, "Type", quoted("L2Bridge"));
        member(out, 8, "Version", "38654705666", true);
    }
    for (unsigned e = 0; e < host.endpoints; ++e, first = false) {
        const unsigned network = e % host.networks;
        open(first);
        member(out, 8, "ActivityId", quoted(guid(8, e)));
        member(out, 8, "EncapOverhead", "50");
        member(out, 8, "Health", quoted("@{LastErrorCode=0; LastUpdateTime=133508076463076342}"));
        member(out, 8, "ID", quoted(guid(2, e)));
        member(out, 8, "IPAddress", quoted(ip(network, e)));
        member(out, 8, "MacAddress", quoted(mac(e)));
        member(out, 8, "Name", quoted("Ethernet"));
        member(out, 8, "Policies",
               "[\n                         \"@{Type=OutBoundNAT; ExceptionList=System.Object[]}\",\n"
               "                         \"@{DestinationPrefix=10.96.0.0/12; NeedEncap=True; Type=ROUTE}\"\n"
               "                     ]");
        member(out, 8, "PrefixLength", "16");
        member(out, 8, "State", "3");
        member(out, 8, "Version", "38654705666");
        member(out, 8, "VirtualNetwork", quoted(guid(1, network)));
        member(out, 8, "VirtualNetworkName", quoted("net" + std::to_string(network)), true);
    }
    for (unsigned p = 0; p < host.policyLists; ++p, first = false) {
        open(first);
        member(out, 8, "ID", quoted(guid(3, p)));
        member(out, 8, "Policies",
               "[\n                         {\n                             \"ExternalPort\":  80,\n"
               "                             \"InternalPort\":  8080,\n                             "
               "\"Protocol\":  6,\n"
               "                             \"Type\":  \"ELB\",\n                             \"VIPs\":  [\n"
               "                                          \"10.96." +
                   std::to_string(p / 250) + "." + std::to_string(p % 250 + 1) +
                   "\"\n                                      ]\n                         }\n                "
                   "     ]");
        std::string refs = "[\n";
        for (unsigned b = 0; b < 3; ++b)
            refs += "                           \"/endpoints/" + guid(2, (p * 20 + b) % host.endpoints) +
                    "\"" + (b < 2 ? ",\n" : "\n");
        member(out, 8, "References", refs + "                       ]");
        member(out, 8, "State", "2", true);
    }
    out += "    }\n]\n";
    return out;
}

using Properties = std::vector<std::pair<std::string, std::string>>;

/// Get-HnsNetwork, Get-HnsEndpoint and Get-HnsPolicyList as PowerShell renders each property's value
/// as text (the list view, Export-Csv and a CLIXML value beyond -Depth all show this): one list per
/// cmdlet.
std::vector<std::vector<Properties>> renderedObjects(const Host& host)
{
    std::vector<std::vector<Properties>> kinds(3);
    for (unsigned n = 0; n < host.networks; ++n)
        kinds[0].push_back({{"ActivityId", guid(9, n)},
                            {"AdditionalParams", ""},
                            {"Flags", "0"},
                            {"ID", guid(1, n)},
                            {"ManagementIP", "192.168.0." + std::to_string(n + 10)},
                            {"Name", "net" + std::to_string(n)},
                            {"Subnets", "{@{AddressPrefix=10." + std::to_string(n) +
                                            ".0.0/16; GatewayAddress=10." + std::to_string(n) + ".0.1}}"},
                            {"Type", "L2Bridge"},
                            {"Version", "38654705666"}});
    for (unsigned e = 0; e < host.endpoints; ++e) {
        const unsigned network = e % host.networks;
        kinds[1].push_back({{"ActivityId", guid(8, e)},
                            {"EncapOverhead", "50"},
                            {"Health", "@{LastErrorCode=0; LastUpdateTime=133508076463076342}"},
                            {"ID", guid(2, e)},
                            {"IPAddress", ip(network, e)},
                            {"MacAddress", mac(e)},
                            {"Name", "Ethernet"},
                            {"Policies", "{@{Type=OutBoundNAT; ExceptionList=System.Object[]}, "
                                         "@{DestinationPrefix=10.96.0.0/12; NeedEncap=True; Type=ROUTE}}"},
                            {"PrefixLength", "16"},
                            {"State", "3"},
                            {"Version", "38654705666"},
                            {"VirtualNetwork", guid(1, network)},
                            {"VirtualNetworkName", "net" + std::to_string(network)}});
    }
    for (unsigned p = 0; p < host.policyLists; ++p) {
        std::string refs = "{";
        for (unsigned b = 0; b < 3; ++b)
            refs += (b ? ", " : "") + std::string("/endpoints/") + guid(2, (p * 20 + b) % host.endpoints);
        kinds[2].push_back(
            {{"ID", guid(3, p)},
             {"Policies",
              "{@{ExternalPort=80; InternalPort=8080; Protocol=6; Type=ELB; VIPs=System.Object[]}}"},
             {"References", refs + "}"},
             {"State", "2"}});
    }
    return kinds;
}

/// Format-List: the colons aligned per object, a blank line before each.
std::string listView(const Host& host)
{
    std::string out;
    for (const auto& kind : renderedObjects(host))
        for (const Properties& properties : kind) {
            std::size_t width = 0;
            for (const auto& p : properties)
                width = std::max(width, p.first.size());
            out += '\n';
            for (const auto& [key, value] : properties)
                out += key + std::string(width - key.size(), ' ') + " : " + value + "\n";
        }
    return out;
}

/// `Get-HnsNetwork | Export-Csv` and the same for endpoints and policy lists, the three files one after
/// another (Windows PowerShell 5.1: a #TYPE line, every field quoted, CRLF).
std::string exportCsv(const Host& host)
{
    std::string out;
    for (const auto& kind : renderedObjects(host)) {
        out += "#TYPE System.Management.Automation.PSCustomObject\r\n";
        for (std::size_t i = 0; i < kind.front().size(); ++i)
            out += (i ? ",\"" : "\"") + kind.front()[i].first + '"';
        out += "\r\n";
        for (const Properties& properties : kind) {
            for (std::size_t i = 0; i < properties.size(); ++i)
                out += (i ? ",\"" : "\"") + properties[i].second + '"';
            out += "\r\n";
        }
    }
    return out;
}

/// `Get-HnsEndpoint | Export-Clixml` and the like, in one `<Objs>`: numbers as <I64>, text as <S>,
/// collections beyond the default -Depth as an <Obj> showing only its <ToString>.
std::string exportClixml(const Host& host)
{
    std::string out =
        "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\r\n";
    unsigned ref = 0;
    for (const auto& kind : renderedObjects(host))
        for (const Properties& properties : kind) {
            out += "  <Obj RefId=\"" + std::to_string(ref++) +
                   "\">\r\n    <TNRef RefId=\"0\" />\r\n    <MS>\r\n";
            for (const auto& [key, value] : properties) {
                const bool number =
                    !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
                if (value.starts_with("{"))
                    out += "      <Obj N=\"" + key + "\" RefId=\"" + std::to_string(ref++) +
                           "\"><TNRef RefId=\"1\" /><ToString>" + value + "</ToString></Obj>\r\n";
                else if (number)
                    out += "      <I64 N=\"" + key + "\">" + value + "</I64>\r\n";
                else
                    out += "      <S N=\"" + key + "\">" + value + "</S>\r\n";
            }
            out += "    </MS>\r\n  </Obj>\r\n";
        }
    return out + "</Objs>\r\n";
}

std::string utf16le(const std::string& ascii)
{
    std::string out = "\xFF\xFE";
    out.reserve(2 + ascii.size() * 2);
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

void run(const char* label, const std::string& bytes)
{
    std::vector<double> times;
    std::vector<double> cpu; // the thread's CPU time: steadier than wall time when the cores are shared
    std::size_t objects = 0;
    std::size_t messages = 0;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = threadCpuSeconds();
        auto result = hcn::io::importDump({{"dump", bytes}});
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        cpu.push_back(threadCpuSeconds() - cpuStart);
        if (!result) {
            std::printf("%s: import failed: %s\n", label, result.status().message().c_str());
            return;
        }
        objects = result->objectCount();
        messages = result->report.messages.size();
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-28s %7.2f MB  best %7.3f s  median %7.3f s  CPU median %7.3f s  %6.1f MB/s  objects %6zu  "
                "report lines %6zu  peak RSS %6.1f MiB\n",
                label, bytes.size() / 1e6, times.front(), times[2], cpu[2], bytes.size() / 1e6 / times[2],
                objects, messages, hcnbench::peakRssMiB());
}

} // namespace

void save(const std::string& dir, const char* name, const std::string& bytes)
{
    std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
}

int main(int argc, char** argv)
{
    unsigned objects = 10000;
    std::string writeDir;
    std::string only;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--write" && i + 1 < argc)
            writeDir = argv[++i];
        else if (arg == "--only" && i + 1 < argc)
            only = argv[++i];
        else
            objects = unsigned(std::strtoul(argv[i], nullptr, 10));
    }
    if (objects < 100) {
        std::fprintf(stderr, "usage: bench_import [OBJECTS >= 100] [--write DIR] [--only FORMAT]\n");
        return 2;
    }
    const Host host = hostFor(objects);
    std::printf("bench_import: %u objects (%u networks, %u endpoints, %u policy lists)\n", objects,
                host.networks, host.endpoints, host.policyLists);
    const std::string json = convertToJson(host);
    const std::string list = listView(host);
    if (!writeDir.empty()) {
        save(writeDir, "convertto-json.json", json);
        save(writeDir, "convertto-json-utf16.json", utf16le(json));
        save(writeDir, "list-view.txt", list);
    }
    const auto wanted = [&](const char* name) { return only.empty() || only == name; };
    if (wanted("json"))
        run("ConvertTo-Json, UTF-8", json);
    if (wanted("utf16"))
        run("ConvertTo-Json, UTF-16 LE", utf16le(json));
    if (wanted("listview"))
        run("list view (Format-List)", list);
    if (wanted("csv"))
        run("Export-Csv", exportCsv(host));
    if (wanted("clixml"))
        run("Export-Clixml", exportClixml(host));
    return 0;
}
