#include "clioptions.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("vtaskmon-cli", text);
}
} // namespace

CliOptions::CliOptions()
{
    m_parser.setApplicationDescription(tr(
        "Headless vSphere task monitor.\n\nCommands:\n"
        "  tasks [--follow] [--json]        recent tasks (live with --follow)\n"
        "  history [filter] [--limit N]     task history, newest first\n"
        "  describe                         TaskManager.description labels\n"
        "  create-task --entity TYPE:ID --type TASKTYPEID [...]\n"
        "  create-collector [filter]        create a TaskHistoryCollector, print it and its page\n"
        "  cancel KEY                       cancel a task\n"
        "  max-collectors                   TaskManager.maxCollector\n\n"
        "The password comes from VTASKMON_PASSWORD or, with --password-stdin, from stdin.\n\n"
        "tasks without --follow tries a few times, then fails with one line on stderr. With\n"
        "--follow it keeps trying and says on stderr when the tasks stop or start being live,\n"
        "and why (once per change); with --json each such change is also a line\n"
        "{\"type\":\"state\",\"server\":…,\"state\":\"live|polling|retrying|recovering|"
        "reconnecting\",\n"
        "\"live\":bool,\"reason\":…,\"since\":…,\"nextAttempt\":…,\"time\":…} (times ISO 8601 "
        "UTC or\nnull). Task lines have no \"type\"."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(QStringLiteral("command"), tr("What to do (see above)."));
    m_parser.addOptions({
        {QStringLiteral("server"), tr("vCenter or ESXi host (host, host:port or URL)."),
         tr("host")},
        {QStringLiteral("user"), tr("User name to log in with."), tr("name")},
        {QStringLiteral("password-stdin"), tr("Read the password from the first line of stdin.")},
        {QStringLiteral("api-release"),
         tr("API release to use instead of negotiating, e.g. 8.0.1.0."), tr("release")},
        {QStringLiteral("locale"), tr("Session locale for server labels (default en)."),
         tr("locale"), QStringLiteral("en")},
        {QStringLiteral("insecure"), tr("Do not verify the server certificate.")},
        {QStringLiteral("trust-sha256"), tr("Trust the certificate with this SHA-256 thumbprint."),
         tr("hex")},
        {QStringLiteral("allow-http"), tr("Allow a plain http:// server URL.")},
        {QStringLiteral("demo"), tr("Start the embedded simulator and connect to it.")},
        {QStringLiteral("json"), tr("One JSON object per line.")},
        {QStringLiteral("verbose"),
         tr("Log what the engine does, and Qt's own warnings, on stderr.")},
        {QStringLiteral("follow"),
         tr("tasks: keep printing changes until interrupted; Ctrl-C or SIGTERM logs out "
            "first and exits with 130 or 143.")},
        {QStringLiteral("entity"), tr("Managed entity, e.g. VirtualMachine:vm-42."), tr("TYPE:ID")},
        {QStringLiteral("recursion"), tr("history: self, children or all (default all)."),
         tr("option")},
        {QStringLiteral("begin"), tr("history: from this time (ISO 8601 or -1h, -30m, -2d)."),
         tr("time")},
        {QStringLiteral("end"), tr("history: until this time."), tr("time")},
        {QStringLiteral("time-type"), tr("history: queuedTime, startedTime or completedTime."),
         tr("type")},
        {QStringLiteral("state"), tr("history: queued, running, success or error (repeatable)."),
         tr("state")},
        {QStringLiteral("initiator"), tr("history: tasks started by this user (repeatable)."),
         tr("user")},
        {QStringLiteral("system"), tr("history: include tasks started by the system.")},
        {QStringLiteral("limit"), tr("history: at most N tasks (default 100)."), tr("N"),
         QStringLiteral("100")},
        {QStringLiteral("page-size"), tr("Tasks per page read (default 50)."), tr("N"),
         QStringLiteral("50")},
        {QStringLiteral("type"), tr("create-task: the task type id."), tr("id")},
        {QStringLiteral("initiated-by"), tr("create-task: initiating user."), tr("user")},
        {QStringLiteral("cancelable"), tr("create-task: the task can be cancelled.")},
        {QStringLiteral("parent"), tr("create-task: parent task key."), tr("key")},
        {QStringLiteral("activation-id"), tr("create-task: activation id."), tr("id")},
    });
}

bool CliOptions::parse(const QStringList &arguments, QString *error)
{
    if (!m_parser.parse(arguments)) {
        *error = m_parser.errorText();
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("version")))
        return true;
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        *error = tr("No command given; see --help.");
        return false;
    }
    m_command = positional.first();
    m_arguments = positional.mid(1);
    return true;
}

