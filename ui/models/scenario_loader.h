#pragma once
// ScenarioLoader: applies a scenario file (docs/scenarios.md) to a host through the public hcn::Api,
// exactly as a client would: networks, endpoints, namespaces, attachments, load balancers, in that
// order. A failed load removes what it created (and undoes its attachments), so the host is left as it
// was; the error names the entry that failed and the engine's HRESULT.

#include "hcn/hresult.h"

#include <QByteArray>
#include <QString>

namespace hcn {
class Api;
}

namespace hcn::ui {

struct ScenarioError
{
    /// Which entry failed: "Endpoints[2] (web)", or the file / section for a malformed scenario.
    QString entry;
    HResult code = hr::Ok;
    /// The engine's (or the parser's) message.
    QString message;

    bool isError() const { return failed(code); }
    /// "Endpoints[2] (web): HCN_E_INVALID_IP (0x803B001E): The IP address ..."
    QString text() const;
};

class ScenarioLoader
{
public:
    explicit ScenarioLoader(Api& api);

    /// Applies a scenario document. False on failure; error() says why.
    bool load(const QByteArray& json);
    /// Reads and applies a file (also ":/scenarios/..." resources).
    bool loadFile(const QString& path);

    const ScenarioError& error() const { return m_error; }
    /// The scenario's "Description" (after a successful parse).
    const QString& description() const { return m_description; }
    /// How many objects the last successful load created.
    int createdCount() const { return m_createdCount; }

private:
    Api& m_api;
    ScenarioError m_error;
    QString m_description;
    int m_createdCount = 0;
};

} // namespace hcn::ui
