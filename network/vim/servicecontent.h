#pragma once

#include "moref.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace vim {

struct AboutInfo
{
    QString name;
    QString fullName;
    QString vendor;
    QString version;
    std::optional<QString> patchLevel;
    QString build;
    std::optional<QString> localeVersion;
    std::optional<QString> localeBuild;
    QString osType;
    QString productLineId;
    QString apiType;
    QString apiVersion;
    std::optional<QString> instanceUuid;
    std::optional<QString> licenseProductName;
    std::optional<QString> licenseProductVersion;

    bool isVCenter() const { return apiType == QLatin1String("VirtualCenter"); }
    bool operator==(const AboutInfo &) const = default;
};

/// The root object of the API (§2.1, §5.8); only the parts a task monitor uses.
struct ServiceContent
{
    ManagedObjectReference rootFolder;
    ManagedObjectReference propertyCollector;
    std::optional<ManagedObjectReference> viewManager;
    AboutInfo about;
    std::optional<ManagedObjectReference> setting;
    std::optional<ManagedObjectReference> userDirectory;
    std::optional<ManagedObjectReference> sessionManager;
    std::optional<ManagedObjectReference> authorizationManager;
    std::optional<ManagedObjectReference> scheduledTaskManager;
    std::optional<ManagedObjectReference> alarmManager;
    std::optional<ManagedObjectReference> eventManager;
    std::optional<ManagedObjectReference> taskManager;
    std::optional<ManagedObjectReference> extensionManager;
    std::optional<ManagedObjectReference> searchIndex;
    bool operator==(const ServiceContent &) const = default;
};

struct UserSession
{
    QString key;
    QString userName;
    QString fullName;
    QDateTime loginTime;
    QDateTime lastActiveTime;
    QString locale;
    QString messageLocale;
    bool extensionSession = false;
    // Required on the wire (§5.8, the decoder enforces it); optional here only because
    // the API declared them so first.
    std::optional<QString> ipAddress;
    std::optional<QString> userAgent;
    qint64 callCount = 0;
    bool operator==(const UserSession &) const = default;
};

} // namespace vim
