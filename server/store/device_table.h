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
    bool operator==(const DeviceRow&) const = default;
};

class DeviceTable {
public:
    explicit DeviceTable(Database& db) : db_(db) {}

    void insert(const DeviceRow& device);
    std::optional<DeviceRow> get(const std::string& id);
    /// The device holding this token hash (revoked ones included; check `revoked`).
    std::optional<DeviceRow> byTokenHash(const std::string& tokenHash);
    /// Marks the device revoked; false if there is no such device.
    bool revoke(const std::string& id);

private:
    Database& db_;
};

}  // namespace gopy::server::store
