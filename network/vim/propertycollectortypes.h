#pragma once

#include "anyvalue.h"
#include "enumvalue.h"
#include "methodfault.h"
#include "moref.h"

#include <QList>
#include <QString>

#include <optional>

namespace vim {

/// SelectionSpec or its subtype TraversalSpec (§7.2); `typeName` says which.
struct SelectionSpec
{
    QString typeName = QStringLiteral("SelectionSpec");
    std::optional<QString> name;
    // TraversalSpec only:
    QString type;
    QString path;
    std::optional<bool> skip;
    QList<SelectionSpec> selectSet;

    static SelectionSpec reference(const QString &name);
    static SelectionSpec traversal(const QString &type, const QString &path,
                                   std::optional<QString> name = {},
                                   std::optional<bool> skip = {});
    bool isTraversal() const { return typeName == QLatin1String("TraversalSpec"); }
    bool operator==(const SelectionSpec &) const = default;
};

struct PropertySpec
{
    QString type;
    std::optional<bool> all;
    QList<QString> pathSet;
    bool operator==(const PropertySpec &) const = default;
};

struct ObjectSpec
{
    ManagedObjectReference obj;
    std::optional<bool> skip;
    QList<SelectionSpec> selectSet;
    bool operator==(const ObjectSpec &) const = default;
};

struct PropertyFilterSpec
{
    QList<PropertySpec> propSet;
    QList<ObjectSpec> objectSet;
    std::optional<bool> reportMissingObjectsInResults;
    bool operator==(const PropertyFilterSpec &) const = default;
};

struct WaitOptions
{
    std::optional<qint32> maxWaitSeconds;
    std::optional<qint32> maxObjectUpdates;
    bool operator==(const WaitOptions &) const = default;
};

struct PropertyChange
{
    QString name;
    PropertyChangeOp op;
    std::optional<AnyValue> val;
    bool operator==(const PropertyChange &) const = default;
};

struct MissingProperty
{
    QString path;
    MethodFault fault;
    bool operator==(const MissingProperty &) const = default;
};

struct MissingObject
{
    ManagedObjectReference obj;
    MethodFault fault;
    bool operator==(const MissingObject &) const = default;
};

struct ObjectUpdate
{
    ObjectUpdateKind kind;
    ManagedObjectReference obj;
    QList<PropertyChange> changeSet;
    QList<MissingProperty> missingSet;
    bool operator==(const ObjectUpdate &) const = default;
};

struct PropertyFilterUpdate
{
    ManagedObjectReference filter;
    QList<ObjectUpdate> objectSet;
    QList<MissingObject> missingSet;
    bool operator==(const PropertyFilterUpdate &) const = default;
};

struct UpdateSet
{
    QString version;
    QList<PropertyFilterUpdate> filterSet;
    std::optional<bool> truncated;
    bool operator==(const UpdateSet &) const = default;
};

struct RetrieveOptions
{
    std::optional<qint32> maxObjects;
    bool operator==(const RetrieveOptions &) const = default;
};

struct DynamicProperty
{
    QString name;
    AnyValue val;
    bool operator==(const DynamicProperty &) const = default;
};

struct ObjectContent
{
    ManagedObjectReference obj;
    QList<DynamicProperty> propSet;
    QList<MissingProperty> missingSet;
    bool operator==(const ObjectContent &) const = default;
};

struct RetrieveResult
{
    std::optional<QString> token;
    QList<ObjectContent> objects;
    bool operator==(const RetrieveResult &) const = default;
};

} // namespace vim
