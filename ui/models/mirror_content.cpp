#include "models/mirror_content.h"

#include <algorithm>
#include <string>
#include <vector>

namespace hcn::ui {

const MirrorObject* MirrorContent::object(const QString& id) const
{
    // Keys are upper case, and so is nearly every ID asked for (the mirror's own): no copy for those.
    auto it = objects.constFind(id);
    if (it == objects.cend()) {
        const QString upper = id.toUpper();
        if (upper == id)
            return nullptr;
        it = objects.constFind(upper);
    }
    return it == objects.cend() ? nullptr : &it.value();
}

namespace {

/// One entry of a sort by name: the name case-folded once, not once per comparison.
struct ByName
{
    QString folded;
    QString id;
    const MirrorObject* object = nullptr;
};

void sortByName(std::vector<ByName>& entries)
{
    std::sort(entries.begin(), entries.end(), [](const ByName& a, const ByName& b) {
        return a.folded != b.folded ? a.folded < b.folded : a.id < b.id;
    });
}

QStringList toStringList(const std::vector<std::string>& ids)
{
    QStringList out;
    out.reserve(qsizetype(ids.size()));
    for (const std::string& id : ids)
        out.append(QString::fromStdString(id));
    return out;
}

} // namespace

QList<const MirrorObject*> MirrorContent::objectsOfKind(ResourceKind kind) const
{
    std::vector<ByName> entries;
    for (const MirrorObject& object : objects)
        if (object.kind == kind)
            entries.push_back({object.name.toCaseFolded(), object.id, &object});
    sortByName(entries);
    QList<const MirrorObject*> out;
    out.reserve(qsizetype(entries.size()));
    for (const ByName& entry : entries)
        out.append(entry.object);
    return out;
}

QStringList MirrorContent::idsByName(QStringList ids) const
{
    std::vector<ByName> entries;
    entries.reserve(std::size_t(ids.size()));
    for (QString& id : ids) {
        const MirrorObject* found = object(id);
        entries.push_back({found ? found->name.toCaseFolded() : QString(), std::move(id), found});
    }
    sortByName(entries);
    ids.clear();
    for (ByName& entry : entries)
        ids.append(std::move(entry.id));
    return ids;
}

int MirrorContent::count(ResourceKind kind) const
{
    return int(state.count(kind));
}

QStringList MirrorContent::endpointIdsOfNetwork(const QString& networkId) const
{
    return toStringList(state.endpointsOfNetwork(networkId.toStdString()));
}

QStringList MirrorContent::endpointIdsOfNamespace(const QString& namespaceId) const
{
    return toStringList(state.endpointsOfNamespace(namespaceId.toStdString()));
}

} // namespace hcn::ui
