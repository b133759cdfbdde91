// Exactly-once bookkeeping: the last client sequence applied per device.
#pragma once

#include <cstdint>
#include <string>

namespace gopy::server::store {

class Database;

struct ClientSeq {
    std::int64_t lastSeq = 0;        ///< last client_seq handled (applied or refused)
    std::int64_t lastServerSeq = 0;  ///< server seq of the last applied one
};

class ClientSeqTable {
public:
    explicit ClientSeqTable(Database& db) : db_(db) {}

    /// {0, 0} for a device that never sent an operation.
    ClientSeq get(const std::string& deviceId);
    void put(const std::string& deviceId, const ClientSeq& seq);

private:
    Database& db_;
};

}  // namespace gopy::server::store
