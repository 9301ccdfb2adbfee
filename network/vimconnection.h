#pragma once

#include "certificatepolicy.h"
#include "pending.h"
#include "vimerror.h"

#include <vim/codec.h>

#include <vim/moref.h>
#include <vim/servicecontent.h>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

/// What the user asked to connect to, and how.
struct ConnectOptions
{
    /// As typed: `vc.example.com`, `vc:8443`, `https://vc/sdk`, `http://127.0.0.1:8080`.
    QString server;
    QString userName;
    /// Held in memory only, for the transparent re-login; never logged or stored.
    QString password;
    /// Passed to Login, so TaskManager.description comes in this language (`en`, `de`).
    QString locale = QStringLiteral("en");
    /// Empty: negotiate (hello, then probing). Otherwise used as is, e.g. `8.0.1.0`.
    QString apiRelease;
    /// Plain http is only used when the server text says `http://` and this is true.
    bool allowHttp = false;
    /// Skip certificate verification entirely. Must be explicit; the UI shows it.
    bool insecure = false;
    /// Leaf certificate SHA-256 thumbprints (raw 32 bytes) trusted for this host even
    /// though verification fails: a certificate trusted once, or `--trust-sha256`.
    QList<QByteArray> trustedSha256;
    /// A certificate pinned for this host. A different leaf certificate is refused with
    /// FailureReason::CertificateChanged even if it would otherwise verify.
    QByteArray pinnedSha256;
    /// Per-request timeout. WaitForUpdatesEx callers keep maxWaitSeconds below it.
    int requestTimeoutMs = 60'000;
};

/// How VimConnection retries after losing the network while Connected.
struct ReconnectPolicy
{
    /// Delay before the first retry; doubled per attempt up to maxDelayMs.
    int initialDelayMs = 1'000;
    int maxDelayMs = 30'000;
    /// Attempts before giving up with FailureReason::Unreachable.
    int maxAttempts = 8;
};

