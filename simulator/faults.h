#pragma once

#include <vim/methodfault.h>
#include <vim/moref.h>

#include <QString>

/// Builders for the faults of §4.3, with the SOAP-style `faultstring` texts.
namespace sim::faults {

vim::MethodFault notAuthenticated(const vim::ManagedObjectReference &object);
vim::MethodFault noPermission(const vim::ManagedObjectReference &object, const QString &privilege);
vim::MethodFault invalidLogin();
vim::MethodFault invalidLocale();
vim::MethodFault invalidArgument(const QString &invalidProperty);
vim::MethodFault invalidState();
vim::MethodFault notSupported();
vim::MethodFault notFound();
vim::MethodFault managedObjectNotFound(const vim::ManagedObjectReference &obj);
vim::MethodFault requestCanceled();
vim::MethodFault invalidCollectorVersion();
vim::MethodFault invalidProperty(const QString &name);
vim::MethodFault invalidType(const QString &argument);
vim::MethodFault invalidRequest(const QString &why);
vim::MethodFault systemError(const QString &reason);

/// Throws FaultException(fault).
[[noreturn]] void raise(const vim::MethodFault &fault);

} // namespace sim::faults
