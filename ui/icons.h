#pragma once

#include <QIcon>

namespace vim {
struct TaskInfo;
}

/// The application's icons: the platform theme's where it has one, else our SVGs from the
/// resource. Outline action icons are tinted with the palette's text colour so they stay
/// visible in dark mode.
class Icons final
{
public:
    enum class Action
    {
        Cancel,
        Refresh,
        NewCollector,
        NewTask,
        Export
    };
    enum class State
    {
        Queued,
        Running,
        Success,
        Error,
        Cancelled,
        Unreported ///< the server no longer reports the task
    };

    static QIcon app();
    static QIcon action(Action action);
    static QIcon state(State state);
    /// The icon for a task: cancelled tasks end in `error`, but get their own icon.
    static State stateOf(const vim::TaskInfo &info);
    static QIcon forTask(const vim::TaskInfo &info) { return state(stateOf(info)); }
};
