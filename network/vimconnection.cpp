#include "vimconnection.h"

#include "networklogging.h"
#include "sessionmanager.h"
#include "vimanswer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {

const QByteArray kSessionHeader = QByteArrayLiteral("vmware-api-session-id");

/// Percent-encodes one path segment but leaves `[` and `]` raw: session-scoped moIds
/// (`session[...]...`) go to vCenter unescaped, as govmomi and vim_rs send them (§1.1).
QByteArray pathSegment(const QString &segment)
{
    return QUrl::toPercentEncoding(segment, QByteArrayLiteral("[]"));
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// The connection failed after the status line arrived (closed mid-body, reset): the answer
/// is incomplete, which is a network problem, not a bad answer to decode.
bool isCutOff(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

/// While recovering a session, only a verdict ends the connection: a certificate that is not
/// accepted, credentials that are refused. Anything else (network, 5xx, SystemError, a
/// garbled answer) may pass, and the retries are bounded anyway.
bool isVerdict(const VimError &e)
{
    if (e.kind == VimError::Kind::Tls)
        return true;
    if (e.kind != VimError::Kind::Fault || e.isFault(QStringLiteral("NotAuthenticated")))
        return false;
    return e.isFault(QStringLiteral("InvalidLogin")) || e.isFault(QStringLiteral("NoPermission")) ||
           e.isFault(QStringLiteral("InvalidLocale"));
}

vim::ManagedObjectReference serviceInstanceRef()
{
    return {QStringLiteral("ServiceInstance"), QStringLiteral("ServiceInstance")};
}

} // namespace

QStringList VimConnection::knownReleases()
{
    return {QStringLiteral("8.0.3.0"), QStringLiteral("8.0.2.0"), QStringLiteral("8.0.1.0")};
}

QUrl VimConnection::baseUrlFor(const QString &server, bool allowHttp, QString *error)
{
    const auto invalid = [error](const QString &message) {
        if (error)
            *error = message;
        return QUrl();
    };
    const QString typed = server.trimmed();
    if (typed.isEmpty())
        return invalid(tr("Enter the name or address of a vCenter Server or ESXi host."));
    QString text = typed;
    if (!text.contains(QLatin1String("://"))) {
        // A bare IPv6 address has several colons; brackets keep them apart from a port.
        if (text.count(QLatin1Char(':')) > 1 && !text.startsWith(QLatin1Char('[')))
            text = QLatin1Char('[') + text + QLatin1Char(']');
        text = QStringLiteral("https://") + text;
    }
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return invalid(tr("\"%1\" is not a valid server address.").arg(typed));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        if (!allowHttp)
            return invalid(tr("Plain http:// is not allowed for \"%1\". Use https://, or allow "
                              "unencrypted connections explicitly.")
                               .arg(typed));
    } else if (scheme != QLatin1String("https")) {
        return invalid(tr("\"%1\" is not supported; use an https:// address.").arg(url.scheme()));
    }
    url.setScheme(scheme);
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // No path, or the address of the vSphere Client pasted from a browser: the API is at /sdk.
    if (path.isEmpty() || path == QLatin1String("/ui") || path.startsWith(QLatin1String("/ui/")))
        path = QStringLiteral("/sdk");
    url.setPath(path);
    return url;
}

QString VimConnection::thumbprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

VimConnection::VimConnection(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_reconnectTimer(new QTimer(this))
{
    // vCenter does not redirect API calls, and a redirect must not carry the session id
    // to another place.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &VimConnection::checkSession);
}

VimConnection::~VimConnection()
{
    ++m_epoch;
    abortAll(true);
    logoutDetached();
}

void VimConnection::logoutDetached()
{
    // Destroyed while logged in: the session and every object in it would linger on the
    // server until its idle timeout. A Logout on its own access manager outlives us as long
    // as the event loop runs; it cleans up after itself.
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || !hasSession() || !m_content.sessionManager || m_apiRelease.isEmpty())
        return;
    auto *nam = new QNetworkAccessManager(app);
    QNetworkRequest request(
        vimUrl(m_apiRelease, *m_content.sessionManager, QStringLiteral("Logout")));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("vtaskmon/" VTASKMON_VERSION));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(kSessionHeader, m_sessionId);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = nam->post(request, QByteArrayLiteral("{}"));
    const CertificatePolicy policy = m_certificates;
    QObject::connect(reply, &QNetworkReply::sslErrors, nam,
                     [reply, policy](const QList<QSslError> &errors) {
                         QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
                         if (leaf.isNull() && !errors.isEmpty())
                             leaf = errors.constFirst().certificate();
                         if (policy.verdict(leaf.digest(QCryptographicHash::Sha256), false) ==
                             CertificatePolicy::Verdict::Accept)
                             reply->ignoreSslErrors(errors);
                     });
    QObject::connect(reply, &QNetworkReply::finished, nam, [nam, reply] {
        qCDebug(lcNetwork) << "detached Logout:"
                           << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        nam->deleteLater();
    });
}

