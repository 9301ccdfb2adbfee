#pragma once

#include <vim/taskdescription.h>
#include <vim/taskinfo.h>

#include <QTextBrowser>

/// Every field of one TaskInfo, readably: names, entity, initiator and reason, times,
/// progress, the error with its messages and cause chain, the result, and links to the
/// parent and root task.
class TaskDetailsView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit TaskDetailsView(QWidget *parent = nullptr);

    /// `notice` (plain text) is shown above the details: a task the server no longer
    /// reports, or a list that is not live.
    void setTask(const std::optional<vim::TaskInfo> &info, const vim::TaskDescription *description,
                 const QString &notice = {});
    /// The HTML of the shown task; also what screen readers get.
    static QString toHtml(const vim::TaskInfo &info, const vim::TaskDescription *description);

Q_SIGNALS:
    /// A parent or root task key was clicked.
    void taskActivated(const QString &key);
};
