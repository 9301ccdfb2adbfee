#include "faults.h"

#include "faultexception.h"

#include <vim/codec.h>

namespace sim::faults {

namespace {
vim::MethodFault make(const char *type, const QString &text, const QJsonObject &fields = {})
{
    return vim::MethodFault::make(QLatin1String(type), text, fields);
}
} // namespace

vim::MethodFault notAuthenticated(const vim::ManagedObjectReference &object)
{
    return make("NotAuthenticated", QStringLiteral("The session is not authenticated."),
                {{QStringLiteral("object"), vim::encode(object)},
                 {QStringLiteral("privilegeId"), QStringLiteral("System.View")}});
}

vim::MethodFault noPermission(const vim::ManagedObjectReference &object, const QString &privilege)
{
    return make("NoPermission", QStringLiteral("Permission to perform this operation was denied."),
                {{QStringLiteral("object"), vim::encode(object)},
                 {QStringLiteral("privilegeId"), privilege}});
}

vim::MethodFault invalidLogin()
{
    return make("InvalidLogin", QStringLiteral("Cannot complete login due to an incorrect user "
                                               "name or password."));
}

vim::MethodFault invalidLocale()
{
    return make("InvalidLocale", QStringLiteral("The specified locale is not valid."));
}

vim::MethodFault invalidArgument(const QString &invalidProperty)
{
    return make("InvalidArgument",
                QStringLiteral("A specified parameter was not correct: ") + invalidProperty,
                {{QStringLiteral("invalidProperty"), invalidProperty}});
}

vim::MethodFault invalidState()
{
    return make("InvalidState",
                QStringLiteral("The operation is not allowed in the current state."));
}

vim::MethodFault notSupported()
{
    return make("NotSupported", QStringLiteral("The operation is not supported on the object."));
}

vim::MethodFault notFound()
{
    return make("NotFound", QStringLiteral("The object or item referred to could not be found."));
}

vim::MethodFault managedObjectNotFound(const vim::ManagedObjectReference &obj)
{
    return make("ManagedObjectNotFound",
                QStringLiteral("The object 'vim.%1:%2' has already been deleted or has not been "
                               "completely created")
                    .arg(obj.type, obj.value),
                {{QStringLiteral("obj"), vim::encode(obj)}});
}

vim::MethodFault requestCanceled()
{
    return make("RequestCanceled", QStringLiteral("The task was canceled by a user."));
}

vim::MethodFault invalidCollectorVersion()
{
    return make("InvalidCollectorVersion", QStringLiteral("The collector version is not valid."));
}

vim::MethodFault invalidProperty(const QString &name)
{
    return make("InvalidProperty", QStringLiteral("Property '%1' is not valid.").arg(name),
                {{QStringLiteral("name"), name}});
}

vim::MethodFault invalidType(const QString &argument)
{
    return make("InvalidType", QStringLiteral("Invalid type '%1'.").arg(argument),
                {{QStringLiteral("argument"), argument}});
}

vim::MethodFault invalidRequest(const QString &why)
{
    return make("InvalidRequest", QStringLiteral("The request is invalid: ") + why);
}

vim::MethodFault systemError(const QString &reason)
{
    return make("SystemError", QStringLiteral("A general system error occurred: ") + reason,
                {{QStringLiteral("reason"), reason}});
}

void raise(const vim::MethodFault &fault)
{
    throw FaultException(fault);
}

} // namespace sim::faults