// ---- Requests -------------------------------------------------------------------------------

QUrl VimConnection::vimUrl(const QString &release, const vim::ManagedObjectReference &object,
                           const QString &name) const
{
    const QByteArray encoded = m_baseUrl.toEncoded() + "/vim25/" + pathSegment(release) + '/' +
                               pathSegment(object.type) + '/' + pathSegment(object.value) + '/' +
                               pathSegment(name);
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

QUrl VimConnection::helloUrl() const
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/sdk")))
        path.chop(4);
    url.setPath(path + QStringLiteral("/api/vcenter/system"));
    url.setQuery(QStringLiteral("action=hello"));
    return url;
}

vim::ParseLimits VimConnection::parseLimits() const
{
    vim::ParseLimits limits = m_parseLimits;
    limits.maxBytes = m_maxResponseBytes;
    return limits;
}

QString VimConnection::serverName() const
{
    return m_baseUrl.isValid() ? m_baseUrl.host() : m_options.server;
}

VimReply *VimConnection::get(const vim::ManagedObjectReference &object, const QString &property)
{
    return sendVim(Verb::Get, object, property, nullptr, NoFlags);
}

VimReply *VimConnection::post(const vim::ManagedObjectReference &object, const QString &method,
                              const QJsonObject &params)
{
    return sendVim(Verb::Post, object, method, &params, NoFlags);
}

VimReply *VimConnection::sendVim(Verb verb, const vim::ManagedObjectReference &object,
                                 const QString &name, const QJsonObject *params, int flags)
{
    const QString operation =
        object.type + QLatin1Char('/') + object.value + QLatin1Char('/') + name;
    const bool usable =
        !m_apiRelease.isEmpty() && m_baseUrl.isValid() &&
        ((flags & Internal) || (m_state != State::Disconnected && m_state != State::Failed));
    if (!usable) {
        auto *reply = new VimReply(operation, this);
        failLater(reply,
                  VimError::make(VimError::Kind::Network,
                                 tr("Not connected to a server; %1 was not sent.").arg(operation)));
        return reply;
    }
    const QByteArray body =
        verb == Verb::Post ? compactJson(params ? *params : QJsonObject()) : QByteArray();
    return send(verb, vimUrl(m_apiRelease, object, name), body, operation, flags);
}

VimReply *VimConnection::send(Verb verb, const QUrl &url, const QByteArray &body,
                              const QString &operation, int flags)
{
    auto *reply = new VimReply(operation, this);
    reply->m_verb = verb == Verb::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    reply->m_url = url;
    reply->m_body = body;
    reply->m_flags = flags;
    m_active.removeIf([](const QPointer<VimReply> &r) { return !r || r->isFinished(); });
    m_active.append(reply);
    dispatch(reply);
    return reply;
}

void VimConnection::failLater(VimReply *reply, VimError error)
{
    // Never finish inside get()/post(): the caller has not attached its callback yet.
    QTimer::singleShot(
        0, reply, [reply, error = std::move(error)]() mutable { reply->fail(std::move(error)); });
}

void VimConnection::dispatch(VimReply *reply)
{
    // While a re-login runs, ordinary calls wait for the new session instead of failing.
    if (m_reloginRunning && !(reply->m_flags & Internal)) {
        m_waitingForLogin.append(reply);
        return;
    }
    startNetwork(reply);
}

void VimConnection::startNetwork(VimReply *reply)
{
    QNetworkRequest request(reply->m_url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("vtaskmon/" VTASKMON_VERSION));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!m_sessionId.isEmpty())
        request.setRawHeader(kSessionHeader, m_sessionId);
    reply->m_sentWithSession = m_sessionId;
    reply->m_error = VimError(); // a retry must not keep the error that caused it
    reply->m_abortReason = VimReply::AbortReason::None;
    reply->m_sends = 0;
    reply->m_received = 0;
    reply->m_sslErrors.clear();
    reply->m_peerChain.clear();

    QNetworkReply *network = nullptr;
    if (reply->m_verb == "GET") {
        network = m_nam->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        network = m_nam->post(request, reply->m_body);
    }
    reply->m_network = network;
    ++m_requestCount;
    reply->m_clock.start();
    if (!reply->m_timer) {
        reply->m_timer = new QTimer(reply);
        reply->m_timer->setSingleShot(true);
        connect(reply->m_timer, &QTimer::timeout, reply, [reply] {
            if (!reply->m_network)
                return;
            reply->m_abortReason = VimReply::AbortReason::Timeout;
            reply->m_network->abort();
        });
    }
    reply->m_timer->start(std::max(1, m_options.requestTimeoutMs));
    watchNetwork(reply, network);
}

