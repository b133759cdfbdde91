// The recorded outcome of client operations, so that a replay gets the same answer. The
// engine records refusals here; applied operations are found in the oplog.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gopy::server::store {

class Database;

struct OpOutcome {
    std::int64_t serverSeq = 0;  ///< the event's seq when applied; last applied seq if refused
    std::optional<std::string> nackCode;  ///< proto::ErrorCode name when refused
    std::string nackMessage;
    std::string opDigest;  ///< SHA-256 (hex) of the op as received; empty before version 5
};

class OpOutcomeTable {
public:
    explicit OpOutcomeTable(Database& db) : db_(db) {}

    void put(const std::string& deviceId, std::int64_t clientSeq, const OpOutcome& outcome);
    std::optional<OpOutcome> find(const std::string& deviceId, std::int64_t clientSeq);

private:
    Database& db_;
};

}  // namespace gopy::server::store
