#include "client/core/device_settings.h"

#include "client/core/local_database.h"

namespace gopy::client {

namespace {
constexpr const char* kServerAddress = "server_address";
constexpr const char* kToken = "token";
constexpr const char* kPin = "server_fingerprint";
constexpr const char* kSelectedConference = "selected_conference";
constexpr const char* kWelcome = "welcome";
constexpr const char* kDashboard = "dashboard";
}  // namespace

DeviceSettings::DeviceSettings(LocalDatabase& db) : db_(db)
{
    db_.exec("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
}

std::string DeviceSettings::serverAddress() const { return value(kServerAddress); }
void DeviceSettings::setServerAddress(const std::string& address) { setValue(kServerAddress, address); }
std::string DeviceSettings::token() const { return value(kToken); }
void DeviceSettings::setToken(const std::string& token) { setValue(kToken, token); }
std::string DeviceSettings::serverFingerprint() const { return value(kPin); }
void DeviceSettings::setServerFingerprint(const std::string& fingerprint) { setValue(kPin, fingerprint); }

std::int64_t DeviceSettings::selectedConference() const
{
    const std::string text = value(kSelectedConference);
    if (text.empty())
        return 0;
    try {
        return std::stoll(text);
    } catch (const std::exception&) {
        return 0;
    }
}

void DeviceSettings::setSelectedConference(std::int64_t conferenceId)
{
    setValue(kSelectedConference, std::to_string(conferenceId));
}

std::optional<proto::Welcome> DeviceSettings::welcome() const
{
    const std::string text = value(kWelcome);
    if (text.empty())
        return std::nullopt;
    auto decoded = proto::decode(text);
    if (!decoded)
        return std::nullopt;
    const auto* welcome = std::get_if<proto::Welcome>(&*decoded.message);
    if (welcome == nullptr)
        return std::nullopt;
    return *welcome;
}

void DeviceSettings::setWelcome(const proto::Welcome& welcome)
{
    proto::Welcome stored = welcome;
    // The token is kept under its own key only.
    stored.token.clear();
    setValue(kWelcome, proto::encode(stored));
}

std::optional<proto::Dashboard> DeviceSettings::dashboard() const
{
    const std::string text = value(kDashboard);
    if (text.empty())
        return std::nullopt;
    auto decoded = proto::decode(text);
    if (!decoded)
        return std::nullopt;
    const auto* dashboard = std::get_if<proto::Dashboard>(&*decoded.message);
    if (dashboard == nullptr)
        return std::nullopt;
    return *dashboard;
}

void DeviceSettings::setDashboard(const proto::Dashboard& dashboard)
{
    setValue(kDashboard, proto::encode(dashboard));
}

void DeviceSettings::forgetDevice()
{
    Transaction transaction(db_);
    removeValue(kToken);
    removeValue(kPin);
    removeValue(kWelcome);
    removeValue(kDashboard);
    removeValue(kSelectedConference);
    transaction.commit();
}

std::string DeviceSettings::value(const char* key) const
{
    Statement select(db_, "SELECT value FROM settings WHERE key = ?1");
    select.bind(1, std::string_view(key));
    if (!select.step())
        return {};
    return select.columnText(0);
}

void DeviceSettings::setValue(const char* key, const std::string& value)
{
    Statement(db_, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, std::string_view(key))
        .bind(2, value)
        .run();
}

void DeviceSettings::removeValue(const char* key)
{
    Statement(db_, "DELETE FROM settings WHERE key = ?1").bind(1, std::string_view(key)).run();
}

}  // namespace gopy::client