void VimConnection::watchNetwork(VimReply *reply, QNetworkReply *network)
{
    // `reply` is the context of every connection: VimReply::dropNetwork() cuts them all.
    connect(network, &QNetworkReply::requestSent, reply, [reply, network] {
        // Qt quietly sends a request again when the connection closes before any answer.
        // Reading twice is harmless; a second CreateListView leaves a view nobody can name,
        // and a second ReadNextTasks skips a page, so a call with effects ends as "no answer"
        // instead, an outcome callers know. The connection's own calls may repeat: a second
        // hello or Logout does no harm, a second Login's session holds nothing and times out,
        // and failing them would fail the whole connect.
        if (++reply->m_sends > 1 && reply->m_verb != "GET" && !(reply->m_flags & Internal) &&
            reply->m_abortReason == VimReply::AbortReason::None) {
            reply->m_abortReason = VimReply::AbortReason::Repeated;
            network->abort();
        }
    });
    connect(network, &QNetworkReply::finished, reply,
            [this, reply, network] { onNetworkFinished(reply, network); });
    connect(network, &QNetworkReply::metaDataChanged, reply, [this, reply, network] {
        if (!headerProblem(reply, network).isEmpty() &&
            reply->m_abortReason == VimReply::AbortReason::None) {
            reply->m_abortReason = VimReply::AbortReason::BadHeaders;
            network->abort();
            return;
        }
        const QVariant length = network->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            checkSize(reply, length.toLongLong());
    });
    connect(network, &QNetworkReply::downloadProgress, reply,
            [this, reply](qint64 received, qint64) {
                checkSize(reply, received);
                checkInFlight(reply, received);
            });
    connect(network, &QNetworkReply::sslErrors, reply,
            [this, reply, network](const QList<QSslError> &errors) {
                const QSslConfiguration config = network->sslConfiguration();
                QSslCertificate leaf = config.peerCertificate();
                if (leaf.isNull() && !errors.isEmpty())
                    leaf = errors.constFirst().certificate();
                const auto verdict =
                    m_certificates.verdict(leaf.digest(QCryptographicHash::Sha256), false);
                if (verdict == CertificatePolicy::Verdict::Accept) {
                    network->ignoreSslErrors(errors);
                    return;
                }
                reply->m_sslErrors = errors;
                reply->m_peerChain = config.peerCertificateChain();
                if (reply->m_peerChain.isEmpty() && !leaf.isNull())
                    reply->m_peerChain = {leaf};
                if (verdict == CertificatePolicy::Verdict::Changed)
                    reply->m_abortReason = VimReply::AbortReason::CertificateChanged;
            });
    connect(network, &QNetworkReply::encrypted, reply, [this, reply, network] {
        // A pin is checked even when the chain verifies (then sslErrors never fires).
        if (!m_certificates.hasPin())
            return;
        const QSslConfiguration config = network->sslConfiguration();
        const QByteArray sha = config.peerCertificate().digest(QCryptographicHash::Sha256);
        if (m_certificates.verdict(sha, true) == CertificatePolicy::Verdict::Accept)
            return;
        reply->m_peerChain = config.peerCertificateChain();
        reply->m_abortReason = VimReply::AbortReason::CertificateChanged;
        network->abort();
    });
}

void VimConnection::checkSize(VimReply *reply, qint64 bytes)
{
    if (bytes <= m_maxResponseBytes || !reply->m_network ||
        reply->m_abortReason != VimReply::AbortReason::None)
        return;
    reply->m_abortReason = VimReply::AbortReason::TooLarge;
    reply->m_network->abort();
}

void VimConnection::checkInFlight(VimReply *reply, qint64 received)
{
    reply->m_received = received;
    if (!reply->m_network || reply->m_abortReason != VimReply::AbortReason::None)
        return;
    qint64 total = 0;
    for (const QPointer<VimReply> &r : std::as_const(m_active)) {
        if (r && r->m_network)
            total += r->m_received;
    }
    if (total <= m_maxBytesInFlight)
        return;
    // The answer that tips the sum over is the one refused: what arrived before stays.
    reply->m_abortReason = VimReply::AbortReason::TooMuchInFlight;
    reply->m_network->abort();
}

