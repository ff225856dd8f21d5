#pragma once
// Every setting the console shell keeps (QSettings, organisation "HCN Console", application
// "hcn-console"), declared once with its type and default.

#include "widgets/settings_entry.h"

#include <QByteArray>
#include <QString>

namespace hcn::ui::settings {

/// QMainWindow::saveGeometry / saveState of the main window.
const SettingsEntry<QByteArray>& windowGeometry();
const SettingsEntry<QByteArray>& windowState();
/// Where the last scenario was opened from and the last export was written to.
const SettingsEntry<QString>& lastScenarioDirectory();
const SettingsEntry<QString>& lastExportDirectory();
/// The connect dialog's last choices.
const SettingsEntry<QString>& lastSocketPath();
const SettingsEntry<QString>& lastRemoteAddress();
const SettingsEntry<QString>& lastCaFile();
const SettingsEntry<bool>& lastConnectWasRemote();

} // namespace hcn::ui::settings
