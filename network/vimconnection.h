#pragma once

#include "pending.h"
#include "vimerror.h"

#include <vim/moref.h>
#include <vim/servicecontent.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

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

/// One VI/JSON connection: base URL, release, TLS, session and the shared
/// QNetworkAccessManager. Its state() is the single source of truth for the UI.
///
///   Disconnected ──connectToServer──▶ Connecting ──ok──▶ Connected
///        ▲                              │ fail            │ network loss / session lost
///        │                              ▼                 ▼
///        └──────disconnectFromServer── Failed ◀──give up── Reconnecting ──ok──▶ Connected
class VimConnection final : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    enum class FailureReason {
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
    /// Requests sent and response bytes received, for the status bar and benchmarks.
    quint64 requestCount() const { return m_requestCount; }
    quint64 bytesReceived() const { return m_bytesReceived; }
    /// Largest response body accepted (default 64 MiB).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    /// `GET {base}/vim25/{release}/{type}/{moId}/{property}`.
    VimReply *get(const vim::ManagedObjectReference &object, const QString &property);
    /// `POST {base}/vim25/{release}/{type}/{moId}/{method}` with the named parameters.
    VimReply *post(const vim::ManagedObjectReference &object, const QString &method,
                   const QJsonObject &params = {});

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

Q_SIGNALS:
    void stateChanged(VimConnection::State state);
    /// A new session replaced the old one (transparent re-login, reconnect after a server
    /// restart): every session-scoped object (collectors, filters, views) is gone.
    void sessionRenewed();

private:
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
    QNetworkAccessManager *m_nam = nullptr;
    qint64 m_maxResponseBytes = 64 * 1024 * 1024;
    quint64 m_requestCount = 0;
    quint64 m_bytesReceived = 0;
};
