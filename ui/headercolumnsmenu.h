#pragma once

#include <QObject>

class QHeaderView;

/// Gives a table header a context menu that shows and hides columns (drag to reorder), and
/// keeps at least one column visible.
class HeaderColumnsMenu final : public QObject
{
    Q_OBJECT
public:
    explicit HeaderColumnsMenu(QHeaderView *header);

private:
    void showMenu(const QPoint &pos);

    QHeaderView *m_header;
};
