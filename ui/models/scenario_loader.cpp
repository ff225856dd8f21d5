#include "scenario_loader.h"

#include "hcn/api.h"
#include "hcn/error_catalog.h"
#include "hcn/guid.h"
#include "models/core_text.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <optional>
#include <vector>

Q_LOGGING_CATEGORY(lcScenario, "hcn.ui.scenario")

namespace hcn::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hcn::ui::ScenarioLoader", text);
}

const QStringList kSections = {QStringLiteral("Description"), QStringLiteral("Networks"),
                               QStringLiteral("Endpoints"),   QStringLiteral("Namespaces"),
                               QStringLiteral("Attach"),      QStringLiteral("LoadBalancers"),
                               QStringLiteral("SdnRoutes"),   QStringLiteral("GuestNetworkServices")};
/// A snapshot's header (File > Export all, hcnd.snapshot): read as a scenario, it is not applied.
const QStringList kSnapshotHeader = {QStringLiteral("HnsVersion"), QStringLiteral("SchemaVersion")};

/// An endpoint of a snapshot names its namespace, and the namespace lists the endpoint in its
/// Resources. Endpoints are created before namespaces, so the namespace's Resources attach them; the
/// endpoint's own reference (to a namespace that does not exist yet) is dropped.
QJsonObject withoutListedNamespaces(QJsonObject scenario)
{
    QSet<QString> listed;
    for (const QJsonValue& ns : scenario.value(QLatin1String("Namespaces")).toArray())
        for (const QJsonValue& resource : ns.toObject().value(QLatin1String("Resources")).toArray()) {
            const QJsonObject entry = resource.toObject();
            if (entry.value(QLatin1String("Type")).toString() == QLatin1String("Endpoint"))
                listed.insert(entry.value(QLatin1String("Data"))
                                  .toObject()
                                  .value(QLatin1String("ID"))
                                  .toString()
                                  .toUpper());
        }
    if (listed.isEmpty())
        return scenario;
    QJsonArray endpoints = scenario.value(QLatin1String("Endpoints")).toArray();
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        QJsonObject endpoint = endpoints[i].toObject();
        if (listed.contains(endpoint.value(QLatin1String("ID")).toString().toUpper())) {
            endpoint.remove(QStringLiteral("HostComputeNamespace"));
            endpoints[i] = endpoint;
        }
    }
    scenario.insert(QStringLiteral("Endpoints"), endpoints);
    return scenario;
}

/// One application of a scenario: remembers what it created so a failure can take it back.
class ScenarioRun
{
public:
    explicit ScenarioRun(Api& api) : m_api(api) {}
    ~ScenarioRun()
    {
        for (const auto& [kind, handle] : m_handles)
            (void)m_api.close(kind, handle);
    }

    bool run(const QJsonObject& scenario, ScenarioError& error);
    void rollback();
    int created() const { return static_cast<int>(m_created.size()); }

private:
    struct Created
    {
        ResourceKind kind;
        Guid id;
    };
    struct Attached
    {
        Guid ns;
        QString endpointId;
    };

    bool createAll(const QJsonObject& scenario, const QString& section, ResourceKind kind,
                   ScenarioError& error);
    bool attachAll(const QJsonArray& entries, ScenarioError& error);
    /// A reference to an object of `kind`: its ID, or the Name of an object this scenario created.
    std::optional<QString> resolve(ResourceKind kind, const QString& reference) const;
    bool fail(ScenarioError& error, const QString& entry, const Status& status);
    bool failInput(ScenarioError& error, const QString& entry, const QString& message);
    static QString entryLabel(const QString& section, qsizetype index, const QJsonObject& document);

    Api& m_api;
    std::vector<Created> m_created;
    std::vector<Attached> m_attached;
    std::vector<std::pair<ResourceKind, Handle>> m_handles;
    /// kind -> Name -> ID (upper case) of the objects this scenario created.
    QHash<int, QHash<QString, QString>> m_names;
    QHash<QString, Handle> m_networkHandles;
    QHash<QString, Handle> m_namespaceHandles;
};