QString VimConnection::headerProblem(const VimReply *reply, const QNetworkReply *network) const
{
    const QList<QNetworkReply::RawHeaderPair> &headers = network->rawHeaderPairs();
    // Qt 6.4 stops reading headers beyond its own limits (100 fields, 100 KiB each) and then
    // reports the answer with a status but without any header, and waits for a body that
    // never ends. Only an answer without a body (204, 304) may come without headers.
    const QVariant status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const bool refusedByQt =
        headers.isEmpty() && status.isValid() && status.toInt() != 204 && status.toInt() != 304;
    qint64 bytes = 0;
    for (const QNetworkReply::RawHeaderPair &h : headers)
        bytes += h.first.size() + h.second.size() + 4;
    if (refusedByQt || headers.size() > m_maxHeaderFields || bytes > m_maxHeaderBytes)
        return tr("The answer to %1 has more or larger headers than accepted (at most %2 "
                  "headers of %3 together).")
            .arg(reply->operation())
            .arg(m_maxHeaderFields)
            .arg(QLocale().formattedDataSize(m_maxHeaderBytes));
    return {};
}

void VimConnection::onNetworkFinished(VimReply *reply, QNetworkReply *network)
{
    if (reply->m_network != network)
        return;
    reply->m_network = nullptr;
    if (reply->m_timer)
        reply->m_timer->stop();
    QObject::disconnect(network, nullptr, reply, nullptr);
    network->deleteLater();

    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Take a new session id from any answer, but only to a request sent with the current one
    // (or during Login): a late answer to a request of a replaced session must not bring
    // the dead id back.
    const QByteArray token = network->rawHeader(kSessionHeader);
    if (!token.isEmpty() && reply->m_sentWithSession == m_sessionId)
        m_sessionId = token;

    QJsonValue value;
    VimError error;
    const QString &operation = reply->operation();
    const auto tooLarge = [&] {
        return VimError::make(VimError::Kind::Decode,
                              tr("The answer to %1 is larger than the limit of %2.")
                                  .arg(operation, QLocale().formattedDataSize(m_maxResponseBytes)),
                              status);
    };
    switch (reply->m_abortReason) {
    case VimReply::AbortReason::Timeout:
        error =
            VimError::make(VimError::Kind::Timeout, tr("%1 got no answer within %2 s.")
                                                        .arg(operation)
                                                        .arg(m_options.requestTimeoutMs / 1000.0));
        break;
    case VimReply::AbortReason::TooLarge:
        error = tooLarge();
        break;
    case VimReply::AbortReason::TooMuchInFlight:
        error = VimError::make(
            VimError::Kind::Decode,
            tr("The answers from %1 in flight together exceed the limit of %2; the answer to "
               "%3 was cut off.")
                .arg(serverName(), QLocale().formattedDataSize(m_maxBytesInFlight), operation),
            status);
        break;
    case VimReply::AbortReason::BadHeaders:
        error = VimError::make(VimError::Kind::Decode, headerProblem(reply, network), status);
        break;
    case VimReply::AbortReason::Repeated:
        error = VimError::make(VimError::Kind::Network,
                               tr("%1 failed: the connection closed before the answer came; "
                                  "the server may have carried the call out.")
                                   .arg(operation));
        break;
    case VimReply::AbortReason::CertificateChanged:
        m_certificateChanged = true;
        m_peerChain = reply->m_peerChain;
        error = VimError::make(
            VimError::Kind::Tls,
            tr("The certificate of %1 is not the one pinned for it.").arg(serverName()));
        break;
    case VimReply::AbortReason::None:
        if (!reply->m_sslErrors.isEmpty() ||
            network->error() == QNetworkReply::SslHandshakeFailedError) {
            m_certificateChanged = false;
            m_peerChain = reply->m_peerChain;
            QStringList reasons;
            for (const QSslError &e : std::as_const(reply->m_sslErrors))
                reasons.append(e.errorString());
            error = VimError::make(
                VimError::Kind::Tls,
                tr("The certificate of %1 is not trusted: %2")
                    .arg(serverName(), reasons.isEmpty() ? network->errorString()
                                                         : reasons.join(QStringLiteral("; "))));
        } else if (status == 0 || isCutOff(network->error())) {
            error = transportError(reply, network);
        } else {
            const QByteArray body = network->readAll();
            m_bytesReceived += quint64(body.size());
            if (body.size() > m_maxResponseBytes) {
                error = tooLarge();
            } else {
                if (status >= 200 && status < 300) {
                    // The server is done with the request: a reader of pages may send the next
                    // one now and overlap it with decoding this one.
                    const QPointer<VimReply> guard(reply);
                    Q_EMIT reply->answered();
                    if (!guard || reply->isFinished())
                        return;
                }
                error = VimAnswer::interpret(operation, status, body, parseLimits(), &value);
            }
        }
        break;
    }
    error.sslErrors = reply->m_sslErrors;
    error.peerChain = reply->m_peerChain;
    error.httpStatus = status;
    qCDebug(lcNetwork).noquote() << reply->m_verb << reply->m_url.path(QUrl::FullyEncoded) << status
                                 << reply->m_clock.elapsed() << "ms"
                                 << (error.isError() ? error.toString() : QString());
    complete(reply, std::move(value), std::move(error), status);
}

