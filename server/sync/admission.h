// Admission of devices by one-time codes, and their tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gopy/model.h"
#include "gopy/protocol.h"

namespace gopy::server {

class Store;

/// Codes: 8 characters from an alphabet without 0/O/1/I/L, printed "ABCD-EFGH"; only their
/// SHA-256 is stored; one use; they expire. Five wrong codes from one remote within ten
/// minutes lock that remote for five minutes. Tokens: 32 random bytes in hex, stored hashed.
class Admission {
public:
    static constexpr int kMaxFailures = 5;
    /// Wrong codes from all addresses together (many laptops guessing in parallel).
    static constexpr int kMaxGlobalFailures = 50;
    /// The failures row that counts every address.
    static constexpr const char* kEveryAddress = "*";
    static constexpr Millis kFailureWindow = Millis{10} * 60 * 1000;
    static constexpr Millis kLockTime = Millis{5} * 60 * 1000;

    explicit Admission(Store& store) : store_(store) {}

    /// Creates a code for `role` (never Organiser: throws std::invalid_argument) and
    /// `conferenceId`, valid from `now` for `ttlSeconds` (> 0). Returns "ABCD-EFGH".
    /// The grassroots role needs `organisationId` of an existing grassroots organisation and
    /// is bound to the campaign's grassroots channel conference (`conferenceId` must be 0 or
    /// that conference); other roles take no organisation. Those refusals throw
    /// std::invalid_argument with a Vietnamese message.
    std::string createCode(Role role, std::int64_t conferenceId, int ttlSeconds, Millis now,
                           std::int64_t organisationId = 0);

    struct Admitted {
        std::string deviceId;
        std::string deviceName;
        Role role = Role::Delegate;
        std::int64_t conferenceId = 0;
        std::string token;
        std::int64_t organisationId = 0;  ///< grassroots role: its organisation
    };
    struct Result {
        std::optional<Admitted> admitted;
        std::optional<proto::Error> error;  ///< BadCode or Locked
    };
    /// Exchanges a code (dashes, spaces and lower case accepted) for a new device and token.
    /// A code already used with the same non-empty `requestId` (a retry after the welcome was
    /// lost) admits that same device again with a fresh token, within the code's validity, and
    /// counts as no failure. Wrong codes lock the address after kMaxFailures, and every address
    /// after kMaxGlobalFailures from all of them, within kFailureWindow, for kLockTime.
    Result admit(const std::string& code, const std::string& deviceName, const std::string& remote,
                 Millis now, const std::string& requestId = {});

    /// Upper case, without dashes and white space.
    static std::string normalise(const std::string& code);

private:
    /// The grassroots channel conference a grassroots code binds to, after checking the
    /// organisation; throws std::invalid_argument (Vietnamese) otherwise.
    std::int64_t grassrootsConference(std::int64_t conferenceId, std::int64_t organisationId);

    Store& store_;
};

}  // namespace gopy::server