QString ScenarioRun::entryLabel(const QString& section, qsizetype index, const QJsonObject& document)
{
    QString label = QStringLiteral("%1[%2]").arg(section).arg(index);
    const QString name = document.value(QLatin1String("Name")).toString();
    if (!name.isEmpty())
        label += QStringLiteral(" (%1)").arg(name);
    return label;
}

bool ScenarioRun::fail(ScenarioError& error, const QString& entry, const Status& status)
{
    error.entry = entry;
    error.code = status.code();
    error.message = QString::fromStdString(status.message());
    return false;
}

bool ScenarioRun::failInput(ScenarioError& error, const QString& entry, const QString& message)
{
    error.entry = entry;
    error.code = hr::InvalidArg;
    error.message = message;
    return false;
}

std::optional<QString> ScenarioRun::resolve(ResourceKind kind, const QString& reference) const
{
    if (auto guid = Guid::parse(reference.toStdString()))
        return QString::fromStdString(guid->toString());
    const auto names = m_names.value(static_cast<int>(kind));
    auto it = names.constFind(reference);
    if (it == names.constEnd())
        return std::nullopt;
    return *it;
}

bool ScenarioRun::run(const QJsonObject& scenario, ScenarioError& error)
{
    return createAll(scenario, QStringLiteral("Networks"), ResourceKind::Network, error) &&
           createAll(scenario, QStringLiteral("Endpoints"), ResourceKind::Endpoint, error) &&
           createAll(scenario, QStringLiteral("Namespaces"), ResourceKind::Namespace, error) &&
           attachAll(scenario.value(QLatin1String("Attach")).toArray(), error) &&
           createAll(scenario, QStringLiteral("LoadBalancers"), ResourceKind::LoadBalancer, error) &&
           createAll(scenario, QStringLiteral("SdnRoutes"), ResourceKind::SdnRoute, error) &&
           createAll(scenario, QStringLiteral("GuestNetworkServices"), ResourceKind::GuestNetworkService,
                     error);
}

