#pragma once
// HCN v2 documents built with QJson, for the console's tests and benchmarks.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <string>

namespace hcntest {

/// `doc` with "SchemaVersion" 2.0.
inline QJsonObject v2(QJsonObject doc)
{
    doc.insert(QStringLiteral("SchemaVersion"), QJsonObject{{"Major", 2}, {"Minor", 0}});
    return doc;
}

/// Compact JSON text, as the API takes it.
inline std::string text(const QJsonObject& doc)
{
    return QJsonDocument(doc).toJson(QJsonDocument::Compact).toStdString();
}

/// A network document with one static subnet and its default route.
inline QJsonObject networkDocument(const QString& name, const QString& type, const QString& prefix,
                                   const QString& gateway)
{
    const QJsonObject route{{"NextHop", gateway}, {"DestinationPrefix", "0.0.0.0/0"}};
    const QJsonObject subnet{{"IpAddressPrefix", prefix}, {"Routes", QJsonArray{route}}};
    const QJsonObject ipam{{"Type", "Static"}, {"Subnets", QJsonArray{subnet}}};
    return v2({{"Name", name}, {"Type", type}, {"Ipams", QJsonArray{ipam}}});
}

} // namespace hcntest
