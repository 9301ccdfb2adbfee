#pragma once

#include <QByteArray>

class QAbstractItemModel;
class QHeaderView;

/// Writes what a task table shows: CSV of the visible columns in their on-screen order, or
/// JSON with the full TaskInfo of every visible row (as the server sent it, via vim::encode).
class TaskExporter final
{
public:
    static QByteArray toCsv(const QAbstractItemModel *model, const QHeaderView *header);
    static QByteArray toJson(const QAbstractItemModel *model);
};
