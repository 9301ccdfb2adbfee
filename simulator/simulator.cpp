#include "simulator.h"

#include "certificategenerator.h"
#include "faultexception.h"
#include "inventory.h"
#include "objectmodel.h"
#include "sessionregistry.h"
#include "simcontext.h"
#include "taskcatalog.h"
#include "tasklifecycle.h"
#include "taskstore.h"
#include "vimhttpserver.h"
#include "vimservice.h"
#include "workloadgenerator.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>

#include <mutex>

Q_LOGGING_CATEGORY(lcSimulator, "vtaskmon.simulator", QtInfoMsg)

namespace sim {

template<typename F>
auto Simulator::inOwnerThread(F &&f) const -> decltype(f())
{
    if (QThread::currentThread() == thread())
        return f();
    auto *self = const_cast<Simulator *>(this);
    if constexpr (std::is_void_v<decltype(f())>) {
        QMetaObject::invokeMethod(
            self, [&] { f(); }, Qt::BlockingQueuedConnection);
    } else {
        decltype(f()) result{};
        QMetaObject::invokeMethod(
            self, [&] { result = f(); }, Qt::BlockingQueuedConnection);
        return result;
    }
}

namespace {

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// Qt's own qt.httpserver category prints every request header at debug level, the
// vmware-api-session-id among them: it stays quiet whatever the logging rules say.
void silenceHttpServerDebug(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

} // namespace

Simulator::Simulator(const SimulatorOptions &options, QObject *parent)
    : QObject(parent)
    , m_ctx(std::make_unique<SimContext>())
{
    qRegisterMetaType<vim::TaskInfo>();
    static std::once_flag filterInstalled;
    std::call_once(filterInstalled, [] {
        g_previousFilter = QLoggingCategory::installFilter(silenceHttpServerDebug);
    });
    m_ctx->options = options;
    if (options.esxi) {
        auto &ids = m_ctx->ids;
        ids.sessionManager = QStringLiteral("ha-sessionmgr");
        ids.taskManager = QStringLiteral("ha-taskmgr");
        ids.propertyCollector = QStringLiteral("ha-property-collector");
        ids.eventManager = QStringLiteral("ha-eventmgr");
        ids.setting = QStringLiteral("HostAgentSettings");
    }
    m_inventory = std::make_unique<Inventory>(options.inventory, options.esxi);
    m_catalog = std::make_unique<TaskCatalog>();
    m_sessions = std::make_unique<SessionRegistry>();
    m_tasks = new TaskStore(options.maxTasks, options.firstTaskId, this);
    m_ctx->inventory = m_inventory.get();
    m_ctx->catalog = m_catalog.get();
    m_ctx->sessions = m_sessions.get();
    m_ctx->tasks = m_tasks;
    m_model = std::make_unique<ObjectModel>(*m_ctx);
    m_ctx->model = m_model.get();
    m_lifecycle = std::make_unique<TaskLifecycle>(*m_ctx, m_tasks);
    m_ctx->lifecycle = m_lifecycle.get();
    m_service = new VimService(*m_ctx, this);
    m_ctx->changed = [this] {
        m_service->notifyChanged();
    };
    m_http = new VimHttpServer(
        [this](const std::shared_ptr<HttpExchange> &e) { m_service->handle(e); }, this);
    m_http->setFaults(options.faults);
    m_http->setSeed(options.workload.seed);
    m_http->setTokenLostHandler([this](const QByteArray &token) {
        if (Session *s = m_sessions->byToken(token, {}, 0))
            s->tokenLost = true;
    });
    m_workload = new WorkloadGenerator(*m_ctx, this);

    connect(m_tasks, &TaskStore::taskCreated, this, [this](int id) {
        m_service->onTaskCreated(id);
        if (isSignalConnected(QMetaMethod::fromSignal(&Simulator::taskCreated)))
            Q_EMIT taskCreated(m_tasks->byId(id)->info);
    });
    connect(m_tasks, &TaskStore::taskChanged, this, [this](int id, bool stateChanged) {
        m_service->onTaskChanged(id, stateChanged);
        if (isSignalConnected(QMetaMethod::fromSignal(&Simulator::taskChanged)))
            Q_EMIT taskChanged(m_tasks->byId(id)->info, stateChanged);
    });
}

Simulator::~Simulator()
{
    // Sessions first: their pending calls answer through the HTTP server. Then the
    // QObject parts, before the stores they point into go away with the members.
    m_sessions->clear();
    delete m_workload;
    delete m_http;
    delete m_service;
    delete m_tasks;
}

bool Simulator::start(QString *error)
{
    return inOwnerThread([&]() -> bool {
        const SimulatorOptions &o = m_ctx->options;
        if (o.https) {
            const CertificateGenerator::Result cert = CertificateGenerator::generate();
            if (!cert.ok()) {
                if (error)
                    *error = cert.error;
                return false;
            }
            m_certificate = cert.certificate;
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setLocalCertificate(cert.certificate);
            ssl.setPrivateKey(cert.key);
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
            m_http->sslSetup(ssl);
        }
        m_workload->seedHistory(o.workload.historyTasks);
        m_port = m_http->listen(o.address, o.port);
        if (m_port == 0) {
            if (error)
                *error =
                    QStringLiteral("cannot listen on %1:%2").arg(o.address.toString()).arg(o.port);
            return false;
        }
        if (o.workload.enabled)
            m_workload->start();
        qCInfo(lcSimulator) << "listening on" << baseUrl().toString() << "release" << o.release;
        return true;
    });
}

quint16 Simulator::port() const
{
    return inOwnerThread([this] { return m_port; });
}

QUrl Simulator::baseUrl() const
{
    QUrl url;
    url.setScheme(m_ctx->options.https ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_ctx->options.address.toString());
    url.setPort(port());
    return url;
}

QSslCertificate Simulator::certificate() const
{
    return inOwnerThread([this] { return m_certificate; });
}

QString Simulator::thumbprint() const
{
    const QSslCertificate c = certificate();
    return c.isNull() ? QString() : CertificateGenerator::thumbprint(c);
}

SimulatorOptions Simulator::options() const
{
    return inOwnerThread([this] { return m_ctx->options; });
}

QList<vim::TaskInfo> Simulator::tasks() const
{
    return inOwnerThread([this] { return m_tasks->snapshot(); });
}

std::optional<vim::TaskInfo> Simulator::task(const QString &key) const
{
    return inOwnerThread([&]() -> std::optional<vim::TaskInfo> {
        const TaskRecord *r = m_tasks->find(key);
        if (!r)
            return std::nullopt;
        return r->info;
    });
}

SimulatorStats Simulator::stats() const
{
    return inOwnerThread([this] {
        SimulatorStats st;
        for (const Session *s : m_sessions->all()) {
            SimulatorStats::PerSession p;
            p.userName = s->userName;
            p.collectors = int(s->collectors.size());
            p.propertyCollectors = int(s->propertyCollectors.size());
            p.filters = s->filterCount();
            p.views = int(s->views.size());
            p.tokenLost = s->tokenLost;
            for (const auto &pc : s->propertyCollectors)
                p.pendingWaits += pc.second->hasPendingWait() ? 1 : 0;
            st.collectors += p.collectors;
            st.propertyCollectors += p.propertyCollectors;
            st.filters += p.filters;
            st.views += p.views;
            st.pendingWaits += p.pendingWaits;
            st.perSession.insert(s->key, p);
        }
        st.sessions = m_sessions->size();
        st.entities = m_inventory->size();
        st.tasks = m_tasks->size();
        st.activeTasks = m_tasks->activeCount();
        st.requests = m_http->requestCount();
        st.faults = m_http->faultCount();
        st.bytesSent = m_http->bytesSent();
        return st;
    });
}

QStringList Simulator::sessionKeys() const
{
    return inOwnerThread([this] {
        QStringList keys;
        for (const Session *s : m_sessions->all())
            keys.append(s->key);
        return keys;
    });
}

namespace {
template<typename F>
QString faultTypeOf(F &&f)
{
    try {
        f();
    } catch (const FaultException &e) {
        return e.fault().typeName;
    }
    return {};
}
} // namespace

QString Simulator::createTask(const QString &descriptionId, const QString &entityMoId,
                              bool cancelable, const QString &userName)
{
    return inOwnerThread([&]() -> QString {
        const QString type = m_model->typeOf(entityMoId, nullptr);
        if (type.isEmpty())
            return {};
        TaskLifecycle::NewTask n;
        n.descriptionId = descriptionId;
        n.entity = {type, entityMoId};
        n.reason = userName.isEmpty() ? vim::TaskReason::system() : vim::TaskReason::user(userName);
        n.cancelable = cancelable;
        return m_lifecycle->create(n).key;
    });
}

QString Simulator::setTaskState(const QString &key, vim::TaskInfoState::Value state,
                                const std::optional<vim::AnyValue> &result,
                                const std::optional<vim::MethodFault> &fault)
{
    return inOwnerThread(
        [&] { return faultTypeOf([&] { m_lifecycle->setState(key, state, result, fault); }); });
}

QString Simulator::setTaskProgress(const QString &key, int percentDone)
{
    return inOwnerThread(
        [&] { return faultTypeOf([&] { m_lifecycle->updateProgress(key, percentDone); }); });
}

QString Simulator::setTaskDescription(const QString &key,
                                      const vim::LocalizableMessage &description)
{
    return inOwnerThread(
        [&] { return faultTypeOf([&] { m_lifecycle->setDescription(key, description); }); });
}

QString Simulator::cancelTask(const QString &key)
{
    return inOwnerThread([&] { return faultTypeOf([&] { m_lifecycle->cancel(key); }); });
}

void Simulator::pauseWorkload()
{
    inOwnerThread([this] { m_workload->setPaused(true); });
}

void Simulator::resumeWorkload()
{
    inOwnerThread([this] { m_workload->setPaused(false); });
}

void Simulator::setWorkloadRate(double tasksPerSecond)
{
    inOwnerThread([&] {
        m_workload->setRate(tasksPerSecond);
        m_workload->start();
    });
}

void Simulator::setFaults(const SimulatorOptions::Faults &faults)
{
    inOwnerThread([&] {
        m_ctx->options.faults = faults;
        m_http->setFaults(faults);
    });
}

bool Simulator::expireSession(const QString &sessionKey)
{
    return inOwnerThread([&] { return m_sessions->remove(sessionKey); });
}

void Simulator::expireAllSessions()
{
    inOwnerThread([this] { m_sessions->clear(); });
}

void Simulator::cutAnswers(const QString &operation, int count, int delayMs)
{
    inOwnerThread([&] { m_http->cutAnswers(operation, count, delayMs); });
}

void Simulator::failAnswers(const QString &operation, int count)
{
    inOwnerThread([&] { m_http->failAnswers(operation, count); });
}

void Simulator::restart()
{
    inOwnerThread([this] {
        m_service->dropPendingWaits();
        m_sessions->clear();
        const auto servers = m_http->servers();
        for (QTcpServer *server : servers) {
            const auto sockets = server->findChildren<QTcpSocket *>();
            for (QTcpSocket *socket : sockets)
                socket->abort();
        }
        qCInfo(lcSimulator) << "simulated restart: sessions and connections dropped";
    });
}

} // namespace sim
