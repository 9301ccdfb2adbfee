#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// vtaskmon-cli end to end with its embedded simulator (--demo).
class tst_Cli final : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(VTASKMON_CLI_PATH), arguments);
        Run r;
        if (!p.waitForFinished(30'000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput())
                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        r.err = QString::fromUtf8(p.readAllStandardError())
                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return r;
    }

    static QJsonObject json(const QString &line)
    {
        return QJsonDocument::fromJson(line.toUtf8()).object();
    }

private Q_SLOTS:
    void tasksJsonSnapshot()
    {
        // When the recent tasks are listed as JSON
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("tasks"), QStringLiteral("--json")});
        // Then it succeeds with one complete object per line
        QCOMPARE(r.exitCode, 0);
        for (const QString &line : r.out) {
            const QJsonObject o = json(line);
            for (const char *key :
                 {"key", "name", "descriptionId", "label", "entity", "entityName", "state",
                  "progress", "cancelable", "cancelled", "initiator", "reason", "queueTime",
                  "startTime", "completeTime", "error", "server"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            QVERIFY(o.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("task-")));
        }
    }

    void describeJson()
    {
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("describe"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.size() > 5);
        QStringList categories;
        for (const QString &line : r.out)
            categories.append(json(line).value(QStringLiteral("category")).toString());
        QVERIFY(categories.contains(QStringLiteral("method")));
        QVERIFY(categories.contains(QStringLiteral("state")));
    }

    void maxCollectors()
    {
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("max-collectors")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringList{QStringLiteral("32")});
    }

    void historyHonoursTheLimit()
    {
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("history"), QStringLiteral("--limit"),
                 QStringLiteral("3"), QStringLiteral("--begin"), QStringLiteral("-1h"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.size() <= 3);
    }

    void cancelUnknownTaskFails()
    {
        // When an unknown task is cancelled
        const Run r = run(
            {QStringLiteral("--demo"), QStringLiteral("cancel"), QStringLiteral("task-999999")});
        // Then the exit code is non-zero and stderr holds exactly one line
        QVERIFY(r.exitCode > 0);
        QCOMPARE(r.err.size(), 1);
        QVERIFY(r.out.isEmpty());
    }

    void unknownCommandFails()
    {
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("frobnicate")});
        QVERIFY(r.exitCode > 0);
        QCOMPARE(r.err.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
