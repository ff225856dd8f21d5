#include "console_settings.h"

namespace hcn::ui::settings {

// Function-local statics: constructed on first use, after QCoreApplication set the names.
const SettingsEntry<QByteArray>& windowGeometry()
{
    static const SettingsEntry<QByteArray> entry(QStringLiteral("mainWindow/geometry"), {});
    return entry;
}

const SettingsEntry<QByteArray>& windowState()
{
    static const SettingsEntry<QByteArray> entry(QStringLiteral("mainWindow/state"), {});
    return entry;
}

const SettingsEntry<QString>& lastScenarioDirectory()
{
    static const SettingsEntry<QString> entry(QStringLiteral("files/lastScenarioDirectory"), {});
    return entry;
}

const SettingsEntry<QString>& lastExportDirectory()
{
    static const SettingsEntry<QString> entry(QStringLiteral("files/lastExportDirectory"), {});
    return entry;
}

const SettingsEntry<QString>& lastSocketPath()
{
    static const SettingsEntry<QString> entry(QStringLiteral("connect/socketPath"), {});
    return entry;
}

const SettingsEntry<QString>& lastRemoteAddress()
{
    static const SettingsEntry<QString> entry(QStringLiteral("connect/remoteAddress"), {});
    return entry;
}

const SettingsEntry<QString>& lastCaFile()
{
    static const SettingsEntry<QString> entry(QStringLiteral("connect/caFile"), {});
    return entry;
}

const SettingsEntry<bool>& lastConnectWasRemote()
{
    static const SettingsEntry<bool> entry(QStringLiteral("connect/remote"), false);
    return entry;
}

} // namespace hcn::ui::settings