bool ScenarioRun::createAll(const QJsonObject& scenario, const QString& section, ResourceKind kind,
                            ScenarioError& error)
{
    const QJsonValue value = scenario.value(section);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return failInput(error, section,
                         tr("must be an array of %1 documents").arg(fromCore(resourceKindSchemaType(kind))));
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries[i].isObject())
            return failInput(error, QStringLiteral("%1[%2]").arg(section).arg(i),
                             tr("must be a JSON object"));
        QJsonObject document = entries[i].toObject();
        const QString label = entryLabel(section, i, document);
        // Scenario documents are v2; a document without SchemaVersion would be read as v1.
        if (!document.contains(QLatin1String("SchemaVersion")))
            document.insert(QStringLiteral("SchemaVersion"), QJsonObject{{"Major", 2}, {"Minor", 0}});

        Handle network = 0;
        if (kind == ResourceKind::Endpoint) {
            const QString reference = document.value(QLatin1String("HostComputeNetwork")).toString();
            if (reference.isEmpty())
                return failInput(error, label,
                                 tr("needs \"HostComputeNetwork\": the ID or Name of its network"));
            const auto networkId = resolve(ResourceKind::Network, reference);
            if (!networkId)
                return failInput(
                    error, label,
                    tr("\"HostComputeNetwork\" names no network of this scenario: %1").arg(reference));
            document.insert(QStringLiteral("HostComputeNetwork"), *networkId);
            network = m_networkHandles.value(*networkId);
            if (network == 0) {
                auto opened = m_api.open(ResourceKind::Network, *Guid::parse(networkId->toStdString()));
                if (!opened.ok())
                    return fail(error, label, opened.status());
                network = *opened;
                m_handles.emplace_back(ResourceKind::Network, network);
                m_networkHandles.insert(*networkId, network);
            }
        } else if (kind == ResourceKind::LoadBalancer) {
            QJsonArray backends;
            for (const QJsonValue& reference :
                 document.value(QLatin1String("HostComputeEndpoints")).toArray()) {
                const auto endpointId = resolve(ResourceKind::Endpoint, reference.toString());
                if (!endpointId)
                    return failInput(error, label,
                                     tr("\"HostComputeEndpoints\" names no endpoint of this scenario: %1")
                                         .arg(reference.toString()));
                backends.append(*endpointId);
            }
            document.insert(QStringLiteral("HostComputeEndpoints"), backends);
        }

        Guid id;
        if (const QString idText = document.value(QLatin1String("ID")).toString(); !idText.isEmpty()) {
            const auto parsed = Guid::parse(idText.toStdString());
            if (!parsed)
                return fail(
                    error, label,
                    Status(hr::GuidConversionFailure, "\"ID\" is not a GUID: " + idText.toStdString()));
            id = *parsed;
        }
        const QByteArray settings = QJsonDocument(document).toJson(QJsonDocument::Compact);
        auto handle = m_api.create(
            kind, id, std::string_view(settings.constData(), std::size_t(settings.size())), network);
        if (!handle.ok())
            return fail(error, label, handle.status());
        m_handles.emplace_back(kind, *handle);
        auto createdId = m_api.handleId(kind, *handle);
        if (!createdId.ok())
            return fail(error, label, createdId.status());
        m_created.push_back({kind, *createdId});
        const QString idText = QString::fromStdString(createdId->toString());
        if (const QString name = document.value(QLatin1String("Name")).toString(); !name.isEmpty())
            m_names[static_cast<int>(kind)].insert(name, idText);
        if (kind == ResourceKind::Network)
            m_networkHandles.insert(idText, *handle);
        if (kind == ResourceKind::Namespace)
            m_namespaceHandles.insert(idText, *handle);
    }
    return true;
}

bool ScenarioRun::attachAll(const QJsonArray& entries, ScenarioError& error)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString label = QStringLiteral("Attach[%1]").arg(i);
        const QJsonObject entry = entries[i].toObject();
        const QString nsReference = entry.value(QLatin1String("Namespace")).toString();
        const QString endpointReference = entry.value(QLatin1String("Endpoint")).toString();
        if (nsReference.isEmpty() || endpointReference.isEmpty())
            return failInput(error, label, tr("needs \"Namespace\" and \"Endpoint\" (IDs or Names)"));
        const auto nsId = resolve(ResourceKind::Namespace, nsReference);
        if (!nsId)
            return failInput(error, label,
                             tr("\"Namespace\" names no namespace of this scenario: %1").arg(nsReference));
        const auto endpointId = resolve(ResourceKind::Endpoint, endpointReference);
        if (!endpointId)
            return failInput(
                error, label,
                tr("\"Endpoint\" names no endpoint of this scenario: %1").arg(endpointReference));
        const Guid nsGuid = *Guid::parse(nsId->toStdString());
        Handle ns = m_namespaceHandles.value(*nsId);
        if (ns == 0) {
            auto opened = m_api.open(ResourceKind::Namespace, nsGuid);
            if (!opened.ok())
                return fail(error, label, opened.status());
            ns = *opened;
            m_handles.emplace_back(ResourceKind::Namespace, ns);
            m_namespaceHandles.insert(*nsId, ns);
        }
        const QJsonObject request{{"ResourceType", "Endpoint"},
                                  {"RequestType", "Add"},
                                  {"Settings", QJsonObject{{"EndpointId", *endpointId}}}};
        const QByteArray text = QJsonDocument(request).toJson(QJsonDocument::Compact);
        if (Status s = m_api.modify(ResourceKind::Namespace, ns,
                                    std::string_view(text.constData(), std::size_t(text.size())));
            !s.ok())
            return fail(error, QStringLiteral("%1 (%2 -> %3)").arg(label, endpointReference, nsReference), s);
        m_attached.push_back({nsGuid, *endpointId});
    }
    return true;
}

