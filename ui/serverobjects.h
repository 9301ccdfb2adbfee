#pragma once

#include <vim/moref.h>

class VimConnection;

/// Cleanup for server objects that a dialog or a model made and may no longer be there to
/// destroy (closed or destroyed while its call was in flight). Everything here runs in the
/// connection's context, so it outlives whoever made the object.
namespace ServerObjects {

/// A create got no answer (mayHaveTakenEffect()): the server may hold an object nobody can
/// name, counting against per-session limits such as maxCollector until the session ends.
/// Replaces the current session with VimConnection::renewSession(), unless that session has
/// ended first. Deferred, so that a call aborted by disconnectFromServer() or by the
/// connection's destruction replaces nothing; while reconnecting it waits for Connected.
void replaceSessionIfLost(VimConnection *connection, const char *what);

/// Destroys a ContainerView, ListView or TaskHistoryCollector; when the destroy fails in a
/// way that may leave the object on the server, the session is replaced as above.
void destroy(VimConnection *connection, const vim::ManagedObjectReference &object);

} // namespace ServerObjects
