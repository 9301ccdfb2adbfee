#pragma once

#include "historycollector.h"
#include "objectview.h"
#include "propertycollector.h"
#include "taskcatalog.h"

#include <vim/propertycollectortypes.h>
#include <vim/servicecontent.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <map>
#include <memory>

namespace sim {

/// One logged-in session and the objects that live and die with it (§2.4): history
/// collectors, PropertyCollectors (with their filters), views and RetrieveProperties tokens.
class Session final
{
public:
    struct PendingRetrieve
    {
        QList<vim::ObjectContent> remaining;
        int pageSize = 0;
    };

    Session(QString key, QByteArray token);
    ~Session();

    QString key;
    QByteArray token;
    QString loginName;
    /// `VSPHERE.LOCAL\Administrator` form, as TaskReasonUser and UserSession show it.
    QString userName;
    QString fullName;
    QString locale;
    TaskCatalog::Language language = TaskCatalog::English;
    QString ipAddress;
    QString userAgent;
    QDateTime loginTime;
    QDateTime lastActiveTime;
    qint64 callCount = 0;
    /// The answer carrying the token never reached the client (VimHttpServer cut it off).
    bool tokenLost = false;

    std::map<QString, std::unique_ptr<HistoryCollector>> collectors;
    /// Includes this session's state of the default PropertyCollector.
    std::map<QString, std::unique_ptr<PropertyCollector>> propertyCollectors;
    std::map<QString, ObjectView> views;
    std::map<QString, PendingRetrieve> retrieveTokens;

    /// `session[<key>]<uuid>`, the form vCenter uses for session-scoped objects.
    QString newObjectId() const;
    /// The type of a session-scoped object, or empty.
    QString typeOf(const QString &moId) const;
    /// The PropertyCollector holding `filterId`, or null.
    PropertyCollector *collectorOfFilter(const QString &filterId) const;
    int filterCount() const;

    vim::UserSession userSession() const;
};

} // namespace sim