void ScenarioRun::rollback()
{
    // Attachments to namespaces this scenario did not create are undone explicitly; deleting the
    // scenario's own namespaces detaches their endpoints.
    for (auto it = m_attached.rbegin(); it != m_attached.rend(); ++it) {
        const bool ownNamespace = std::any_of(m_created.begin(), m_created.end(), [&](const Created& c) {
            return c.kind == ResourceKind::Namespace && c.id == it->ns;
        });
        if (ownNamespace)
            continue;
        const Handle ns = m_namespaceHandles.value(QString::fromStdString(it->ns.toString()));
        const QJsonObject request{{"ResourceType", "Endpoint"},
                                  {"RequestType", "Remove"},
                                  {"Settings", QJsonObject{{"EndpointId", it->endpointId}}}};
        const QByteArray text = QJsonDocument(request).toJson(QJsonDocument::Compact);
        if (Status s = m_api.modify(ResourceKind::Namespace, ns,
                                    std::string_view(text.constData(), std::size_t(text.size())));
            !s.ok())
            qCWarning(lcScenario) << "rollback: detach failed:" << QString::fromStdString(s.message());
    }
    for (auto it = m_created.rbegin(); it != m_created.rend(); ++it)
        if (Status s = m_api.remove(it->kind, it->id); !s.ok())
            qCWarning(lcScenario) << "rollback: delete of" << QString::fromStdString(it->id.toString())
                                  << "failed:" << QString::fromStdString(s.message());
    m_created.clear();
    m_attached.clear();
}

} // namespace

QString ScenarioError::text() const
{
    return QStringLiteral("%1: %2: %3").arg(entry, QString::fromStdString(hresultLabel(code)), message);
}

ScenarioLoader::ScenarioLoader(Api& api) : m_api(api) {}

bool ScenarioLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) / E_FAIL: what a Windows tool would report.
        const HResult code = file.exists() ? hr::Fail : hr::FileNotFound;
        m_error = {path, code, file.errorString()};
        return false;
    }
    const bool ok = load(file.readAll());
    if (!ok && m_error.entry.isEmpty())
        m_error.entry = path;
    return ok;
}

bool ScenarioLoader::load(const QByteArray& json)
{
    m_error = {};
    m_description.clear();
    m_createdCount = 0;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        m_error = {QString(), hr::InvalidJson,
                   tr("line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString())};
        return false;
    }
    if (!document.isObject()) {
        m_error = {
            QString(), hr::InvalidJson,
            tr("a scenario is a JSON object with the sections %1").arg(kSections.join(QLatin1String(", ")))};
        return false;
    }
    const QJsonObject scenario = withoutListedNamespaces(document.object());
    for (auto it = scenario.begin(); it != scenario.end(); ++it) {
        if (!kSections.contains(it.key()) && !kSnapshotHeader.contains(it.key())) {
            m_error = {it.key(), hr::InvalidArg,
                       tr("unknown section; a scenario has %1").arg(kSections.join(QLatin1String(", ")))};
            return false;
        }
    }
    if (const QJsonValue attach = scenario.value(QLatin1String("Attach"));
        !attach.isUndefined() && !attach.isArray()) {
        m_error = {QStringLiteral("Attach"), hr::InvalidArg,
                   tr("must be an array of {\"Namespace\", \"Endpoint\"}")};
        return false;
    }
    m_description = scenario.value(QLatin1String("Description")).toString();

    ScenarioRun run(m_api);
    if (!run.run(scenario, m_error)) {
        qCInfo(lcScenario) << "scenario failed, taking back" << run.created() << "objects:" << m_error.text();
        run.rollback();
        return false;
    }
    m_createdCount = run.created();
    return true;
}

} // namespace hcn::ui
