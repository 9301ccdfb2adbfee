#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

/// One typed entry in the application settings: its key sits beside its type and default,
/// so a key is spelled once and a value is never read with the wrong type.
template<typename T>
class SettingValue final
{
public:
    SettingValue(const char *key, T defaultValue = T{})
        : m_key(QLatin1String(key))
        , m_default(std::move(defaultValue))
    {}

    T get() const
    {
        const QVariant v = QSettings().value(m_key);
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }
    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void remove() const { QSettings().remove(m_key); }
    const QString &key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};
