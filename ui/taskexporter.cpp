#include "taskexporter.h"

#include <tasktable.h>

#include <vim/codec.h>

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

} // namespace

QByteArray TaskExporter::toCsv(const QAbstractItemModel *model, const QHeaderView *header)
{
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QStringList lines;
    QStringList fields;
    for (int c : columns)
        fields.append(csvField(model->headerData(c, Qt::Horizontal).toString()));
    lines.append(fields.join(QLatin1Char(',')));
    for (int row = 0; row < model->rowCount(); ++row) {
        fields.clear();
        for (int c : columns) {
            // Times as ISO 8601: a spreadsheet reads them, "3 min ago" would age.
            const QVariant raw = model->index(row, c).data(TaskTable::RawRole);
            fields.append(csvField(raw.typeId() == QMetaType::QDateTime
                                       ? raw.toDateTime().toString(Qt::ISODateWithMs)
                                       : model->index(row, c).data().toString()));
        }
        lines.append(fields.join(QLatin1Char(',')));
    }
    return lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

QByteArray TaskExporter::toJson(const QAbstractItemModel *model)
{
    QJsonArray tasks;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QVariant info =
            model->index(row, TaskTable::TaskColumn).data(TaskTable::TaskInfoRole);
        if (info.isValid())
            tasks.append(vim::encode(info.value<vim::TaskInfo>()));
    }
    return QJsonDocument(tasks).toJson(QJsonDocument::Indented);
}
