#include "compare/diff_wording.h"

#include "models/core_text.h"
#include "models/json_conversion.h"
#include "models/plain_words.h"

#include <QCoreApplication>
#include <QStringList>

namespace hcn::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hcn::ui::DiffWording", text);
}

/// Elements listed in one line before the rest is counted.
constexpr int kMaxListed = 8;

struct Noun
{
    const char* member;
    const char* singular;
    const char* plural;
};

/// What the members holding lists are called, by their last path segment.
constexpr Noun kNouns[] = {
    {"Policies", "policy", "policies"},
    {"HostComputeEndpoints", "backend", "backends"},
    {"IpConfigurations", "IP configuration", "IP configurations"},
    {"FrontendVIPs", "frontend VIP", "frontend VIPs"},
    {"ServerList", "DNS server", "DNS servers"},
    {"Search", "DNS suffix", "DNS suffixes"},
    {"Subnets", "subnet", "subnets"},
    {"Routes", "route", "routes"},
    {"PortMappings", "port mapping", "port mappings"},
    {"Resources", "resource", "resources"},
    {"Exceptions", "exception", "exceptions"},
    {"Ipams", "IPAM", "IPAMs"},
};

const Noun* nounOf(const QString& path)
{
    QString last = path.section(QLatin1Char('/'), -1);
    last = last.section(QLatin1Char('['), 0, 0);
    for (const Noun& noun : kNouns)
        if (last == QLatin1String(noun.member))
            return &noun;
    return nullptr;
}

QString shownPath(const std::string& path)
{
    return path.empty() ? QStringLiteral("/") : QString::fromStdString(path).mid(1);
}

} // namespace

QString DiffWording::kindWord(ResourceKind kind, bool plural)
{
    QString word = kindLabel(kind);
    if (!plural)
        return word;
    return word.endsWith(QLatin1Char('s')) ? word + QStringLiteral("es") : word + QLatin1Char('s');
}

QString DiffWording::kindSummary(const DiffKindSummary& kind)
{
    QString text =
        QStringLiteral("%1 %2 \u2192 %3").arg(kindWord(kind.kind, true)).arg(kind.before).arg(kind.after);
    QStringList parts;
    if (kind.added)
        parts << tr("%1 added").arg(kind.added);
    if (kind.removed)
        parts << tr("%1 removed").arg(kind.removed);
    if (kind.changed)
        parts << tr("%1 changed").arg(kind.changed);
    if (kind.matchedByName)
        parts << tr("%1 matched by name").arg(kind.matchedByName);
    if (!parts.isEmpty())
        text += QStringLiteral(" (%1)").arg(parts.join(QStringLiteral(", ")));
    return text;
}

QString DiffWording::withName(const QString& text) const
{
    if (text.size() < 36)
        return text;
    const auto name = m_names.constFind(QString::fromStdString(canonicalObjectId(text.toStdString())));
    return name == m_names.cend() ? text : QStringLiteral("%1 (%2)").arg(text, *name);
}

QString DiffWording::objectTitle(const DiffObject& object) const
{
    QString title = kindWord(object.kind);
    if (!object.name.empty())
        title += QLatin1Char(' ') + QString::fromStdString(object.name);
    title += QStringLiteral(" (%1)").arg(QString::fromStdString(object.id));
    if (object.matchedByName)
        title += tr(", matched by name, now %1").arg(QString::fromStdString(object.newId));
    return title;
}

QString DiffWording::value(const nlohmann::json& v) const
{
    if (v.is_string())
        return withName(QString::fromStdString(v.get<std::string>()));
    if (v.is_object()) {
        if (v.contains("Type") && v["Type"].is_string())
            return words::policy(toQJsonObject(v));
        if (auto ip = v.find("IpAddress"); ip != v.end() && ip->is_string()) {
            QString text = QString::fromStdString(ip->get<std::string>());
            if (auto length = v.find("PrefixLength"); length != v.end() && length->is_number())
                text += QStringLiteral("/%1").arg(length->get<int>());
            return text;
        }
        if (auto prefix = v.find("DestinationPrefix"); prefix != v.end() && prefix->is_string()) {
            QString text = QString::fromStdString(prefix->get<std::string>());
            if (auto hop = v.find("NextHop"); hop != v.end() && hop->is_string())
                text += tr(" via %1").arg(QString::fromStdString(hop->get<std::string>()));
            return text;
        }
        if (auto prefix = v.find("IpAddressPrefix"); prefix != v.end() && prefix->is_string())
            return QString::fromStdString(prefix->get<std::string>());
        if (v.contains("InternalPort") && v.contains("ExternalPort"))
            return QStringLiteral("%1 %2 \u2192 %3")
                .arg(words::protocol(v.contains("Protocol") ? toQJsonValue(v["Protocol"])
                                                            : QJsonValue(QJsonValue::Undefined)),
                     QString::fromStdString(v["ExternalPort"].dump()),
                     QString::fromStdString(v["InternalPort"].dump()));
    }
    if (v.is_array()) {
        QStringList items;
        for (const nlohmann::json& element : v)
            items << value(element);
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    return QString::fromStdString(v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString DiffWording::change(const DiffFieldChange& c) const
{
    const QString path = shownPath(c.path);
    switch (c.type) {
    case DiffFieldChange::Type::Added:
        return tr("%1 added: %2").arg(path, value(c.after));
    case DiffFieldChange::Type::Removed:
        return tr("%1 removed (was %2)").arg(path, value(c.before));
    case DiffFieldChange::Type::Changed:
        return tr("%1 changed: %2 \u2192 %3").arg(path, value(c.before), value(c.after));
    case DiffFieldChange::Type::Items:
        break;
    }
    auto list = [this](const std::vector<nlohmann::json>& items) {
        QStringList out;
        for (std::size_t i = 0; i < items.size() && i < std::size_t(kMaxListed); ++i)
            out << value(items[i]);
        if (items.size() > std::size_t(kMaxListed))
            out << tr("and %1 more").arg(items.size() - std::size_t(kMaxListed));
        return out.join(QStringLiteral(", "));
    };
    // "backends removed: ..." for a top-level list; "Ipams[...]/Subnets: subnets added: ..." deeper.
    const Noun* noun = nounOf(path);
    const bool nested = path.contains(QLatin1Char('/'));
    const QString prefix = nested || !noun ? path + QStringLiteral(": ") : QString();
    const QString one = noun ? tr(noun->singular) : tr("element");
    const QString many = noun ? tr(noun->plural) : tr("elements");
    const std::size_t removed = c.removedItems.size();
    const std::size_t added = c.addedItems.size();
    if (removed == 1 && added == 1)
        return prefix +
               tr("%1 changed: %2 \u2192 %3").arg(one, value(c.removedItems[0]), value(c.addedItems[0]));
    if (added == 0)
        return prefix + tr("%1 removed: %2").arg(removed == 1 ? one : many, list(c.removedItems));
    if (removed == 0)
        return prefix + tr("%1 added: %2").arg(added == 1 ? one : many, list(c.addedItems));
    return prefix + tr("%1: removed %2; added %3").arg(many, list(c.removedItems), list(c.addedItems));
}

} // namespace hcn::ui