VimError VimConnection::transportError(const VimReply *reply, QNetworkReply *network) const
{
    if (network->error() == QNetworkReply::TimeoutError) {
        return VimError::make(VimError::Kind::Timeout,
                              tr("%1 got no answer in time.").arg(reply->operation()));
    }
    return VimError::make(VimError::Kind::Network,
                          tr("%1 failed: %2").arg(reply->operation(), network->errorString()));
}

void VimConnection::complete(VimReply *reply, QJsonValue value, VimError error, int status)
{
    if (!error.isError()) {
        reply->finish(std::move(value), status);
        return;
    }
    const bool internal = reply->m_flags & Internal;
    if (!internal && !reply->m_retried && m_state == State::Connected &&
        error.isFault(QStringLiteral("NotAuthenticated")) && canRelogin()) {
        reply->m_retried = true;
        if (!m_reloginRunning && !m_sessionId.isEmpty() &&
            m_sessionId != reply->m_sentWithSession) {
            // Sent with an older session that another call has already replaced.
            startNetwork(reply);
            return;
        }
        reply->m_error = error; // reported if the re-login fails
        m_waitingForLogin.append(reply);
        startRelogin();
        return;
    }
    // A certificate refused on an ordinary call (a server back from a restart before anyone
    // noticed it was gone) is checked like a lost connection; the check ends in its verdict.
    const bool connectionLost =
        !internal && m_state == State::Connected &&
        (error.kind == VimError::Kind::Network || error.kind == VimError::Kind::Timeout ||
         error.kind == VimError::Kind::Tls);
    QPointer<VimConnection> self(this);
    reply->fail(std::move(error));
    if (self && connectionLost && m_state == State::Connected)
        checkSession();
}

void VimConnection::abortAll(bool includeDetached)
{
    const auto active = std::exchange(m_active, {});
    m_waitingForLogin.clear();
    for (const QPointer<VimReply> &r : active) {
        if (!r || r->isFinished())
            continue;
        if (!includeDetached && (r->m_flags & Detached)) {
            m_active.append(r);
            continue;
        }
        r->abort();
    }
}

// ---- Connecting -----------------------------------------------------------------------------

void VimConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcNetwork) << "state" << state;
    Q_EMIT stateChanged(state);
}

void VimConnection::connectToServer(const ConnectOptions &options)
{
    if (hasSession())
        disconnectFromServer();
    ++m_epoch;
    abortAll(false);
    m_reconnectTimer->stop();
    m_reconnectAttempt = 0;
    m_checkRunning = false;
    m_reloginRunning = false;
    m_options = options;
    m_certificates =
        CertificatePolicy(options.pinnedSha256, options.trustedSha256, options.insecure);
    m_certificateChanged = false;
    m_sessionId.clear();
    m_session = {};
    m_loginSinceSession = false;
    m_content = {};
    m_apiRelease.clear();
    m_failureReason = FailureReason::None;
    m_failureMessage.clear();
    m_peerChain.clear();
    m_sawVSphere = false;
    m_sawReleaseFault = false;
    m_probeFailure = {};
    // A certificate accepted under the previous options must be checked again.
    m_nam->clearAccessCache();
    m_nam->clearConnectionCache();

    QString error;
    m_baseUrl = baseUrlFor(options.server, options.allowHttp, &error);
    setState(State::Connecting);
    if (!m_baseUrl.isValid()) {
        failWith(FailureReason::InvalidServer, error);
        return;
    }
    m_explicitRelease = !options.apiRelease.isEmpty();
    if (m_explicitRelease)
        probe({options.apiRelease});
    else
        sayHello();
}

void VimConnection::disconnectFromServer()
{
    ++m_epoch;
    m_reconnectTimer->stop();
    abortAll(false);
    m_reloginRunning = false;
    m_checkRunning = false;
    if (hasSession() && m_content.sessionManager && !m_apiRelease.isEmpty()) {
        // Best effort: the answer does not matter, and the request outlives later aborts.
        VimReply *logout = sendVim(Verb::Post, *m_content.sessionManager, QStringLiteral("Logout"),
                                   nullptr, Internal | Detached);
        connect(logout, &VimReply::finished, this, &VimConnection::logoutFinished);
    }
    m_sessionId.clear();
    m_session = {};
    m_loginSinceSession = false;
    m_options.password.clear();
    setState(State::Disconnected);
}

