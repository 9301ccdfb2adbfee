#include "headercolumnsmenu.h"

#include <QHeaderView>
#include <QMenu>

HeaderColumnsMenu::HeaderColumnsMenu(QHeaderView *header)
    : QObject(header)
    , m_header(header)
{
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &HeaderColumnsMenu::showMenu);
}

void HeaderColumnsMenu::showMenu(const QPoint &pos)
{
    QMenu menu(m_header);
    const int count = m_header->count();
    const int visible = count - m_header->hiddenSectionCount();
    for (int visual = 0; visual < count; ++visual) {
        const int logical = m_header->logicalIndex(visual);
        const QString title = m_header->model()->headerData(logical, Qt::Horizontal).toString();
        QAction *a = menu.addAction(title);
        a->setCheckable(true);
        a->setChecked(!m_header->isSectionHidden(logical));
        a->setEnabled(m_header->isSectionHidden(logical) || visible > 1);
        connect(a, &QAction::toggled, m_header,
                [this, logical](bool on) { m_header->setSectionHidden(logical, !on); });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Show All Columns")), &QAction::triggered, m_header, [this] {
        for (int i = 0; i < m_header->count(); ++i)
            m_header->setSectionHidden(i, false);
    });
    menu.exec(m_header->mapToGlobal(pos));
}
