// One-time admission codes (hashed) and the wrong-guess counter per remote address.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

struct AdmissionCode {
    std::string codeHash;  ///< lower-case hex SHA-256 of the normalised code
    Role role = Role::Delegate;
    std::int64_t conferenceId = 0;
    Millis createdAt = 0;
    Millis expiresAt = 0;
    Millis usedAt = 0;  ///< 0 while unused
    std::int64_t organisationId = 0;  ///< grassroots role: the organisation the device reports for
    std::string requestHash;  ///< SHA-256 of the admit's request_id that used it ("" if none)
    std::string deviceId;     ///< the device it admitted ("" while unused)
    bool operator==(const AdmissionCode&) const = default;
};

struct AdmissionFailures {
    int failures = 0;
    Millis firstAt = 0;
    Millis lockedUntil = 0;
    bool operator==(const AdmissionFailures&) const = default;
};

class AdmissionTable {
public:
    explicit AdmissionTable(Database& db) : db_(db) {}

    void insertCode(const AdmissionCode& code);
    std::optional<AdmissionCode> findCode(const std::string& codeHash);
    /// Marks the code used at `at` if it was still unused; false if someone used it first.
    bool markUsed(const std::string& codeHash, Millis at, const std::string& requestHash = {},
                  const std::string& deviceId = {});

    /// Wrong guesses recorded for `remote` ({0, 0, 0} if none).
    AdmissionFailures failures(const std::string& remote);
    void putFailures(const std::string& remote, const AdmissionFailures& failures);
    void clearFailures(const std::string& remote);

private:
    Database& db_;
};

}  // namespace gopy::server::store
