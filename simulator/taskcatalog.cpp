#include "taskcatalog.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace sim {

namespace {

struct Row
{
    const char *id;
    const char *method;
    const char *entity;
    bool cancelable;
    bool progress;
    int weight;
    const char *en;
    const char *de;
    const char *fr;
};

// descriptionIds and WSDL method names as vCenter reports them in TaskInfo.
const Row kRows[] = {
    {"VirtualMachine.powerOn", "PowerOnVM_Task", "VirtualMachine", true, true, 12,
     "Power On virtual machine", "Virtuelle Maschine einschalten",
     "Mettre la machine virtuelle sous tension"},
    {"VirtualMachine.powerOff", "PowerOffVM_Task", "VirtualMachine", false, true, 10,
     "Power Off virtual machine", "Virtuelle Maschine ausschalten",
     "Mettre la machine virtuelle hors tension"},
    {"VirtualMachine.suspend", "SuspendVM_Task", "VirtualMachine", false, true, 3,
     "Suspend virtual machine", "Virtuelle Maschine anhalten", "Interrompre la machine virtuelle"},
    {"VirtualMachine.reset", "ResetVM_Task", "VirtualMachine", false, true, 3,
     "Reset virtual machine", "Virtuelle Maschine zurücksetzen",
     "Réinitialiser la machine virtuelle"},
    {"VirtualMachine.shutdownGuest", "ShutdownGuest", "VirtualMachine", false, false, 5,
     "Initiate guest OS shutdown", "Herunterfahren des Gastbetriebssystems einleiten",
     "Lancer l'arrêt du système d'exploitation invité"},
    {"VirtualMachine.rebootGuest", "RebootGuest", "VirtualMachine", false, false, 4,
     "Initiate guest OS reboot", "Neustart des Gastbetriebssystems einleiten",
     "Lancer le redémarrage du système d'exploitation invité"},
    {"VirtualMachine.clone", "CloneVM_Task", "VirtualMachine", true, true, 6,
     "Clone virtual machine", "Virtuelle Maschine klonen", "Cloner la machine virtuelle"},
    {"VirtualMachine.instantClone", "InstantClone_Task", "VirtualMachine", false, true, 2,
     "Instant Clone virtual machine", "Virtuelle Maschine sofort klonen",
     "Clonage instantané de la machine virtuelle"},
    {"VirtualMachine.migrate", "MigrateVM_Task", "VirtualMachine", true, true, 8,
     "Migrate virtual machine", "Virtuelle Maschine migrieren", "Migrer la machine virtuelle"},
    {"VirtualMachine.relocate", "RelocateVM_Task", "VirtualMachine", true, true, 5,
     "Relocate virtual machine", "Virtuelle Maschine verlagern", "Déplacer la machine virtuelle"},
    {"VirtualMachine.reconfigure", "ReconfigVM_Task", "VirtualMachine", false, true, 9,
     "Reconfigure virtual machine", "Virtuelle Maschine neu konfigurieren",
     "Reconfigurer la machine virtuelle"},
    {"VirtualMachine.createSnapshot", "CreateSnapshot_Task", "VirtualMachine", true, true, 7,
     "Create virtual machine snapshot", "Snapshot der virtuellen Maschine erstellen",
     "Créer un snapshot de la machine virtuelle"},
    {"VirtualMachine.removeAllSnapshots", "RemoveAllSnapshots_Task", "VirtualMachine", false, true,
     3, "Remove all snapshots", "Alle Snapshots entfernen", "Supprimer tous les snapshots"},
    {"VirtualMachine.revertToCurrentSnapshot", "RevertToCurrentSnapshot_Task", "VirtualMachine",
     false, true, 2, "Revert to current snapshot", "Auf aktuellen Snapshot zurücksetzen",
     "Rétablir le snapshot actuel"},
    {"VirtualMachine.consolidateDisks", "ConsolidateVMDisks_Task", "VirtualMachine", false, true, 2,
     "Consolidate virtual machine disk files",
     "Festplattendateien der virtuellen Maschine konsolidieren",
     "Consolider les fichiers de disque de la machine virtuelle"},
    {"VirtualMachine.upgradeVirtualHardware", "UpgradeVM_Task", "VirtualMachine", false, true, 1,
     "Upgrade VM compatibility", "VM-Kompatibilität aktualisieren",
     "Mettre à niveau la compatibilité de la VM"},
    {"VirtualMachine.upgradeTools", "UpgradeTools_Task", "VirtualMachine", true, true, 3,
     "Upgrade VMware Tools", "VMware Tools aktualisieren", "Mettre à niveau VMware Tools"},
    {"VirtualMachine.customize", "CustomizeVM_Task", "VirtualMachine", false, true, 2,
     "Customize virtual machine guest OS", "Gastbetriebssystem der virtuellen Maschine anpassen",
     "Personnaliser le système d'exploitation invité"},
    {"VirtualMachine.destroy", "Destroy_Task", "VirtualMachine", false, true, 2,
     "Delete virtual machine", "Virtuelle Maschine löschen", "Supprimer la machine virtuelle"},
    {"VirtualMachine.unregister", "UnregisterVM", "VirtualMachine", false, false, 1,
     "Unregister virtual machine", "Registrierung der virtuellen Maschine aufheben",
     "Annuler l'enregistrement de la machine virtuelle"},
    {"VirtualMachine.rename", "Rename_Task", "VirtualMachine", false, false, 2,
     "Rename virtual machine", "Virtuelle Maschine umbenennen", "Renommer la machine virtuelle"},
    {"VirtualMachine.promoteDisks", "PromoteDisks_Task", "VirtualMachine", false, true, 1,
     "Promote disks", "Festplatten hochstufen", "Promouvoir les disques"},
    {"Folder.createVm", "CreateVM_Task", "Folder", true, true, 4, "Create virtual machine",
     "Virtuelle Maschine erstellen", "Créer une machine virtuelle"},
    {"Folder.registerVm", "RegisterVM_Task", "Folder", false, true, 2, "Register virtual machine",
     "Virtuelle Maschine registrieren", "Enregistrer la machine virtuelle"},
    {"Folder.createFolder", "CreateFolder", "Folder", false, false, 1, "Create folder",
     "Ordner erstellen", "Créer un dossier"},
    {"Folder.moveInto", "MoveIntoFolder_Task", "Folder", false, true, 2, "Move entities",
     "Objekte verschieben", "Déplacer des entités"},
    {"Folder.createClusterEx", "CreateClusterEx", "Folder", false, false, 1, "Create cluster",
     "Cluster erstellen", "Créer un cluster"},
    {"Folder.addStandaloneHost", "AddStandaloneHost_Task", "Folder", true, true, 1,
     "Add standalone host", "Eigenständigen Host hinzufügen", "Ajouter un hôte autonome"},
    {"Datacenter.powerOnVm", "PowerOnMultiVM_Task", "Datacenter", false, true, 2,
     "Initialize powering On", "Einschalten initialisieren", "Initialiser la mise sous tension"},
    {"HostSystem.enterMaintenanceMode", "EnterMaintenanceMode_Task", "HostSystem", true, true, 3,
     "Enter maintenance mode", "In den Wartungsmodus wechseln", "Entrer en mode maintenance"},
    {"HostSystem.exitMaintenanceMode", "ExitMaintenanceMode_Task", "HostSystem", true, true, 3,
     "Exit maintenance mode", "Wartungsmodus beenden", "Quitter le mode maintenance"},
    {"HostSystem.reconnect", "ReconnectHost_Task", "HostSystem", false, true, 2, "Reconnect host",
     "Verbindung zum Host wiederherstellen", "Reconnecter l'hôte"},
    {"HostSystem.disconnect", "DisconnectHost_Task", "HostSystem", false, true, 1,
     "Disconnect host", "Verbindung zum Host trennen", "Déconnecter l'hôte"},
    {"HostSystem.reboot", "RebootHost_Task", "HostSystem", false, true, 1, "Reboot host",
     "Host neu starten", "Redémarrer l'hôte"},
    {"HostSystem.shutdown", "ShutdownHost_Task", "HostSystem", false, true, 1, "Shut down host",
     "Host herunterfahren", "Arrêter l'hôte"},
    {"HostSystem.enterStandbyMode", "PowerDownHostToStandBy_Task", "HostSystem", true, true, 1,
     "Enter standby mode", "In den Standby-Modus wechseln", "Entrer en mode veille"},
    {"HostSystem.exitStandbyMode", "PowerUpHostFromStandBy_Task", "HostSystem", true, true, 1,
     "Exit standby mode", "Standby-Modus beenden", "Quitter le mode veille"},
    {"HostStorageSystem.rescanAllHba", "RescanAllHba", "HostSystem", false, false, 3,
     "Rescan all HBAs", "Alle HBAs erneut prüfen", "Réanalyser tous les HBA"},
    {"HostDatastoreSystem.createVmfsDatastore", "CreateVmfsDatastore", "HostSystem", false, true, 1,
     "Create VMFS datastore", "VMFS-Datenspeicher erstellen", "Créer une banque de données VMFS"},
    {"Datastore.refresh", "RefreshDatastore", "Datastore", false, false, 4, "Refresh datastore",
     "Datenspeicher aktualisieren", "Actualiser la banque de données"},
    {"Datastore.refreshStorageInfo", "RefreshDatastoreStorageInfo", "Datastore", false, false, 3,
     "Refresh datastore storage info", "Speicherinformationen des Datenspeichers aktualisieren",
     "Actualiser les informations de stockage de la banque de données"},
    {"Datastore.enterMaintenanceMode", "DatastoreEnterMaintenanceMode", "Datastore", true, true, 1,
     "Enter SDRS maintenance mode", "In den SDRS-Wartungsmodus wechseln",
     "Entrer en mode maintenance SDRS"},
    {"Datastore.exitMaintenanceMode", "DatastoreExitMaintenanceMode_Task", "Datastore", false, true,
     1, "Exit SDRS maintenance mode", "SDRS-Wartungsmodus beenden",
     "Quitter le mode maintenance SDRS"},
    {"ClusterComputeResource.reconfigureEx", "ReconfigureComputeResource_Task",
     "ClusterComputeResource", false, true, 2, "Reconfigure cluster", "Cluster neu konfigurieren",
     "Reconfigurer le cluster"},
    {"ClusterComputeResource.addHost", "AddHost_Task", "ClusterComputeResource", true, true, 1,
     "Add host", "Host hinzufügen", "Ajouter un hôte"},
    {"ClusterComputeResource.moveInto", "MoveInto_Task", "ClusterComputeResource", false, true, 1,
     "Move host into cluster", "Host in Cluster verschieben", "Déplacer l'hôte dans le cluster"},
    {"ClusterComputeResource.applyRecommendation", "ApplyRecommendation", "ClusterComputeResource",
     false, false, 2, "Apply DRS recommendation", "DRS-Empfehlung anwenden",
     "Appliquer la recommandation DRS"},
    {"Drm.ExecuteVMotionLRO", "", "VirtualMachine", false, true, 3, "Migrate virtual machine (DRS)",
     "Virtuelle Maschine migrieren (DRS)", "Migrer la machine virtuelle (DRS)"},
    {"ResourcePool.ImportAppliance", "ImportVApp", "ClusterComputeResource", true, true, 1,
     "Deploy OVF template", "OVF-Vorlage bereitstellen", "Déployer le modèle OVF"},
};

struct ExtensionRow
{
    const char *key;
    const char *company;
    const char *version;
    const char *label[TaskCatalog::LanguageCount];
    struct Task
    {
        const char *id;
        const char *entity;
        const char *label[TaskCatalog::LanguageCount];
    } tasks[3];
};

const ExtensionRow kExtensions[] = {
    {"com.vmware.vcIntegrity",
     "VMware, Inc.",
     "8.0.3.24022515",
     {"VMware vSphere Lifecycle Manager", "VMware vSphere Lifecycle Manager",
      "VMware vSphere Lifecycle Manager"},
     {{"com.vmware.vcIntegrity.ScanEntityTask",
       "HostSystem",
       {"Check compliance", "Übereinstimmung prüfen", "Vérifier la conformité"}},
      {"com.vmware.vcIntegrity.RemediateTask",
       "ClusterComputeResource",
       {"Remediate cluster", "Cluster standardisieren", "Corriger le cluster"}},
      {"com.vmware.vcIntegrity.StageTask",
       "HostSystem",
       {"Stage patches", "Patches bereitstellen", "Transférer les correctifs"}}}},
    {"com.example.backup",
     "Example Backup GmbH",
     "2.4.1",
     {"Example Backup", "Example Backup", "Example Backup"},
     {{"com.example.backup.run",
       "VirtualMachine",
       {"Back up virtual machine", "Virtuelle Maschine sichern",
        "Sauvegarder la machine virtuelle"}},
      {"com.example.backup.restore",
       "VirtualMachine",
       {"Restore virtual machine", "Virtuelle Maschine wiederherstellen",
        "Restaurer la machine virtuelle"}},
      {"com.example.backup.verify",
       "Datastore",
       {"Verify backup repository", "Sicherungsspeicher überprüfen",
        "Vérifier le référentiel de sauvegarde"}}}},
    {"com.vmware.vsan.health",
     "VMware, Inc.",
     "8.0.3",
     {"vSAN Health Service", "vSAN-Integritätsdienst", "Service de santé vSAN"},
     {{"com.vmware.vsan.health.tasks.runhealthcheck",
       "ClusterComputeResource",
       {"Run vSAN health check", "vSAN-Integritätsprüfung ausführen",
        "Exécuter le contrôle de santé vSAN"}},
      {nullptr, nullptr, {nullptr, nullptr, nullptr}},
      {nullptr, nullptr, {nullptr, nullptr, nullptr}}}},
};

const char *const kLocaleIds[] = {"en", "de", "fr"};

QString summaryFor(TaskCatalog::Language language, const QString &label)
{
    switch (language) {
    case TaskCatalog::German:
        return QStringLiteral("Vorgang: ") + label;
    case TaskCatalog::French:
        return QStringLiteral("Opération : ") + label;
    default:
        return QStringLiteral("Operation: ") + label;
    }
}

struct Labeled
{
    const char *key;
    const char *label[TaskCatalog::LanguageCount];
    const char *summary[TaskCatalog::LanguageCount];
};

// State and reason labels: the English ones are vCenter's (§5.5).
const Labeled kStates[] = {
    {"queued",
     {"Queued", "In Warteschlange", "En file d'attente"},
     {"Task is queued", "Aufgabe ist in der Warteschlange", "La tâche est en file d'attente"}},
    {"running",
     {"Running", "Wird ausgeführt", "En cours"},
     {"Task is in progress", "Aufgabe wird ausgeführt", "La tâche est en cours"}},
    {"success",
     {"Success", "Erfolgreich", "Réussite"},
     {"Task completed successfully", "Aufgabe erfolgreich abgeschlossen",
      "La tâche s'est terminée avec succès"}},
    {"error",
     {"Error", "Fehler", "Erreur"},
     {"Task completed with a failure", "Aufgabe mit einem Fehler abgeschlossen",
      "La tâche s'est terminée par un échec"}},
};

const Labeled kReasons[] = {
    {"TaskReasonSchedule",
     {"Scheduled task", "Geplante Aufgabe", "Tâche planifiée"},
     {"Task started by a scheduled task", "Von einer geplanten Aufgabe gestartet",
      "Tâche démarrée par une tâche planifiée"}},
    {"TaskReasonUser",
     {"User task", "Benutzeraufgabe", "Tâche utilisateur"},
     {"Task started by a specific user", "Von einem bestimmten Benutzer gestartet",
      "Tâche démarrée par un utilisateur donné"}},
    {"TaskReasonSystem",
     {"System task", "Systemaufgabe", "Tâche système"},
     {"Task started by the server", "Vom Server gestartet", "Tâche démarrée par le serveur"}},
    {"TaskReasonAlarm",
     {"Alarm task", "Alarmaufgabe", "Tâche d'alarme"},
     {"Task started by an alarm", "Von einem Alarm gestartet", "Tâche démarrée par une alarme"}},
};

} // namespace

