#pragma once

#include <QList>
#include <QString>

namespace vim {

struct Description
{
    QString label;
    QString summary;
    bool operator==(const Description &) const = default;
};

struct ElementDescription
{
    QString label;
    QString summary;
    QString key;
    bool operator==(const ElementDescription &) const = default;
};

struct TypeDescription
{
    QString label;
    QString summary;
    QString key;
    bool operator==(const TypeDescription &) const = default;
};

/// TaskManager.description: localized labels for methods, states and reasons (§5.5).
struct TaskDescription
{
    QList<ElementDescription> methodInfo;
    QList<ElementDescription> state;
    QList<TypeDescription> reason;
    bool operator==(const TaskDescription &) const = default;
};

} // namespace vim
