#pragma once

#include <vimconnection.h>

#include <vim/taskfilterspec.h>

#include <QCommandLineParser>
#include <QDateTime>

/// Command-line parsing for vtaskmon-cli: connection options and the task filter options
/// shared by `history` and `create-collector`.
class CliOptions final
{
public:
    CliOptions();

    /// Parses; on failure returns false with a one-line error.
    bool parse(const QStringList &arguments, QString *error);

    QCommandLineParser &parser() { return m_parser; }
    QString command() const { return m_command; }
    QStringList arguments() const { return m_arguments; }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }

    /// Server, user and TLS options; the password comes from the environment or stdin.
    bool connectOptions(ConnectOptions *options, QString *error) const;
    bool taskFilter(vim::TaskFilterSpec *filter, QString *error) const;
    /// `TYPE:ID` → MoRef.
    static bool parseMoRef(const QString &text, vim::ManagedObjectReference *ref);
    /// ISO 8601 or relative to now (`-1h`, `-30m`, `-2d`, `-45s`).
    static QDateTime parseTime(const QString &text, const QDateTime &now);

private:
    QCommandLineParser m_parser;
    QString m_command;
    QStringList m_arguments;
};
