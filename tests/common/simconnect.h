#pragma once

// How a client reaches an in-process simulator: shared by the test suites and the benchmarks
// (ConnectOptions is the client's, so this cannot live in the simulator library).

#include <simulator/simulator.h>
#include <vimconnection.h>

#include <QCryptographicHash>

namespace simtest {

/// The simulator's address and credentials; with `trust`, its self-signed certificate
/// trusted once by SHA-256 thumbprint, as `vtaskmon --demo` does.
inline ConnectOptions connectOptions(const sim::Simulator &simulator, bool trust = true)
{
    const sim::SimulatorOptions options = simulator.options();
    ConnectOptions c;
    c.server = simulator.baseUrl().toString();
    c.userName = options.userName;
    c.password = options.password;
    const QSslCertificate certificate = simulator.certificate();
    if (trust && !certificate.isNull())
        c.trustedSha256 = {certificate.digest(QCryptographicHash::Sha256)};
    return c;
}

} // namespace simtest
