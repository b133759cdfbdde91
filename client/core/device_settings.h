// What this device remembers between runs: server address, device token and id, role, the
// last Welcome (campaign, outline, conferences) and the selected conference. One key-value table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gopy/protocol.h"

namespace gopy::client {

class LocalDatabase;

class DeviceSettings {
public:
    /// Uses (creating if needed) the settings table of `db`, which must outlive this object.
    explicit DeviceSettings(LocalDatabase& db);

    /// Empty string when never set. Each setter commits durably. Throw LocalStoreError.
    std::string serverAddress() const;
    void setServerAddress(const std::string& address);
    std::string token() const;
    void setToken(const std::string& token);
    /// The pinned SHA-256 fingerprint of the server's certificate (64 hex digits), set at
    /// admission with the token; empty for a plain (ws://) server or before admission.
    std::string serverFingerprint() const;
    void setServerFingerprint(const std::string& fingerprint);
    std::int64_t selectedConference() const;
    void setSelectedConference(std::int64_t conferenceId);

    /// The last Welcome received (stored without its token); nullopt before the first one.
    std::optional<proto::Welcome> welcome() const;
    void setWelcome(const proto::Welcome& welcome);
    /// The last dashboard received (deadlines, organisations, suggestions); nullopt before one.
    std::optional<proto::Dashboard> dashboard() const;
    void setDashboard(const proto::Dashboard& dashboard);

    /// Forgets token, pinned fingerprint, welcome, dashboard and selected conference (the
    /// server address stays).
    void forgetDevice();

private:
    std::string value(const char* key) const;
    void setValue(const char* key, const std::string& value);
    void removeValue(const char* key);

    LocalDatabase& db_;
};

}  // namespace gopy::client
