#pragma once
// Plain words for HCN documents: what a policy does ("PortMapping TCP 8080 → 80", "OutBoundNAT except
// 10.96.0.0/12"), an object's State number as a word, a protocol number as its name. Used by the
// Properties dock's summary header; the words are the HCN names, so they are not translated.

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace hcn::ui::words {

/// 6 → "TCP", 17 → "UDP", 1 → "ICMPv4", 58 → "ICMPv6", 0/256 → "any"; strings upper-cased.
QString protocol(const QJsonValue& protocol);
/// One policy ({"Type":..., "Settings":{...}}) in one line.
QString policy(const QJsonObject& policy);
/// Every entry of the document's "Policies" array, in order.
QStringList policies(const QJsonObject& document);
/// The document's "State" (a number or a word) as a word: "Created", "Attached" ...; empty when absent.
QString state(const QJsonObject& document);

} // namespace hcn::ui::words
