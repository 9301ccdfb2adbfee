#include "pinnedcertificatesmodel.h"

#include "certificatetext.h"

#include <QFontDatabase>

PinnedCertificatesModel::PinnedCertificatesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    reload();
}

int PinnedCertificatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pins.size());
}

int PinnedCertificatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PinnedCertificatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PinnedCertificate &p = m_pins.at(index.row());
    switch (role) {
    case HostKeyRole:
        return p.hostKey;
    case UnreadableRole:
        return !p.isUsable();
    case Qt::FontRole:
        if (index.column() == ThumbprintColumn && p.isUsable())
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case HostColumn:
        return p.hostKey;
    case ThumbprintColumn:
        return p.isUsable() ? CertificateText::thumbprint(p.sha256)
                            : tr("Unreadable: %1", "a pinned certificate").arg(p.problem);
    case SubjectColumn:
        return p.subject.isEmpty() ? CertificateText::dateTime({}) : p.subject;
    case ValidityColumn:
        return p.notAfter.isValid() ? CertificateText::validity({}, p.notAfter)
                                    : CertificateText::dateTime({});
    case PinnedSinceColumn:
        return CertificateText::dateTime(p.pinnedSince);
    default:
        return {};
    }
}

QVariant PinnedCertificatesModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case ThumbprintColumn:
        return tr("SHA-256 thumbprint");
    case SubjectColumn:
        return tr("Subject");
    case ValidityColumn:
        return tr("Valid", "certificate validity period");
    case PinnedSinceColumn:
        return tr("Pinned since");
    default:
        return {};
    }
}

void PinnedCertificatesModel::reload()
{
    beginResetModel();
    m_pins = TrustStore::pins();
    endResetModel();
}

void PinnedCertificatesModel::removePin(int row)
{
    if (row < 0 || row >= m_pins.size())
        return;
    TrustStore::unpin(m_pins.at(row).hostKey);
    beginRemoveRows({}, row, row);
    m_pins.removeAt(row);
    endRemoveRows();
}
