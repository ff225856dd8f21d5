#include "object_export.h"

#include "hcn/api.h"
#include "hcn/guid.h"
#include "hcn/open_object.h"

// Only here: ordered_json keeps the members in the engine's order (QJsonObject would sort them).
#include <nlohmann/json.hpp>

namespace hcn::ui {

namespace {

Result<QByteArray> indented(const std::vector<std::string>& documents, bool asArray)
{
    try {
        nlohmann::ordered_json out = asArray ? nlohmann::ordered_json::array() : nlohmann::ordered_json();
        for (const std::string& text : documents) {
            auto parsed = nlohmann::ordered_json::parse(text);
            if (asArray)
                out.push_back(std::move(parsed));
            else
                out = std::move(parsed);
        }
        const std::string dumped = out.dump(2) + "\n";
        return QByteArray(dumped.data(), qsizetype(dumped.size()));
    } catch (const nlohmann::json::exception& e) {
        return Status(hr::InvalidJson,
                      std::string("The service returned a document that is not JSON: ") + e.what());
    }
}

} // namespace

std::string ObjectExport::queryFor(ExportSchema schema)
{
    return schema == ExportSchema::V1 ? R"({"SchemaVersion":{"Major":1,"Minor":0}})" : std::string();
}

Result<std::string> ObjectExport::queryOne(const ExportTarget& target, const std::string& query) const
{
    const auto id = Guid::parse(target.id.toStdString());
    if (!id)
        return Status(hr::GuidConversionFailure, "Not an object ID: " + target.id.toStdString());
    return withOpenObject(m_api, target.kind, *id,
                          [&](Handle handle) { return m_api.query(target.kind, handle, query); });
}

Result<QByteArray> ObjectExport::objects(const QList<ExportTarget>& targets, ExportSchema schema) const
{
    if (targets.isEmpty())
        return Status(hr::InvalidArg, "Nothing is selected.");
    const std::string query = queryFor(schema);
    std::vector<std::string> documents;
    documents.reserve(std::size_t(targets.size()));
    for (const ExportTarget& target : targets) {
        auto document = queryOne(target, query);
        if (!document.ok())
            return document.status();
        documents.push_back(std::move(*document));
    }
    return indented(documents, documents.size() > 1);
}

Result<QByteArray> ObjectExport::everything(ExportSchema schema) const
{
    auto snapshot = m_api.snapshot(queryFor(schema));
    if (!snapshot.ok())
        return snapshot.status();
    return indented({*snapshot}, false);
}

} // namespace hcn::ui
