// The HNS network each pasted Hyper-V virtual switch carries, in the messages naming the switch and the
// VM adapters connected to it, and the one each pasted Docker network is over (see import_objects.h,
// linkPastedNonHnsObjects).

#include "common/text.h"
#include "io/import_objects.h"
#include "io/non_hns_objects.h"

#include <map>
#include <set>

namespace hcn::io::detail {
namespace {

/// An imported network that shows its switch: its label and SwitchGuid as the dump gives it.
struct SwitchedNetwork
{
    std::string label; ///< its name, or its ID when it has none
    std::string switchGuid;
};

std::vector<SwitchedNetwork> switchedNetworks(const LinkedObjects& linked)
{
    std::vector<SwitchedNetwork> out;
    for (std::size_t i = 0; i < linked.objects.size() && i < linked.documents.size(); ++i) {
        const ImportedObject& o = linked.objects[i];
        if (o.kind != ResourceKind::Network)
            continue;
        // Where v2 keeps it, and where the mapping puts a v1 network's SwitchGuid.
        const json* guid = linked.documents[i].is_object() ? &linked.documents[i] : nullptr;
        for (const char* key : {"Health", "Extra", "SwitchGuid"}) {
            if (!guid || !guid->is_object() || !guid->contains(key)) {
                guid = nullptr;
                break;
            }
            guid = &(*guid)[key];
        }
        const std::string id = guid ? idKeyOf(*guid) : std::string();
        if (!id.empty())
            out.push_back(
                {o.name.empty() ? o.id : o.name, std::string(idText(guid->get_ref<const std::string&>()))});
    }
    return out;
}

/// "network nat", "networks nat and nat2": those of `networks` on the switch whose ID key is `key`.
std::string networksOn(const std::vector<SwitchedNetwork>& networks, const std::string& key)
{
    std::vector<const SwitchedNetwork*> on;
    for (const SwitchedNetwork& n : networks)
        if (idKey(n.switchGuid) == key)
            on.push_back(&n);
    if (on.empty())
        return {};
    std::string text = on.size() == 1 ? "network " : "networks ";
    for (std::size_t i = 0; i < on.size(); ++i)
        text += (i == 0 ? "" : i + 1 == on.size() ? " and " : ", ") + on[i]->label;
    return text + " (SwitchGuid " + on.front()->switchGuid + ")";
}

std::string quotedName(const std::string& name)
{
    return "'" + name + "'";
}

/// Each Docker network's message whose HNS network the snapshot holds names that network and is about it.
void linkDockerNetworks(const std::vector<PastedNonHnsObject>& pasted, const LinkedObjects& linked,
                        std::vector<ImportMessage>& messages)
{
    std::map<std::string, const ImportedObject*> networks;
    for (const ImportedObject& o : linked.objects)
        if (o.kind == ResourceKind::Network && !o.idMadeUp)
            networks.emplace(idKey(o.id), &o);
    std::set<std::size_t> linkedMessages;
    for (const PastedNonHnsObject& p : pasted) {
        const auto found = p.hnsNetworkId.empty() ? networks.end() : networks.find(idKey(p.hnsNetworkId));
        if (found == networks.end() || p.message >= messages.size() ||
            !linkedMessages.insert(p.message).second)
            continue;
        const ImportedObject& network = *found->second;
        ImportMessage& m = messages[p.message];
        m.message += ", " + (network.name.empty() ? std::string("a network") : "network " + network.name) +
                     ", which the snapshot holds";
        m.kind = ResourceKind::Network;
        m.objectId = network.id;
    }
}

void linkPastedSwitches(const std::vector<PastedNonHnsObject>& switches, const LinkedObjects& linked,
                        std::vector<ImportMessage>& messages)
{
    const std::vector<SwitchedNetwork> networks = switchedNetworks(linked);
    if (networks.empty())
        return;
    // The pasted switches by name, for the adapters that name their switch by name alone.
    std::map<std::string, std::string> idByName;
    for (const PastedNonHnsObject& s : switches)
        if (s.isSwitch && !s.id.empty() && !s.name.empty())
            idByName.emplace(lowerCopy(s.name), idKey(s.id));
    // What each message has to add, in the order of the rows it names.
    std::map<std::size_t, std::vector<std::string>> said;
    std::map<std::size_t, bool> mismatch;
    for (const PastedNonHnsObject& s : switches) {
        if (s.message >= messages.size() || !s.hnsNetworkId.empty())
            continue;
        if (s.isSwitch) {
            const std::string who = s.name.empty() ? std::string("it") : quotedName(s.name);
            if (const std::string on = s.id.empty() ? std::string() : networksOn(networks, idKey(s.id));
                !on.empty()) {
                said[s.message].push_back(who + " is the switch of " + on);
                continue;
            }
            // A network of the switch's name on another switch: what a network made again leaves.
            for (const SwitchedNetwork& n : networks) {
                if (s.id.empty() || !equalsIgnoreCase(n.label, s.name))
                    continue;
                said[s.message].push_back(who + " has the name of network " + n.label +
                                          " but is not its switch: the network's SwitchGuid is " +
                                          n.switchGuid + ", the switch's Id " + s.id +
                                          " (the network was made again on another switch)");
                mismatch[s.message] = true;
                break;
            }
            continue;
        }
        std::string key = idKey(s.id);
        std::string on = key.empty() ? std::string() : networksOn(networks, key);
        if (on.empty() && !s.name.empty())
            if (const auto it = idByName.find(lowerCopy(s.name)); it != idByName.end())
                on = networksOn(networks, it->second);
        if (!on.empty())
            said[s.message].push_back((s.adapter.empty() ? std::string("it") : quotedName(s.adapter)) +
                                      " is connected to the switch of " + on);
    }
    for (auto& [index, phrases] : said) {
        ImportMessage& m = messages[index];
        const std::size_t end = m.message.rfind(kNotHnsNotImported);
        if (end == std::string::npos)
            continue;
        std::string added;
        for (const std::string& phrase : phrases)
            added += (added.empty() ? ": " : "; ") + phrase;
        m.message.insert(end, added);
        if (mismatch[index])
            m.severity = ImportSeverity::Warning;
    }
}

} // namespace

void linkPastedNonHnsObjects(const std::vector<PastedNonHnsObject>& pasted, const LinkedObjects& linked,
                             std::vector<ImportMessage>& messages)
{
    linkPastedSwitches(pasted, linked, messages);
    linkDockerNetworks(pasted, linked, messages);
}

} // namespace hcn::io::detail