/// One VI/JSON connection: base URL, release, TLS, session and the shared
/// QNetworkAccessManager. Its state() is the single source of truth for the UI.
///
///   Disconnected ──connectToServer──▶ Connecting ──ok──▶ Connected
///        ▲                              │ fail            │ network loss / session lost
///        │                              ▼                 ▼
///        └──────disconnectFromServer── Failed ◀──give up── Reconnecting ──ok──▶ Connected
///
/// Keeping the session (what callers can rely on):
/// - A call answered NotAuthenticated while Connected, with credentials held, is not
///   reported: the connection logs in again once (one Login for any number of such calls;
///   calls made meanwhile wait, unsent), stores the new session and userSession(), emits
///   sessionRenewed() and then resends each waiting call once. The state stays Connected.
///   If that Login fails, the waiting calls fail with their NotAuthenticated fault and the
///   state becomes Failed (InvalidLogin, NoPermission, ...) or Reconnecting (network).
/// - A call failing with Kind::Network, Kind::Timeout or Kind::Tls while Connected is
///   reported as is, and the session is checked (GET currentSession). Still valid: nothing
///   changes. Gone: re-login as above. Unreachable: state Reconnecting, retried after 1 s,
///   2 s, 4 s ... up to 30 s (ReconnectPolicy); each retry checks the session and logs in
///   again if needed. Back: stateChanged(Connected), then sessionRenewed() only if a new
///   session was made.
///   Give up after maxAttempts: Failed(Unreachable); a definitive answer (wrong password,
///   changed certificate) ends in Failed with that reason at once.
/// - Calls made while Reconnecting are sent and fail as usual; wait for Connected.
/// - Every call finishes exactly once, also on disconnectFromServer() and destruction
///   (Kind::Canceled).
class VimConnection final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        Failed
    };
    Q_ENUM(State)

    enum class FailureReason
    {
        None,
        InvalidServer,        ///< the server text cannot be turned into a URL
        Unreachable,          ///< DNS, refused, reset, timeout
        InvalidLogin,         ///< wrong user name or password
        NoPermission,         ///< valid user without access
        NotVSphere,           ///< answers, but not with the vSphere API
        NoCommonRelease,      ///< no API release both sides speak
        CertificateUntrusted, ///< verification failed; see peerChain()
        CertificateChanged,   ///< a pinned host presented another certificate
        ServerError,          ///< anything else the server answered
    };
    Q_ENUM(FailureReason)

    /// API releases this client knows, newest first.
    static QStringList knownReleases();
    /// Turns what a user typed into the `.../sdk` base URL, or an invalid QUrl.
    static QUrl baseUrlFor(const QString &server, bool allowHttp, QString *error = nullptr);
    /// Lower-case hex of SHA-256 over the DER certificate.
    static QString thumbprint(const QSslCertificate &certificate);

    explicit VimConnection(QObject *parent = nullptr);
    ~VimConnection() override;

    /// Starts connecting: release negotiation, ServiceContent, Login. Watch stateChanged.
    void connectToServer(const ConnectOptions &options);
    /// Logs out (best effort) and forgets the session and the credentials.
    void disconnectFromServer();
    /// Replaces the session with a fresh one: Logout (retried until the server confirms),
    /// then Login with the held credentials, then sessionRenewed(). For a client that lost
    /// track of objects it created (a create whose answer never came): logging out is the
    /// only way to be sure they are gone. Returns false without credentials.
    bool renewSession();

    State state() const { return m_state; }
    FailureReason failureReason() const { return m_failureReason; }
    /// A translated sentence for the last failure.
    QString failureMessage() const { return m_failureMessage; }
    /// The certificate chain the server presented when verification failed.
    QList<QSslCertificate> peerChain() const { return m_peerChain; }

    const ConnectOptions &options() const { return m_options; }
    QUrl baseUrl() const { return m_baseUrl; }
    QString apiRelease() const { return m_apiRelease; }
    const vim::ServiceContent &serviceContent() const { return m_content; }
    const vim::UserSession &userSession() const { return m_session; }
    bool hasSession() const { return !m_sessionId.isEmpty(); }
    /// While Reconnecting: when the next attempt starts (UTC); invalid otherwise.
    QDateTime nextAttemptAt() const;
    /// Requests sent and response bytes received, for the status bar and benchmarks.
    quint64 requestCount() const { return m_requestCount; }
    quint64 bytesReceived() const { return m_bytesReceived; }
    /// Largest response body accepted (default 64 MiB).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    /// Answer bytes all requests in flight may hold together (default 96 MiB): meant to cut
    /// off several oversized answers at once before they add up. Not yet effective: Qt's
    /// HTTP thread reads answers in before downloadProgress reaches the check (issue 12).
    void setMaxBytesInFlight(qint64 bytes) { m_maxBytesInFlight = bytes; }
    qint64 maxBytesInFlight() const { return m_maxBytesInFlight; }
    /// Response headers accepted per answer: their number and their total size (defaults 64
    /// and 64 KiB; vCenter sends about a dozen).
    void setHeaderLimits(int fields, qint64 bytes)
    {
        m_maxHeaderFields = fields;
        m_maxHeaderBytes = bytes;
    }
    /// Nesting depth and array length accepted in answers (maxBytes is maxResponseBytes()).
    void setParseLimits(const vim::ParseLimits &limits) { m_parseLimits = limits; }
    void setReconnectPolicy(const ReconnectPolicy &policy) { m_reconnectPolicy = policy; }

    /// `GET {base}/vim25/{release}/{type}/{moId}/{property}`.
    VimReply *get(const vim::ManagedObjectReference &object, const QString &property);
    /// `POST {base}/vim25/{release}/{type}/{moId}/{method}` with the named parameters as a
    /// JSON object. Parameterless methods send `{}` (with Content-Type application/json),
    /// which vCenter accepts (vi-json-protocol.md §1.3).
    VimReply *post(const vim::ManagedObjectReference &object, const QString &method,
                   const QJsonObject &params = {});

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

Q_SIGNALS:
    void stateChanged(VimConnection::State state);
    /// A new session replaced the old one (transparent re-login, reconnect after a server
    /// restart): every session-scoped object (collectors, filters, views) is gone. Emitted
    /// while Connected, with userSession() already the new one.
    void sessionRenewed();
    /// The Logout sent by disconnectFromServer() was answered (or failed); programs that
    /// are about to exit wait for it so that nothing of theirs lingers on the server.
    void logoutFinished();

