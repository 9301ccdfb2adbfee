#pragma once

#include <QString>

#include <array>

namespace vim {

/// A VI/JSON enum value. Values this client does not know are kept verbatim, so they
/// survive a decode/encode round trip and can still be shown.
template <typename Traits>
class EnumValue
{
public:
    using Value = typename Traits::Value;

    EnumValue() = default;
    EnumValue(Value v) : m_raw(QLatin1String(Traits::names[static_cast<size_t>(v)])) {}
    static EnumValue fromString(const QString &raw)
    {
        EnumValue e;
        e.m_raw = raw;
        return e;
    }

    /// The known value, or Traits::Value::Unknown.
    Value value() const
    {
        for (size_t i = 0; i < Traits::names.size(); ++i) {
            if (m_raw == QLatin1String(Traits::names[i]))
                return static_cast<Value>(i);
        }
        return Value::Unknown;
    }
    bool isKnown() const { return value() != Value::Unknown; }
    const QString &toString() const { return m_raw; }
    bool operator==(const EnumValue &o) const = default;
    bool operator==(Value v) const { return value() == v; }

private:
    QString m_raw;
};

struct TaskInfoStateTraits
{
    enum class Value { Queued, Running, Success, Error, Unknown };
    static constexpr std::array names{"queued", "running", "success", "error"};
    static constexpr const char *typeName = "TaskInfoState";
};
using TaskInfoState = EnumValue<TaskInfoStateTraits>;

struct TaskFilterSpecRecursionOptionTraits
{
    enum class Value { Self, Children, All, Unknown };
    static constexpr std::array names{"self", "children", "all"};
    static constexpr const char *typeName = "TaskFilterSpecRecursionOption";
};
using TaskFilterSpecRecursionOption = EnumValue<TaskFilterSpecRecursionOptionTraits>;

struct TaskFilterSpecTimeOptionTraits
{
    enum class Value { QueuedTime, StartedTime, CompletedTime, Unknown };
    static constexpr std::array names{"queuedTime", "startedTime", "completedTime"};
    static constexpr const char *typeName = "TaskFilterSpecTimeOption";
};
using TaskFilterSpecTimeOption = EnumValue<TaskFilterSpecTimeOptionTraits>;

struct ObjectUpdateKindTraits
{
    enum class Value { Modify, Enter, Leave, Unknown };
    static constexpr std::array names{"modify", "enter", "leave"};
    static constexpr const char *typeName = "ObjectUpdateKind";
};
using ObjectUpdateKind = EnumValue<ObjectUpdateKindTraits>;

struct PropertyChangeOpTraits
{
    enum class Value { Add, Remove, Assign, IndirectRemove, Unknown };
    static constexpr std::array names{"add", "remove", "assign", "indirectRemove"};
    static constexpr const char *typeName = "PropertyChangeOp";
};
using PropertyChangeOp = EnumValue<PropertyChangeOpTraits>;

} // namespace vim