void VimConnection::sayHello()
{
    QJsonArray releases;
    for (const QString &r : knownReleases())
        releases.append(r);
    VimReply *reply = send(Verb::Post, helloUrl(),
                           compactJson(QJsonObject{{QStringLiteral("api_releases"), releases}}),
                           QStringLiteral("system?action=hello"), Internal);
    connect(reply, &VimReply::finished, this, [this, reply, epoch = m_epoch] {
        if (epoch != m_epoch)
            return;
        const QJsonValue chosen = reply->value().toObject().value(QLatin1String("api_release"));
        const QStringList known = knownReleases();
        if (reply->isOk() && chosen.isString()) {
            m_sawVSphere = true;
            // "" means no release in common; probing may still find one hello does not list.
            const qsizetype index = known.indexOf(chosen.toString());
            probe(index >= 0 ? known.mid(index) : known);
            return;
        }
        const VimError &e = reply->error();
        if (e.kind == VimError::Kind::Tls || e.kind == VimError::Kind::Network ||
            e.kind == VimError::Kind::Timeout) {
            failWithError(e); // probing cannot do better
            return;
        }
        probe(known);
    });
}

void VimConnection::probe(QStringList releases)
{
    m_probeReleases = std::move(releases);
    probeNext();
}

void VimConnection::probeNext()
{
    if (m_probeReleases.isEmpty()) {
        if (m_explicitRelease)
            failWith(
                FailureReason::NoCommonRelease,
                tr("%1 does not offer API release %2.").arg(serverName(), m_options.apiRelease));
        else if (!m_sawReleaseFault && m_probeFailure.isError())
            // Something answered, but not with the API: say what it answered.
            failWith(FailureReason::ServerError, tr("%1 does not offer the vSphere API: %2")
                                                     .arg(serverName(), m_probeFailure.message));
        else if (m_sawVSphere)
            failWith(FailureReason::NoCommonRelease,
                     tr("%1 speaks none of the API releases this program knows (%2).")
                         .arg(serverName(), knownReleases().join(QStringLiteral(", "))));
        else
            failWith(
                FailureReason::NotVSphere,
                tr("%1 does not answer like a vCenter Server or ESXi host.").arg(serverName()));
        return;
    }
    const QString release = m_probeReleases.takeFirst();
    VimReply *reply =
        send(Verb::Get, vimUrl(release, serviceInstanceRef(), QStringLiteral("content")), {},
             QStringLiteral("ServiceInstance/ServiceInstance/content"), Internal);
    connect(reply, &VimReply::finished, this, [this, reply, release, epoch = m_epoch] {
        if (epoch == m_epoch)
            onProbeFinished(reply, release);
    });
}

void VimConnection::onProbeFinished(VimReply *reply, const QString &release)
{
    if (reply->isOk()) {
        const QString typeName =
            reply->value().toObject().value(QLatin1String("_typeName")).toString();
        auto content = vim::decode<vim::ServiceContent>(reply->value());
        if (content && (typeName.isEmpty() || typeName == QLatin1String("ServiceContent"))) {
            m_apiRelease = release;
            m_content = std::move(content).value();
            login();
            return;
        }
        const QString why = content ? tr("a %1 instead of the service content").arg(typeName)
                                    : content.error().toString();
        failWith(FailureReason::NotVSphere,
                 tr("%1 answered, but not with the vSphere API (%2).").arg(serverName(), why));
        return;
    }
    const VimError &e = reply->error();
    // 404 or 500 for a release means "not this one": try the next older release. Only a
    // 500 with a fault is vSphere refusing the release; a 500 without one (an HTML error page
    // of a proxy, say) is kept to be told if no release works.
    if (e.httpStatus == 404 || e.httpStatus == 500) {
        const bool fault = e.kind == VimError::Kind::Fault;
        m_sawReleaseFault = m_sawReleaseFault || fault;
        m_sawVSphere = m_sawVSphere || fault;
        if (!fault && e.httpStatus == 500)
            m_probeFailure = e;
        probeNext();
        return;
    }
    if (e.kind == VimError::Kind::Decode) {
        failWith(
            FailureReason::NotVSphere,
            tr("%1 answered, but not with the vSphere API (%2).").arg(serverName(), e.message));
        return;
    }
    failWithError(e);
}

VimReply *VimConnection::sendLogin()
{
    const QJsonObject params =
        svc::SessionManager::loginParams(m_options.userName, m_options.password, m_options.locale);
    return sendVim(Verb::Post, *m_content.sessionManager, QStringLiteral("Login"), &params,
                   Internal);
}

