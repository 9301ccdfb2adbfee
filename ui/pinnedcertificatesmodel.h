#pragma once

#include "truststore.h"

#include <QAbstractTableModel>

/// The trust store's pins as a table for the Certificates settings page: host, SHA-256
/// thumbprint, subject, validity and pinned since; unreadable pins show their problem.
class PinnedCertificatesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        HostColumn,
        ThumbprintColumn,
        SubjectColumn,
        ValidityColumn,
        PinnedSinceColumn,
        ColumnCount
    };
    enum Role
    {
        HostKeyRole = Qt::UserRole + 1,
        /// True for a pin whose stored value cannot be used.
        UnreadableRole
    };

    explicit PinnedCertificatesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const PinnedCertificate &pinAt(int row) const { return m_pins.at(row); }
    /// Reads the trust store again.
    void reload();
    /// Unpins the host of `row` in the trust store and drops the row.
    void removePin(int row);

private:
    QList<PinnedCertificate> m_pins;
};