bool CliOptions::connectOptions(ConnectOptions *options, QString *error) const
{
    options->server = value(QStringLiteral("server"));
    options->userName = value(QStringLiteral("user"));
    options->locale = value(QStringLiteral("locale"));
    options->apiRelease = value(QStringLiteral("api-release"));
    options->insecure = isSet(QStringLiteral("insecure"));
    options->allowHttp = isSet(QStringLiteral("allow-http"));
    if (isSet(QStringLiteral("trust-sha256"))) {
        const QString hex = value(QStringLiteral("trust-sha256")).remove(QLatin1Char(':'));
        const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
        if (raw.size() != 32) {
            *error = tr("--trust-sha256 needs 64 hex digits.");
            return false;
        }
        options->trustedSha256.append(raw);
    }
    if (isSet(QStringLiteral("password-stdin"))) {
        QTextStream in(stdin);
        options->password = in.readLine();
    } else {
        options->password = qEnvironmentVariable("VTASKMON_PASSWORD");
    }
    if (options->server.isEmpty() || options->userName.isEmpty()) {
        *error = tr("--server and --user are required (or use --demo).");
        return false;
    }
    return true;
}

bool CliOptions::parseMoRef(const QString &text, vim::ManagedObjectReference *ref)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return false;
    *ref = {text.left(colon), text.mid(colon + 1)};
    return true;
}

QDateTime CliOptions::parseTime(const QString &text, const QDateTime &now)
{
    static const QRegularExpression relative(QStringLiteral("^-(\\d+)([smhd])$"));
    const auto m = relative.match(text);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == QLatin1Char('s')   ? n
                               : unit == QLatin1Char('m') ? n * 60
                               : unit == QLatin1Char('h') ? n * 3600
                                                          : n * 86400;
        return now.addSecs(-seconds);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

bool CliOptions::taskFilter(vim::TaskFilterSpec *filter, QString *error) const
{
    if (isSet(QStringLiteral("entity"))) {
        vim::ManagedObjectReference ref;
        if (!parseMoRef(value(QStringLiteral("entity")), &ref)) {
            *error = tr("--entity must look like TYPE:ID, e.g. VirtualMachine:vm-42.");
            return false;
        }
        vim::TaskFilterSpecByEntity byEntity{ref, vim::TaskFilterSpecRecursionOption::Value::All};
        if (isSet(QStringLiteral("recursion"))) {
            byEntity.recursion =
                vim::TaskFilterSpecRecursionOption::fromString(value(QStringLiteral("recursion")));
            if (!byEntity.recursion.isKnown()) {
                *error = tr("--recursion must be self, children or all.");
                return false;
            }
        }
        filter->entity = byEntity;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (isSet(QStringLiteral("begin")) || isSet(QStringLiteral("end"))) {
        vim::TaskFilterSpecByTime byTime;
        if (isSet(QStringLiteral("time-type"))) {
            byTime.timeType =
                vim::TaskFilterSpecTimeOption::fromString(value(QStringLiteral("time-type")));
            if (!byTime.timeType.isKnown()) {
                *error = tr("--time-type must be queuedTime, startedTime or completedTime.");
                return false;
            }
        }
        for (const char *name : {"begin", "end"}) {
            const QString key = QLatin1String(name);
            if (!isSet(key))
                continue;
            const QDateTime t = parseTime(value(key), now);
            if (!t.isValid()) {
                *error = tr("--%1: not a time (ISO 8601 or relative like -1h).").arg(key);
                return false;
            }
            (key == QLatin1String("begin") ? byTime.beginTime : byTime.endTime) = t;
        }
        filter->time = byTime;
    }
    for (const QString &s : m_parser.values(QStringLiteral("state"))) {
        const auto state = vim::TaskInfoState::fromString(s);
        if (!state.isKnown()) {
            *error = tr("--state must be queued, running, success or error.");
            return false;
        }
        filter->state.append(state);
    }
    if (isSet(QStringLiteral("initiator")) || isSet(QStringLiteral("system")))
        filter->userName = vim::TaskFilterSpecByUsername{
            isSet(QStringLiteral("system")), m_parser.values(QStringLiteral("initiator"))};
    return true;
}
