// libFuzzer target for HTTP response handling: the first byte picks a status, the rest is
// the body. Every answer must end in a value or an error with a readable message, and a
// value must decode into the types a client asks for, or fail cleanly.
#include <vimanswer.h>

#include <vim/codec.h>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 204, 500, 404, 400, 503, 201, 302};
    if (size < 1)
        return 0;
    const int status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    vim::ParseLimits limits;
    limits.maxBytes = 1 << 20;
    QJsonValue value;
    const VimError error =
        VimAnswer::interpret(QStringLiteral("Fuzz/fuzz/Op"), status, body, limits, &value);
    if (error.isError()) {
        if (error.message.trimmed().isEmpty() || !value.isUndefined())
            std::abort();
        if (error.kind == VimError::Kind::Fault &&
            (!error.fault || error.fault->typeName.isEmpty()))
            std::abort();
        return 0;
    }
    if (status < 200 || status >= 300)
        std::abort();
    if (value.isUndefined())
        return 0;
    (void)vim::decode<QList<vim::TaskInfo>>(value);
    (void)vim::decode<vim::UpdateSet>(value);
    (void)vim::decode<vim::ServiceContent>(value);
    (void)vim::decode<vim::RetrieveResult>(value);
    (void)vim::decode<qint32>(value);
    return 0;
}
