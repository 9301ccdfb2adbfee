#pragma once

#include <vim/moref.h>

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace sim {

/// A ListView (explicit members) or ContainerView (entities below a container).
struct ObjectView
{
    QString moId;
    QString type;
    QList<vim::ManagedObjectReference> members; // ListView, in insertion order
    QSet<QString> memberIds;                    // ListView: the moIds in `members`
    QString container;                          // ContainerView
    QStringList types;                          // ContainerView; empty = every type
    bool recursive = false;                     // ContainerView
};

} // namespace sim
