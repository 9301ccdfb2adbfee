#pragma once

#include <QDialog>

class CertificatesPage;
class QListWidget;
class QStackedWidget;

/// Settings > Configure: a list of pages on the left (Certificates so far), the page on the
/// right. Every change applies at once; Close only closes.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Page
    {
        Certificates
    };

    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);
    CertificatesPage *certificatesPage() const { return m_certificates; }

private:
    QListWidget *m_pageList;
    QStackedWidget *m_pages;
    CertificatesPage *m_certificates;
};
