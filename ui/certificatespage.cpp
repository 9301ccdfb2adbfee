#include "certificatespage.h"

#include "certificatetext.h"
#include "pinnedcertificatesmodel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

CertificatesPage::CertificatesPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new PinnedCertificatesModel(this))
{
    setObjectName(QStringLiteral("CertificatesPage"));
    auto *intro = new QLabel(
        tr("Certificates you chose to always trust, per host. A pinned host must present exactly "
           "this certificate; when it presents another one, you are asked before anything is "
           "sent to it. Removing a pin takes effect at the next connect."),
        this);
    intro->setWordWrap(true);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("pinnedCertificates"));
    m_view->setAccessibleName(tr("Pinned certificates"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setAllColumnsShowFocus(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    using M = PinnedCertificatesModel;
    for (const int column : {M::HostColumn, M::ValidityColumn, M::PinnedSinceColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(M::SubjectColumn, QHeaderView::Stretch);
    // Elided in the middle: the selected pin's full thumbprint is shown below the list.
    header->resizeSection(M::ThumbprintColumn, 230);

    m_empty = new QLabel(tr("No certificate is pinned. One is pinned when you choose “Always "
                            "trust” for it while connecting."),
                         this);
    m_empty->setObjectName(QStringLiteral("noPins"));
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("selectedThumbprint"));
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    m_detail->setAccessibleName(tr("SHA-256 thumbprint of the selected pin"));

    m_remove = new QPushButton(tr("&Remove Pin"), this);
    m_remove->setObjectName(QStringLiteral("removePin"));
    connect(m_remove, &QPushButton::clicked, this, &CertificatesPage::removeSelected);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_detail, 1);
    bottom->addWidget(m_remove, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);
    layout->addLayout(bottom);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CertificatesPage::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CertificatesPage::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CertificatesPage::updateSelection);
    updateSelection();
}

void CertificatesPage::showEvent(QShowEvent *event)
{
    // A pin may have been made or replaced since the page was built.
    m_model->reload();
    QWidget::showEvent(event);
}

void CertificatesPage::updateSelection()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_empty->setVisible(m_model->rowCount() == 0);
    m_remove->setEnabled(!rows.isEmpty());
    if (rows.isEmpty()) {
        m_detail->clear();
        return;
    }
    const PinnedCertificate &p = m_model->pinAt(rows.constFirst().row());
    if (p.isUsable()) {
        m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_detail->setText(CertificateText::thumbprint(p.sha256));
    } else {
        m_detail->setFont(font());
        m_detail->setText(tr("The pin for %1 cannot be used: %2. It is ignored when connecting; "
                             "remove it, or pin the certificate again.")
                              .arg(p.hostKey, p.problem));
    }
}

void CertificatesPage::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        m_model->removePin(rows.constFirst().row());
}
