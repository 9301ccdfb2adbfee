#pragma once

#include "settingvalue.h"

#include <QByteArray>
#include <QStringList>
#include <QVariantMap>

/// Every setting the desktop UI keeps, with its key. Passwords are never among them: they
/// live in the system keychain (CredentialStore) or in memory only.
namespace UiSettings {

inline const SettingValue<QByteArray> mainWindowGeometry{"MainWindow/geometry"};
inline const SettingValue<QByteArray> mainWindowState{"MainWindow/state"};
inline const SettingValue<QByteArray> mainSplitter{"MainWindow/splitter"};
inline const SettingValue<QByteArray> recentTasksHeader{"MainWindow/recentTasksHeader"};
inline const SettingValue<QByteArray> historyHeader{"MainWindow/historyHeader"};
inline const SettingValue<QByteArray> descriptionsHeader{"MainWindow/descriptionsHeader"};
inline const SettingValue<int> currentTab{"MainWindow/currentTab", 0};
inline const SettingValue<bool> notifyFailures{"Notifications/taskFailed", true};

inline const SettingValue<QByteArray> connectDialogGeometry{"ConnectDialog/geometry"};
inline const SettingValue<QByteArray> settingsDialogGeometry{"SettingsDialog/geometry"};
inline const SettingValue<QStringList> recentServers{"Connection/recentServers"};
inline const SettingValue<QString> lastUser{"Connection/lastUser"};
inline const SettingValue<QString> apiRelease{"Connection/apiRelease"};
inline const SettingValue<QString> sessionLocale{"Connection/locale"};
inline const SettingValue<bool> rememberPassword{"Connection/rememberPassword", false};
/// Pinned certificates, one group per host:port (TrustStore says what each holds).
inline const QString pinnedCertificatesGroup = QStringLiteral("PinnedCertificates");
/// Where versions before the readable groups kept pins: a binary map host:port → hex
/// SHA-256. TrustStore moves it on the first read.
inline const SettingValue<QVariantMap> legacyPinnedCertificates{"Security/pinnedCertificates"};

inline const SettingValue<QByteArray> createTaskDialogGeometry{"CreateTaskDialog/geometry"};
inline const SettingValue<QByteArray> createCollectorDialogGeometry{
    "CreateCollectorDialog/geometry"};
inline const SettingValue<QByteArray> createCollectorDialogSplitter{
    "CreateCollectorDialog/splitter"};
inline const SettingValue<int> historyPageSize{"History/pageSize", 50};
inline const SettingValue<QString> lastExportDirectory{"Export/lastDirectory"};

} // namespace UiSettings
