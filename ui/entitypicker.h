#pragma once

#include <vim/moref.h>

#include <QComboBox>

class InventoryModel;

/// Picks a managed entity from the inventory: type to search by name (substring), the
/// popup shows name and type side by side.
class EntityPicker final : public QComboBox
{
    Q_OBJECT
public:
    explicit EntityPicker(InventoryModel *inventory, QWidget *parent = nullptr);

    /// The picked entity, or a null reference when the text matches none.
    vim::ManagedObjectReference entity() const;
    void setEntity(const vim::ManagedObjectReference &entity);

Q_SIGNALS:
    void entityChanged();
};
