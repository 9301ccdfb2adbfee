#include "settingsdialog.h"

#include "certificatespage.h"
#include "uisettings.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_pageList(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_certificates(new CertificatesPage(this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));

    m_pageList->setObjectName(QStringLiteral("settingsPages"));
    m_pageList->setAccessibleName(tr("Settings pages"));
    m_pageList->setIconSize(QSize(24, 24));
    m_pageList->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_pageList->setFixedWidth(130);
    auto *item =
        new QListWidgetItem(QIcon::fromTheme(QStringLiteral("application-certificate"),
                                             QIcon::fromTheme(QStringLiteral("security-high"))),
                            tr("Certificates"), m_pageList);
    item->setData(Qt::UserRole, int(Page::Certificates));
    m_pages->addWidget(m_certificates);
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *body = new QHBoxLayout;
    body->addWidget(m_pageList);
    body->addWidget(m_pages, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    resize(1080, 480);
    restoreGeometry(UiSettings::settingsDialogGeometry.get());
    showPage(Page::Certificates);
}

SettingsDialog::~SettingsDialog()
{
    UiSettings::settingsDialogGeometry.set(saveGeometry());
}

void SettingsDialog::showPage(Page page)
{
    m_pageList->setCurrentRow(int(page));
}