TaskCatalog::TaskCatalog()
{
    for (const Row &r : kRows) {
        TaskType t;
        t.descriptionId = QString::fromUtf8(r.id);
        t.methodName = QString::fromUtf8(r.method);
        t.entityType = QString::fromUtf8(r.entity);
        t.cancelable = r.cancelable;
        t.reportsProgress = r.progress;
        t.weight = r.weight;
        t.resultIsVm = t.methodName == QLatin1String("CreateVM_Task") ||
                       t.methodName == QLatin1String("CloneVM_Task") ||
                       t.methodName == QLatin1String("InstantClone_Task");
        t.label[English] = QString::fromUtf8(r.en);
        t.label[German] = QString::fromUtf8(r.de);
        t.label[French] = QString::fromUtf8(r.fr);
        m_types.append(t);
    }
    addExtensions();
}

void TaskCatalog::addExtensions()
{
    const QDateTime heartbeat(QDate(2024, 5, 1), QTime(8, 0), QTimeZone::utc());
    for (const ExtensionRow &row : kExtensions) {
        vim::Extension e;
        e.key = QString::fromUtf8(row.key);
        e.company = QString::fromUtf8(row.company);
        e.version = QString::fromUtf8(row.version);
        e.description.label = QString::fromUtf8(row.label[English]);
        e.description.summary = e.description.label;
        e.lastHeartbeatTime = heartbeat;
        vim::ExtensionResourceInfo resources[LanguageCount];
        for (int l = 0; l < LanguageCount; ++l) {
            resources[l].locale = QLatin1String(kLocaleIds[l]);
            resources[l].module = QStringLiteral("task");
        }
        for (const auto &task : row.tasks) {
            if (!task.id)
                continue;
            TaskType t;
            t.descriptionId = QString::fromUtf8(task.id);
            t.entityType = QString::fromUtf8(task.entity);
            t.cancelable = true;
            t.weight = 0;
            t.extensionKey = e.key;
            e.taskList.append({t.descriptionId});
            for (int l = 0; l < LanguageCount; ++l) {
                t.label[l] = QString::fromUtf8(task.label[l]);
                resources[l].data.append({t.descriptionId + QStringLiteral(".label"), t.label[l]});
                resources[l].data.append({t.descriptionId + QStringLiteral(".summary"),
                                          summaryFor(Language(l), t.label[l])});
            }
            m_types.append(t);
        }
        for (const auto &r : resources)
            e.resourceList.append(r);
        m_extensions.append(e);
    }
}

