#pragma once
// SettingsEntry<T>: one console setting declared once with its key, type and default, so no string key
// is repeated across files and a typo cannot silently create a second setting.

#include <QSettings>
#include <QString>
#include <QVariant>

namespace hcn::ui {

template <typename T> class SettingsEntry
{
public:
    SettingsEntry(QString key, T defaultValue) : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    const QString& key() const { return m_key; }
    const T& defaultValue() const { return m_default; }

    T value() const
    {
        const QVariant stored = QSettings().value(m_key);
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : m_default;
    }
    void setValue(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(m_key); }

private:
    QString m_key;
    T m_default;
};

} // namespace hcn::ui
