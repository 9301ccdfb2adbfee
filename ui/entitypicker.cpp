#include "entitypicker.h"

#include "inventorymodel.h"

#include <QCompleter>
#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>

EntityPicker::EntityPicker(InventoryModel *inventory, QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(inventory);
    setModelColumn(InventoryModel::NameColumn);
    auto *view = new QTreeView(this);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAllColumnsShowFocus(true);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->hide();
    setView(view);
    setMinimumContentsLength(24);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    lineEdit()->setPlaceholderText(tr("Type to search by name"));
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    setCurrentIndex(-1);
    connect(this, &QComboBox::currentIndexChanged, this, &EntityPicker::entityChanged);
    connect(this, &QComboBox::editTextChanged, this, &EntityPicker::entityChanged);
}

vim::ManagedObjectReference EntityPicker::entity() const
{
    // The typed text decides: a stale index from an earlier pick must not survive an edit.
    const int row = findText(currentText(), Qt::MatchFixedString);
    if (row < 0)
        return {};
    return InventoryModel::refAt(model()->index(row, InventoryModel::NameColumn));
}

void EntityPicker::setEntity(const vim::ManagedObjectReference &entity)
{
    setCurrentIndex(static_cast<InventoryModel *>(model())->rowOf(entity));
}
