#pragma once

#include <QSslCertificate>
#include <QSslKey>

/// A self-signed certificate for 127.0.0.1, made at test time (no key material in the repo).
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    static TestCertificate generate(const QByteArray &commonName);
};
