#pragma once

#include <QWidget>

class PinnedCertificatesModel;
class QLabel;
class QPushButton;
class QTreeView;

/// Settings, Certificates: the pinned hosts with thumbprint, subject, validity and pinned
/// since, the full thumbprint of the selected one, and a button that removes its pin.
class CertificatesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CertificatesPage(QWidget *parent = nullptr);

    PinnedCertificatesModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSelection();
    void removeSelected();

    PinnedCertificatesModel *m_model;
    QTreeView *m_view;
    QLabel *m_empty;
    QLabel *m_detail;
    QPushButton *m_remove;
};
