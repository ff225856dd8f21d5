#pragma once
// DiffWording: a diff in plain words for the Compare dock: a kind's counts ("load balancers 577 → 1
// (576 removed, 1 changed)"), an object's title ("endpoint web (C0FFEE02-...)"), and each member change
// as a sentence ("IP configuration changed: 172.28.160.11/20 → 172.28.160.21/20", "backends removed:
// C0FFEE02-... (cache)", "policy added: ACL allow In ..."). IDs in values carry the name of the object
// they are; policies read as the Properties dock summarizes them (models/plain_words.h).

#include "hcn/snapshot_diff.h"

#include <QHash>
#include <QString>
#include <nlohmann/json.hpp>

namespace hcn::ui {

class DiffWording
{
public:
    /// `names`: object ID (upper case) -> Name, as CompareResult keeps them.
    explicit DiffWording(const QHash<QString, QString>& names) : m_names(names) {}

    /// "load balancers 577 → 1 (576 removed, 1 changed)".
    static QString kindSummary(const DiffKindSummary& kind);
    /// "network", "load balancer" ... (singular) or "networks" ... (plural).
    static QString kindWord(ResourceKind kind, bool plural = false);
    /// "endpoint web (C0FFEE02-...)", with "matched by name, now ID" for a name match.
    QString objectTitle(const DiffObject& object) const;
    /// One member change in one line.
    QString change(const DiffFieldChange& change) const;
    /// A value: an ID with its name, a policy in plain words, a string as itself, else compact JSON.
    QString value(const nlohmann::json& value) const;

private:
    QString withName(const QString& text) const;

    const QHash<QString, QString>& m_names;
};

} // namespace hcn::ui
