#include "vimerror.h"

QString VimError::toString() const
{
    if (kind == Kind::Fault && fault)
        return fault->typeName + QStringLiteral(": ") + message;
    return message;
}
