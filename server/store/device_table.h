// Admitted devices. Only the SHA-256 of each device token is stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

struct DeviceRow {
    std::string id;
    std::string name;
    Role role = Role::Delegate;
    std::int64_t conferenceId = 0;
    std::string tokenHash;  ///< lower-case hex SHA-256 of the token
    Millis createdAt = 0;
    bool revoked = false;
    std::int64_t organisationId = 0;  ///< grassroots role: the organisation it reports for
    Millis lastSeenAt = 0;            ///< its last admission or hello (0: never since v5)
    std::string lastAddress;          ///< the peer address it last connected from
    Millis revokedAt = 0;
    bool operator==(const DeviceRow&) const = default;
};

class DeviceTable {
public:
    explicit DeviceTable(Database& db) : db_(db) {}

    void insert(const DeviceRow& device);
    std::optional<DeviceRow> get(const std::string& id);
    /// The device holding this token hash (revoked ones included; check `revoked`).
    std::optional<DeviceRow> byTokenHash(const std::string& tokenHash);
    /// Marks the device revoked (at `at`, 0 if unknown); false if there is no such device.
    bool revoke(const std::string& id, Millis at = 0);
    /// Gives the device a new token (its hash); the old token stops working.
    void setTokenHash(const std::string& id, const std::string& tokenHash);
    /// Every device, in admission order.
    std::vector<DeviceRow> all();
    /// Records that the device connected (admission or hello) from `address` at `at`.
    void touch(const std::string& id, const std::string& address, Millis at);

private:
    Database& db_;
};

}  // namespace gopy::server::store
