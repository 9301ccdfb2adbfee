#pragma once

#include "reply.h"

#include <vim/moref.h>
#include <vim/propertycollectortypes.h>

#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace sim {

class HttpExchange;
class ObjectModel;
class Session;

/// One session's PropertyCollector (§7): its filters, the versions it handed out, and
/// at most one pending WaitForUpdatesEx. Updates are computed by diffing what each
/// filter selects now against what the client was last told at a version.
class PropertyCollector final
{
public:
    struct Filter
    {
        QString moId;
        vim::PropertyFilterSpec spec;
        bool partialUpdates = false;
    };

    PropertyCollector(QString moId, Session *session, ObjectModel *model);
    ~PropertyCollector();

    const QString &moId() const { return m_moId; }
    QString createFilter(const QString &moId, const vim::PropertyFilterSpec &spec,
                         bool partialUpdates);
    bool destroyFilter(const QString &moId);
    const Filter *filter(const QString &moId) const;
    QStringList filterIds() const;

    /// WaitForUpdatesEx: answers now, or keeps `exchange` and answers on a change,
    /// at the deadline (null) or on cancel.
    Reply waitForUpdates(const std::optional<QString> &version, const vim::WaitOptions &options,
                         const std::shared_ptr<HttpExchange> &exchange);
    /// CheckForUpdates: like a wait of 0 seconds; truncated versions are refused.
    Reply checkForUpdates(const std::optional<QString> &version);
    /// CancelWaitForUpdates: the pending call fails with RequestCanceled.
    void cancelWait();
    /// Ends a pending call with RequestCanceled (session end, collector destroyed).
    void abortWait();
    /// Ends a pending call by closing its connection (server restart).
    void dropWait();
    /// Re-evaluates the pending call after the model changed.
    void poll(qint64 generation);
    bool hasPendingWait() const { return m_pending != nullptr; }

private:
    using ObjectState = QHash<QString, QJsonValue>;
    struct FilterSnapshot
    {
        QHash<vim::ManagedObjectReference, ObjectState> objects;
        QSet<vim::ManagedObjectReference> missing;
    };
    using Snapshot = QHash<QString, FilterSnapshot>;
    struct Pending
    {
        std::shared_ptr<HttpExchange> exchange;
        Snapshot base;
        int maxObjectUpdates = 0;
        qint64 generation = -1;
        /// Deleted later: the pending call may end inside the timer's own timeout signal.
        QTimer *deadline = nullptr;
        ~Pending()
        {
            if (deadline) {
                deadline->stop();
                deadline->deleteLater();
            }
        }
    };

    /// The base snapshot for a client version; faults with InvalidCollectorVersion.
    Snapshot baseFor(const std::optional<QString> &version, bool allowTruncated);
    /// Diffs every filter against `base`; nullopt when there is nothing to report.
    std::optional<vim::UpdateSet> computeUpdates(const Snapshot &base, int maxObjectUpdates);
    void addChanges(vim::ObjectUpdate &update, const Filter &filter, const QString &path,
                    const QJsonValue &before, const QJsonValue &after,
                    const QString &boxType) const;
    void finishPending(const Reply &reply);

    QString m_moId;
    Session *m_session;
    ObjectModel *m_model;
    std::map<QString, Filter> m_filters;
    QStringList m_filterOrder;
    std::map<qint64, Snapshot> m_versions;
    QSet<qint64> m_truncatedVersions;
    qint64 m_nextVersion = 1;
    std::unique_ptr<Pending> m_pending;
};

} // namespace sim