const TaskCatalog::TaskType *TaskCatalog::find(const QString &descriptionId) const
{
    for (const TaskType &t : m_types) {
        if (t.descriptionId == descriptionId)
            return &t;
    }
    return nullptr;
}

bool TaskCatalog::isExtensionTaskType(const QString &descriptionId) const
{
    const TaskType *t = find(descriptionId);
    return t && !t->extensionKey.isEmpty();
}

vim::TaskDescription TaskCatalog::description(Language language) const
{
    vim::TaskDescription d;
    for (const TaskType &t : m_types)
        d.methodInfo.append(
            {t.label[language], summaryFor(language, t.label[language]), t.descriptionId});
    for (const Labeled &s : kStates) {
        d.state.append({QString::fromUtf8(s.label[language]),
                        QString::fromUtf8(s.summary[language]), QLatin1String(s.key)});
    }
    for (const Labeled &r : kReasons) {
        d.reason.append({QString::fromUtf8(r.label[language]),
                         QString::fromUtf8(r.summary[language]), QLatin1String(r.key)});
    }
    return d;
}

TaskCatalog::Language TaskCatalog::languageFor(const QString &locale)
{
    const QString lang =
        locale.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
    if (lang == QLatin1String("de"))
        return German;
    if (lang == QLatin1String("fr"))
        return French;
    return English;
}

bool TaskCatalog::isValidLocale(const QString &locale)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$"));
    return re.match(locale).hasMatch();
}

} // namespace sim