void VimConnection::login()
{
    if (!m_content.sessionManager) {
        failWith(FailureReason::ServerError, tr("%1 offers no session manager.").arg(serverName()));
        return;
    }
    if (m_options.userName.isEmpty()) {
        failWith(FailureReason::InvalidLogin,
                 tr("Enter a user name to log in to %1.").arg(serverName()));
        return;
    }
    VimReply *reply = sendLogin();
    connect(reply, &VimReply::finished, this, [this, reply, epoch = m_epoch] {
        if (epoch != m_epoch)
            return;
        auto session = detail::decodeReply<vim::UserSession>(*reply);
        if (!session) {
            failWithError(session.error());
            return;
        }
        if (m_sessionId.isEmpty()) {
            failWith(FailureReason::ServerError,
                     tr("%1 accepted the login but sent no session id.").arg(serverName()));
            return;
        }
        adoptSession(std::move(session).value());
        qCInfo(lcNetwork).noquote()
            << "connected to" << serverName() << "with API release" << m_apiRelease;
        setState(State::Connected);
    });
}

void VimConnection::failWith(FailureReason reason, const QString &message)
{
    ++m_epoch;
    m_reconnectTimer->stop();
    m_checkRunning = false;
    m_reloginRunning = false;
    m_sessionId.clear();
    m_failureReason = reason;
    m_failureMessage = message;
    qCInfo(lcNetwork).noquote() << "connection failed:" << reason << message;
    setState(State::Failed);
}

void VimConnection::failWithError(const VimError &error)
{
    const FailureReason reason = reasonFor(error);
    failWith(reason, messageFor(reason, error));
}

VimConnection::FailureReason VimConnection::reasonFor(const VimError &error) const
{
    switch (error.kind) {
    case VimError::Kind::Tls:
        return m_certificateChanged ? FailureReason::CertificateChanged
                                    : FailureReason::CertificateUntrusted;
    case VimError::Kind::Network:
    case VimError::Kind::Timeout:
        return FailureReason::Unreachable;
    case VimError::Kind::Fault:
        if (error.isFault(QStringLiteral("InvalidLogin")) ||
            error.isFault(QStringLiteral("NotAuthenticated")))
            return FailureReason::InvalidLogin;
        if (error.isFault(QStringLiteral("NoPermission")))
            return FailureReason::NoPermission;
        return FailureReason::ServerError;
    default:
        return FailureReason::ServerError;
    }
}

QString VimConnection::messageFor(FailureReason reason, const VimError &error) const
{
    const QString leaf = m_peerChain.isEmpty() ? QString() : thumbprint(m_peerChain.constFirst());
    switch (reason) {
    case FailureReason::Unreachable:
        return tr("Cannot reach %1: %2").arg(serverName(), error.message);
    case FailureReason::InvalidLogin:
        return tr("Login to %1 failed: %2").arg(serverName(), error.message);
    case FailureReason::NoPermission:
        return tr("%1 may not use %2: %3").arg(m_options.userName, serverName(), error.message);
    case FailureReason::CertificateUntrusted:
        return tr("The certificate of %1 is not trusted (%2). Compare its SHA-256 thumbprint %3 "
                  "with the one your administrator gives you before you trust it.")
            .arg(serverName(), error.message, leaf);
    case FailureReason::CertificateChanged:
        return tr("The certificate of %1 has changed since it was pinned; someone may be "
                  "intercepting the connection. New SHA-256 thumbprint: %2")
            .arg(serverName(), leaf);
    default:
        return tr("%1 reported an error: %2").arg(serverName(), error.message);
    }
}

// ---- Keeping the session --------------------------------------------------------------------

bool VimConnection::canRelogin() const
{
    return !m_options.userName.isEmpty() && !m_options.password.isEmpty() &&
           m_content.sessionManager.has_value();
}

bool VimConnection::renewSession()
{
    if (!canRelogin() || m_state != State::Connected)
        return false;
    if (!m_renewRunning && !m_reloginRunning) {
        m_renewRunning = true;
        qCInfo(lcNetwork) << "replacing the session with a fresh one";
        sendRenewLogout(0);
    }
    return true;
}

void VimConnection::sendRenewLogout(int attempt)
{
    VimReply *reply =
        sendVim(Verb::Post, *m_content.sessionManager, QStringLiteral("Logout"), nullptr, Internal);
    // Another call may find the session gone first and log in again: then the renewal is
    // done, and a retried Logout would end the fresh session.
    const auto stillOld = [this, epoch = m_epoch, target = m_sessionId] {
        return epoch == m_epoch && m_sessionId == target;
    };
    connect(reply, &VimReply::finished, this, [this, reply, attempt, stillOld] {
        if (!stillOld()) {
            m_renewRunning = false;
            return;
        }
        // Only a success or NotAuthenticated proves the old session gone; anything else
        // (a lost answer, a server error) is asked again.
        const bool gone =
            reply->isOk() || reply->error().isFault(QStringLiteral("NotAuthenticated"));
        if (!gone && attempt < 6) {
            QTimer::singleShot(200 << attempt, this, [this, attempt, stillOld] {
                if (stillOld())
                    sendRenewLogout(attempt + 1);
                else
                    m_renewRunning = false;
            });
            return;
        }
        m_renewRunning = false;
        startRelogin();
    });
}

