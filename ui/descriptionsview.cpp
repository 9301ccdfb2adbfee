#include "descriptionsview.h"

#include "headercolumnsmenu.h"
#include "uisettings.h"

#include <taskdescriptionmodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

DescriptionsView::DescriptionsView(TaskDescriptionModel *model, QWidget *parent)
    : QWidget(parent)
{
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("descriptionCategory"));
    m_category->setAccessibleName(tr("Category"));
    m_category->addItem(tr("All categories"), -1);
    for (auto c : {TaskDescriptionModel::Category::Method, TaskDescriptionModel::Category::State,
                   TaskDescriptionModel::Category::Reason})
        m_category->addItem(TaskDescriptionModel::categoryName(c), int(c));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("descriptionSearch"));
    m_search->setAccessibleName(tr("Search descriptions"));
    m_search->setPlaceholderText(tr("Search key, label or summary"));
    m_search->setClearButtonEnabled(true);

    // Two proxies: one on the raw category, one on free text over every column.
    m_categoryProxy = new QSortFilterProxyModel(this);
    m_categoryProxy->setSourceModel(model);
    m_categoryProxy->setFilterKeyColumn(TaskDescriptionModel::CategoryColumn);
    m_categoryProxy->setFilterRole(TaskDescriptionModel::RawRole);
    m_textProxy = new QSortFilterProxyModel(this);
    m_textProxy->setSourceModel(m_categoryProxy);
    m_textProxy->setFilterKeyColumn(-1);
    m_textProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_textProxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("descriptionsView"));
    m_view->setAccessibleName(tr("Task descriptions"));
    m_view->setModel(m_textProxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->sortByColumn(TaskDescriptionModel::KeyColumn, Qt::AscendingOrder);
    m_view->header()->resizeSection(TaskDescriptionModel::CategoryColumn, 110);
    m_view->header()->resizeSection(TaskDescriptionModel::KeyColumn, 300);
    m_view->header()->resizeSection(TaskDescriptionModel::LabelColumn, 300);
    new HeaderColumnsMenu(m_view->header());
    m_view->header()->restoreState(UiSettings::descriptionsHeader.get());

    auto *bar = new QHBoxLayout;
    auto *categoryLabel = new QLabel(tr("&Category:"), this);
    categoryLabel->setBuddy(m_category);
    bar->addWidget(categoryLabel);
    bar->addWidget(m_category);
    bar->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_category, &QComboBox::currentIndexChanged, this, &DescriptionsView::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &DescriptionsView::updateFilter);
}

DescriptionsView::~DescriptionsView()
{
    UiSettings::descriptionsHeader.set(m_view->header()->saveState());
}

void DescriptionsView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void DescriptionsView::updateFilter()
{
    const int category = m_category->currentData().toInt();
    m_categoryProxy->setFilterFixedString(category < 0 ? QString() : QString::number(category));
    m_textProxy->setFilterFixedString(m_search->text());
}
