#include "icons.h"

#include <vim/taskinfo.h>

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace {

QIcon tinted(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    const QPalette palette = QApplication::palette();
    svg.replace("#000000", palette.color(QPalette::Active, QPalette::WindowText).name().toLatin1());
    QByteArray disabledSvg = svg;
    disabledSvg.replace(palette.color(QPalette::Active, QPalette::WindowText).name().toLatin1(),
                        palette.color(QPalette::Disabled, QPalette::WindowText).name().toLatin1());
    QIcon icon;
    for (const auto &[data, mode] :
         {std::pair{svg, QIcon::Normal}, std::pair{disabledSvg, QIcon::Disabled}}) {
        QSvgRenderer renderer(data);
        for (int size : {16, 22, 24, 32, 48}) {
            QPixmap pm(size, size);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            renderer.render(&p);
            p.end();
            icon.addPixmap(pm, mode);
        }
    }
    return icon;
}

} // namespace

QIcon Icons::app()
{
    return QIcon(QStringLiteral(":/icons/vtaskmon.svg"));
}

QIcon Icons::action(Action action)
{
    struct Entry
    {
        const char *theme;
        const char *file;
    };
    static const Entry entries[] = {
        {"process-stop", "action-cancel"},       {"view-refresh", "action-refresh"},
        {"view-filter", "action-new-collector"}, {"document-new", "action-new-task"},
        {"document-save-as", "action-export"},
    };
    const Entry &e = entries[static_cast<int>(action)];
    const QIcon fallback = tinted(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(e.file)));
    return QIcon::fromTheme(QLatin1String(e.theme), fallback);
}

QIcon Icons::state(State state)
{
    // State icons carry meaning by colour and shape together, so ours are used even where the
    // theme has something similar: the list must look the same for every user.
    static const char *files[] = {"state-queued", "state-running",   "state-success",
                                  "state-error",  "state-cancelled", "state-unreported"};
    return QIcon(
        QStringLiteral(":/icons/%1.svg").arg(QLatin1String(files[static_cast<int>(state)])));
}

Icons::State Icons::stateOf(const vim::TaskInfo &info)
{
    using V = vim::TaskInfoState::Value;
    switch (info.state.value()) {
    case V::Queued:
        return State::Queued;
    case V::Running:
        return State::Running;
    case V::Success:
        return State::Success;
    case V::Error:
        return info.cancelled ? State::Cancelled : State::Error;
    case V::Unknown:
        break;
    }
    return State::Queued;
}
