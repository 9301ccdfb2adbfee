// libFuzzer target for the VI/JSON codec: the first byte picks a top-level type, the rest
// is the document. Every input must end in a value or a DecodeError, and a decoded value
// must survive encode → decode unchanged.
#include <vim/codec.h>

#include <cstdint>
#include <cstdlib>

namespace {

template<typename T>
void roundTrip(const QByteArray &bytes)
{
    vim::ParseLimits limits;
    limits.maxBytes = 1 << 20;
    const vim::Result<T> first = vim::parse<T>(bytes, limits);
    if (!first.ok()) {
        if (first.error().message.isEmpty())
            std::abort();
        return;
    }
    const vim::Result<T> second = vim::decode<T>(vim::encode(first.value()));
    if (!second.ok() || !(second.value() == first.value()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 14) {
    case 0:
        roundTrip<vim::TaskInfo>(bytes);
        break;
    case 1:
        roundTrip<vim::MethodFault>(bytes);
        break;
    case 2:
        roundTrip<vim::UpdateSet>(bytes);
        break;
    case 3:
        roundTrip<vim::RetrieveResult>(bytes);
        break;
    case 4:
        roundTrip<vim::ServiceContent>(bytes);
        break;
    case 5:
        roundTrip<vim::UserSession>(bytes);
        break;
    case 6:
        roundTrip<vim::TaskDescription>(bytes);
        break;
    case 7:
        roundTrip<vim::TaskFilterSpec>(bytes);
        break;
    case 8:
        roundTrip<vim::PropertyFilterSpec>(bytes);
        break;
    case 9:
        roundTrip<QList<vim::TaskInfo>>(bytes);
        break;
    case 10:
        roundTrip<vim::Extension>(bytes);
        break;
    case 11:
        roundTrip<vim::AnyValue>(bytes);
        break;
    case 12:
        roundTrip<QList<vim::ManagedObjectReference>>(bytes);
        break;
    default:
        roundTrip<vim::TaskInfoFilterSpec>(bytes);
        break;
    }
    return 0;
}
