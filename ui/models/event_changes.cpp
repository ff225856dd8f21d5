#include "models/event_changes.h"

#include "hcn/snapshot_diff.h"
#include "models/json_conversion.h"
#include "models/plain_words.h"

namespace hcn::ui {

namespace {

using Json = nlohmann::json;

constexpr int kMaxValueLength = 80;

/// "/Policies[Type=ACL,Id=web]/Settings/Action" -> "ACL Action": the last member's name, after the
/// policy type it belongs to when there is one.
QString label(const std::string& path)
{
    const QStringList segments = QString::fromStdString(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString type;
    QString last;
    for (const QString& segment : segments) {
        const qsizetype bracket = segment.indexOf(QLatin1Char('['));
        if (bracket >= 0) {
            const QString identity = segment.mid(bracket + 1, segment.size() - bracket - 2);
            if (identity.startsWith(QLatin1String("Type=")))
                type = identity.mid(5).section(QLatin1Char(','), 0, 0);
            last = segment.left(bracket);
        } else if (segment != QLatin1String("Settings")) {
            last = segment;
        }
    }
    if (segments.size() > 1 && !type.isEmpty() && last != QLatin1String("Policies"))
        return type + QLatin1Char(' ') + last;
    return last;
}

QString cut(QString text)
{
    if (text.size() > kMaxValueLength)
        text = text.left(kMaxValueLength - 1) + QChar(0x2026);
    return text;
}

/// A value as a user reads it: text unquoted, a policy in plain words, an IP configuration as its
/// address, anything else as compact JSON.
QString value(const Json& v)
{
    if (v.is_string())
        return cut(QString::fromStdString(v.get<std::string>()));
    if (v.is_object()) {
        if (v.contains("Type") && v["Type"].is_string())
            return cut(words::policy(toQJsonObject(v)));
        if (auto ip = v.find("IpAddress"); ip != v.end() && ip->is_string()) {
            QString text = QString::fromStdString(ip->get<std::string>());
            if (auto length = v.find("PrefixLength"); length != v.end() && length->is_number())
                text += QLatin1Char('/') + QString::number(length->get<int>());
            return text;
        }
    }
    return cut(QString::fromStdString(v.dump(-1, ' ', false, Json::error_handler_t::replace)));
}

bool sameType(const Json& a, const Json& b)
{
    const Json none;
    const Json& x = a.contains("Type") ? a["Type"] : none;
    const Json& y = b.contains("Type") ? b["Type"] : none;
    return x == y;
}

/// "Policies: +PortMapping TCP 8080 → 80, −ACL Block Out": array elements in and out.
QString items(const QString& name, const Json& added, const Json& removed)
{
    QStringList parts;
    for (const Json& item : added)
        parts.append(QLatin1Char('+') + value(item));
    for (const Json& item : removed)
        parts.append(QChar(0x2212) + value(item));
    return QStringLiteral("%1: %2").arg(name, parts.join(QStringLiteral(", ")));
}

void describeInto(const std::vector<DiffFieldChange>& changes, ResourceKind kind, QStringList& out)
{
    for (const DiffFieldChange& c : changes) {
        const QString name = label(c.path);
        switch (c.type) {
        case DiffFieldChange::Type::Changed:
            out.append(QStringLiteral("%1 %2 \u2192 %3").arg(name, value(c.before), value(c.after)));
            break;
        case DiffFieldChange::Type::Added:
            out.append(c.after.is_array() ? items(name, c.after, {})
                                          : QStringLiteral("+%1 %2").arg(name, value(c.after)));
            break;
        case DiffFieldChange::Type::Removed:
            out.append(c.before.is_array() ? items(name, {}, c.before)
                                           : QStringLiteral("\u2212%1 %2").arg(name, value(c.before)));
            break;
        case DiffFieldChange::Type::Items: {
            if (c.removedItems.size() == 1 && c.addedItems.size() == 1 && c.removedItems[0].is_object() &&
                c.addedItems[0].is_object() && sameType(c.removedItems[0], c.addedItems[0])) {
                const auto inner = diffDocuments(c.removedItems[0], c.addedItems[0], {}, nullptr, kind);
                if (!inner.empty()) {
                    describeInto(inner, kind, out);
                    break;
                }
            }
            out.append(items(name, Json(c.addedItems), Json(c.removedItems)));
            break;
        }
        }
    }
}

} // namespace

QStringList EventChanges::describe(const HostDocument& before, const HostDocument& after, ResourceKind kind)
{
    QStringList out;
    if (!before || !after || before == after || *before == *after)
        return out;
    describeInto(diffDocuments(*before, *after, {}, nullptr, kind), kind, out);
    return out;
}

QString EventChanges::oneLine(const QStringList& changes)
{
    if (changes.size() <= kMaxInLine)
        return changes.join(QStringLiteral("; "));
    return tr("%1; and %2 more")
        .arg(changes.mid(0, kMaxInLine).join(QStringLiteral("; ")),
             QString::number(changes.size() - kMaxInLine));
}

} // namespace hcn::ui
