// The audit trail: append-only, hash-chained records of who did what when (admissions and
// refusals, revocations, every applied operation, reports generated, backups and restores), in
// the database rather than a rotating text file. Each record's hash covers the previous hash
// and its own fields, so editing, deleting or reordering a record breaks the chain; the chain's
// head (last seq and hash, audit_head) moves in the same transaction, so cutting records off
// the end is seen too. What it cannot see: someone with write access to the file who rewrites
// the whole chain and its head (docs/security.md). Junk from unauthenticated peers is counted
// per kind in audit_counters, not recorded one by one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

struct AuditRecord {
    std::int64_t seq = 0;
    Millis at = 0;
    std::string kind;      ///< "admit", "admit.refused", "hello.refused", "revoke", "op", "report", …
    std::string deviceId;  ///< who, when known
    std::string address;   ///< from where, when known
    std::string detail;    ///< what, in words
    std::string prevHash;
    std::string hash;
    bool operator==(const AuditRecord&) const = default;
};

struct AuditCounter {
    std::string kind;
    std::int64_t count = 0;
    Millis firstAt = 0;
    Millis lastAt = 0;
};

/// The outcome of AuditTable::verify.
struct AuditVerdict {
    bool ok = true;
    std::int64_t records = 0;
    std::int64_t firstBad = 0;  ///< seq of the first record that does not fit, 0 if ok
    std::string problem;        ///< Vietnamese, empty if ok
};

class AuditTable {
public:
    explicit AuditTable(Database& db) : db_(db) {}

    /// Appends one record and moves the head. Call it inside a write transaction (the record,
    /// the head and what it records commit together).
    void append(Millis at, const std::string& kind, const std::string& deviceId,
                const std::string& address, const std::string& detail);
    /// Adds one to a counter of junk (created on first use).
    void count(const std::string& kind, Millis at);
    /// Records with seq > since, oldest first, at most `limit`; only of `deviceId` if not empty.
    std::vector<AuditRecord> since(std::int64_t since, std::size_t limit, const std::string& deviceId = {});
    std::vector<AuditCounter> counters();
    /// Walks the whole chain: seqs 1, 2, … without holes, each prev_hash the previous hash, each
    /// hash recomputed, and the head matching the last record.
    AuditVerdict verify();

    /// The hash of a record from its fields (SHA-256, lower-case hex).
    static std::string hashOf(const AuditRecord& record);

private:
    Database& db_;
};

}  // namespace gopy::server::store