void VimConnection::startRelogin()
{
    if (m_reloginRunning)
        return;
    m_reloginRunning = true;
    qCInfo(lcNetwork) << "session no longer valid; logging in again";
    m_sessionId.clear();
    m_loginSinceSession = true;
    VimReply *reply = sendLogin();
    connect(reply, &VimReply::finished, this, [this, reply, epoch = m_epoch] {
        if (epoch == m_epoch)
            onReloginFinished(reply);
    });
}

void VimConnection::onReloginFinished(VimReply *reply)
{
    m_reloginRunning = false;
    auto session = detail::decodeReply<vim::UserSession>(*reply);
    if (session && !m_sessionId.isEmpty()) {
        adoptSession(std::move(session).value());
        sessionRestored(true);
        return;
    }
    const VimError error =
        session
            ? VimError::make(VimError::Kind::Decode,
                             tr("%1 accepted the login but sent no session id.").arg(serverName()))
            : session.error();
    releaseWaiting(&error);
    onReconnectError(error);
}

void VimConnection::releaseWaiting(const VimError *error)
{
    const auto waiting = std::exchange(m_waitingForLogin, {});
    for (const QPointer<VimReply> &r : waiting) {
        if (!r || r->isFinished())
            continue;
        if (error)
            r->fail(r->m_error.isError() ? r->m_error : *error);
        else
            startNetwork(r);
    }
}

void VimConnection::checkSession()
{
    if (m_checkRunning || m_reloginRunning || !m_content.sessionManager)
        return;
    m_checkRunning = true;
    VimReply *reply = sendVim(Verb::Get, *m_content.sessionManager,
                              QStringLiteral("currentSession"), nullptr, Internal);
    connect(reply, &VimReply::finished, this, [this, reply, epoch = m_epoch, asked = m_sessionId] {
        if (epoch != m_epoch)
            return;
        m_checkRunning = false;
        if (m_sessionId != asked) {
            // A re-login replaced the session meanwhile; this answer is about the old one,
            // and adopting it would pair the new session id with the old session.
            if (!m_reloginRunning && m_state == State::Reconnecting &&
                !m_reconnectTimer->isActive())
                checkSession();
            return;
        }
        auto current = detail::decodeReply<std::optional<vim::UserSession>>(*reply);
        if (current && *current) {
            // A Login whose answer was cut off after its headers still made a new session:
            // its id is the one checked now, so this is a renewal, not the old session.
            const bool renewed = m_loginSinceSession || (*current)->key != m_session.key;
            adoptSession(std::move(**current));
            sessionRestored(renewed);
            return;
        }
        if (current || current.error().isFault(QStringLiteral("NotAuthenticated"))) {
            if (canRelogin())
                startRelogin();
            else
                failWith(FailureReason::InvalidLogin,
                         tr("The session on %1 ended and no password is held to log in again.")
                             .arg(serverName()));
            return;
        }
        onReconnectError(current.error());
    });
}

void VimConnection::adoptSession(vim::UserSession session)
{
    m_session = std::move(session);
    m_loginSinceSession = false;
}

void VimConnection::onReconnectError(const VimError &error)
{
    if (isVerdict(error)) {
        failWithError(error);
        return;
    }
    if (m_reconnectAttempt >= m_reconnectPolicy.maxAttempts) {
        failWith(FailureReason::Unreachable,
                 tr("Lost the connection to %1 and could not restore it: %2")
                     .arg(serverName(), error.message));
        return;
    }
    const int shift = std::min(m_reconnectAttempt, 20);
    const qint64 delay = std::min<qint64>(qint64(m_reconnectPolicy.initialDelayMs) << shift,
                                          m_reconnectPolicy.maxDelayMs);
    ++m_reconnectAttempt;
    setState(State::Reconnecting);
    qCInfo(lcNetwork).noquote() << "connection lost (" << error.message << "); retry"
                                << m_reconnectAttempt << "in" << delay << "ms";
    m_reconnectTimer->start(int(delay));
}

QDateTime VimConnection::nextAttemptAt() const
{
    if (m_state != State::Reconnecting || !m_reconnectTimer->isActive())
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(m_reconnectTimer->remainingTime());
}

void VimConnection::sessionRestored(bool renewed)
{
    qCInfo(lcNetwork).noquote() << (renewed ? "logged in again to" : "session still valid on")
                                << serverName();
    m_reconnectAttempt = 0;
    m_reconnectTimer->stop();
    setState(State::Connected);
    if (renewed)
        Q_EMIT sessionRenewed();
    releaseWaiting(nullptr);
}
