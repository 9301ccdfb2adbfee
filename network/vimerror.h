#pragma once

#include <vim/methodfault.h>

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <optional>

/// Why a call failed: a vim fault from the server, or a transport problem. `message` is
/// always a sentence a user can read.
struct VimError
{
    enum class Kind
    {
        None,
        Fault,    ///< HTTP 500 with a MethodFault body; see `fault`
        Network,  ///< connection refused, reset, host not found, ...
        Timeout,  ///< no complete answer within the request timeout
        Tls,      ///< certificate not trusted; see `peerChain`
        Http,     ///< an unexpected HTTP status (404 for an unknown release, ...)
        Decode,   ///< the answer was not what the API promises (bad JSON, wrong types, too big)
        Canceled, ///< the caller aborted the request
    };

    Kind kind = Kind::None;
    QString message;
    std::optional<vim::MethodFault> fault;
    int httpStatus = 0;
    QList<QSslError> sslErrors;
    QList<QSslCertificate> peerChain;

    static VimError make(Kind kind, const QString &message, int httpStatus = 0)
    {
        VimError e;
        e.kind = kind;
        e.message = message;
        e.httpStatus = httpStatus;
        return e;
    }

    bool isError() const { return kind != Kind::None; }
    /// The server may have carried the call out all the same: no answer arrived (cut off,
    /// timed out, aborted), or one that could not be read. A fault is a refusal and a TLS
    /// failure comes before the request is sent; neither did anything.
    bool mayHaveTakenEffect() const
    {
        return isError() && kind != Kind::Fault && kind != Kind::Tls;
    }
    /// True for a fault of `type` or a subtype of it.
    bool isFault(const QString &type) const { return fault && fault->isA(type); }
    QString faultType() const { return fault ? fault->typeName : QString(); }
    /// One line for logs and stderr: `NotSupported: The operation is not supported.`
    QString toString() const;
};
