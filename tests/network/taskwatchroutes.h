#pragma once

#include "fakevcenter.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

/// Routes on a FakeVCenter for everything the task monitor calls to set up its watch
/// (PropertyCollector, ListView, TaskHistoryCollector, filters) and to tear it down. The first
/// WaitForUpdatesEx gets `firstUpdate` (an UpdateSet), later ones never get an answer.
inline void addTaskWatchRoutes(FakeVCenter &vc, const QByteArray &firstUpdate)
{
    const auto moref = [](const char *type, const char *value) {
        return HttpResponse::ok(R"({"_typeName":"ManagedObjectReference","type":")" +
                                QByteArray(type) + R"(","value":")" + value + R"("})");
    };
    vc.route("GET", "/description",
             HttpResponse::ok(
                 R"({"_typeName":"TaskDescription","methodInfo":[],"state":[],"reason":[]})"));
    vc.route("POST", "/CurrentTime", HttpResponse::ok(R"("2024-05-01T10:00:00.123456Z")"));
    vc.route("POST", "/CreatePropertyCollector", moref("PropertyCollector", "session[1]pc"));
    vc.route("POST", "/CreateListView", moref("ListView", "session[1]view"));
    vc.route("POST", "/CreateCollectorForTasks", moref("TaskHistoryCollector", "session[1]thc"));
    auto filters = std::make_shared<int>(0);
    vc.route("POST", "/CreateFilter", [filters](const HttpRequest &) {
        return HttpResponse::ok(
            R"({"_typeName":"ManagedObjectReference","type":"PropertyFilter","value":"session[1]f)" +
            QByteArray::number(++*filters) + R"("})");
    });
    for (const char *call : {"/SetCollectorPageSize", "/ResetCollector", "/DestroyPropertyFilter",
                             "/DestroyPropertyCollector", "/DestroyView", "/DestroyCollector"})
        vc.route("POST", call, HttpResponse::noContent());
    vc.route("GET", "/recentTask", HttpResponse::ok("[]"));
    vc.route("POST", "/ModifyListView", HttpResponse::ok("[]"));
    vc.route("POST", "/ReadNextTasks", HttpResponse::ok("[]"));
    auto waits = std::make_shared<int>(0);
    vc.route("POST", "/WaitForUpdatesEx", [waits, firstUpdate](const HttpRequest &) {
        return ++*waits == 1 ? HttpResponse::ok(firstUpdate) : HttpResponse::hang();
    });
}

/// A TaskInfo as JSON, running, with `extra` (`"name":value` pairs) appended.
inline QByteArray taskInfoJson(const QByteArray &key, const QByteArray &extra = {})
{
    return R"({"_typeName":"TaskInfo","key":")" + key +
           R"(","task":{"_typeName":"ManagedObjectReference","type":"Task","value":")" + key +
           R"("},"descriptionId":"VirtualMachine.powerOn","entityName":"web-01","state":"running","cancelled":false,"cancelable":true,"reason":{"_typeName":"TaskReasonUser","userName":"VSPHERE.LOCAL\\Administrator"},"queueTime":"2024-05-01T10:00:00.123456Z","eventChainId":1)" +
           extra + "}";
}

/// An UpdateSet whose collector filter reports `pageTasks` (TaskInfo JSON, comma-separated)
/// as the latest page and, if given, whose ListView filter reports `info` (one TaskInfo).
inline QByteArray taskUpdate(const QByteArray &pageTasks, const QByteArray &info = {})
{
    const auto ref = [](const char *type, const QByteArray &value) -> QByteArray {
        return R"({"_typeName":"ManagedObjectReference","type":")" + QByteArray(type) +
               R"(","value":")" + value + R"("})";
    };
    const auto filterUpdate = [&ref](const char *filter, const QByteArray &object,
                                     const char *property, const QByteArray &value) -> QByteArray {
        return R"({"_typeName":"PropertyFilterUpdate","filter":)" + ref("PropertyFilter", filter) +
               R"(,"objectSet":[{"_typeName":"ObjectUpdate","kind":"enter","obj":)" + object +
               R"(,"changeSet":[{"_typeName":"PropertyChange","name":")" + property +
               R"(","op":"assign","val":)" + value + "}]}]}";
    };
    QByteArray sets =
        filterUpdate("session[1]f2", ref("TaskHistoryCollector", "session[1]thc"), "latestPage",
                     R"({"_typeName":"ArrayOfTaskInfo","_value":[)" + pageTasks + "]}");
    if (!info.isEmpty()) {
        const QByteArray key =
            QJsonDocument::fromJson(info).object().value(QLatin1String("key")).toString().toUtf8();
        sets += ',' + filterUpdate("session[1]f1", ref("Task", key), "info", info);
    }
    return R"({"_typeName":"UpdateSet","version":"1","filterSet":[)" + sets + "]}";
}