private:
    void logoutDetached();
    void sendRenewLogout(int attempt);
    enum RequestFlag
    {
        NoFlags = 0,
        /// Part of connecting, re-login or reconnecting: no re-login, no queueing, sent in any
        /// state.
        Internal = 1,
        /// Survives aborts on disconnect (the best-effort Logout).
        Detached = 2,
    };
    enum class Verb
    {
        Get,
        Post
    };

    QUrl vimUrl(const QString &release, const vim::ManagedObjectReference &object,
                const QString &name) const;
    QUrl helloUrl() const;
    VimReply *send(Verb verb, const QUrl &url, const QByteArray &body, const QString &operation,
                   int flags);
    VimReply *sendVim(Verb verb, const vim::ManagedObjectReference &object, const QString &name,
                      const QJsonObject *params, int flags);
    void failLater(VimReply *reply, VimError error);
    void dispatch(VimReply *reply);
    void startNetwork(VimReply *reply);
    void watchNetwork(VimReply *reply, QNetworkReply *network);
    void checkSize(VimReply *reply, qint64 bytes);
    void checkInFlight(VimReply *reply, qint64 received);
    /// Why the headers of `network` are refused; empty when they are fine.
    QString headerProblem(const VimReply *reply, const QNetworkReply *network) const;
    void onNetworkFinished(VimReply *reply, QNetworkReply *network);
    VimError transportError(const VimReply *reply, QNetworkReply *network) const;
    void complete(VimReply *reply, QJsonValue value, VimError error, int status);
    void abortAll(bool includeDetached);
    vim::ParseLimits parseLimits() const;
    QString serverName() const;

    // Connecting: hello, probing, ServiceContent, Login.
    void sayHello();
    void probe(QStringList releases);
    void probeNext();
    void onProbeFinished(VimReply *reply, const QString &release);
    void login();
    VimReply *sendLogin();
    void failWith(FailureReason reason, const QString &message);
    void failWithError(const VimError &error);
    FailureReason reasonFor(const VimError &error) const;
    QString messageFor(FailureReason reason, const VimError &error) const;
    void setState(State state);

    // Keeping the session: transparent re-login and reconnecting.
    bool canRelogin() const;
    void startRelogin();
    void onReloginFinished(VimReply *reply);
    void releaseWaiting(const VimError *error);
    void checkSession();
    void onReconnectError(const VimError &error);
    void sessionRestored(bool renewed);
    void adoptSession(vim::UserSession session);

    ConnectOptions m_options;
    State m_state = State::Disconnected;
    FailureReason m_failureReason = FailureReason::None;
    QString m_failureMessage;
    QList<QSslCertificate> m_peerChain;
    QUrl m_baseUrl;
    QString m_apiRelease;
    vim::ServiceContent m_content;
    vim::UserSession m_session;
    QByteArray m_sessionId;
    /// A re-login was sent after `m_session` was confirmed: whatever session is valid now
    /// is a new one, even when the Login's own answer was lost.
    bool m_loginSinceSession = false;
    QNetworkAccessManager *m_nam = nullptr;
    qint64 m_maxResponseBytes = 64 * 1024 * 1024;
    qint64 m_maxBytesInFlight = 96 * 1024 * 1024;
    int m_maxHeaderFields = 64;
    qint64 m_maxHeaderBytes = 64 * 1024;
    vim::ParseLimits m_parseLimits;
    quint64 m_requestCount = 0;
    quint64 m_bytesReceived = 0;

    CertificatePolicy m_certificates;
    /// Set when a TLS failure was a pinned certificate replaced by another one.
    bool m_certificateChanged = false;
    /// Bumped by connect/disconnect, so answers to an abandoned attempt are ignored.
    quint64 m_epoch = 0;
    QList<QPointer<VimReply>> m_active;

    QStringList m_probeReleases;
    bool m_explicitRelease = false;
    /// Something answered like vSphere (hello, or a 500 for a release): no common release
    /// rather than "not vSphere" when nothing works.
    bool m_sawVSphere = false;
    /// A release was refused with a vSphere fault (not this release, but the API is there).
    bool m_sawReleaseFault = false;
    /// The last probe answered with a 500 that is no vSphere fault.
    VimError m_probeFailure;

    bool m_reloginRunning = false;

    bool m_renewRunning = false;
    QList<QPointer<VimReply>> m_waitingForLogin;
    bool m_checkRunning = false;
    int m_reconnectAttempt = 0;
    ReconnectPolicy m_reconnectPolicy;
    QTimer *m_reconnectTimer = nullptr;
};
