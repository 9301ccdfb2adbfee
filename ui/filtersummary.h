#pragma once

#include <vim/taskfilterspec.h>

#include <QCoreApplication>
#include <QString>

class InventoryModel;

/// A TaskFilterSpec in words, for the History tab: "Tasks on web-01 and below · started since
/// 10:00 · by alice · failed".
class FilterSummary final
{
    Q_DECLARE_TR_FUNCTIONS(FilterSummary)
public:
    static QString describe(const vim::TaskFilterSpec &filter,
                            const InventoryModel *inventory = nullptr);
};
