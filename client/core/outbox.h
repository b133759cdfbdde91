// The durable outbox: every edit made on this device is written here (and synced to disk)
// BEFORE the UI shows it as saved, with the next client sequence number of this device.
// Entries leave the outbox only when the server acknowledged (or refused) them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gopy/protocol.h"

namespace gopy::client {

class LocalDatabase;

class Outbox {
public:
    struct Entry {
        std::int64_t clientSeq = 0;
        proto::OpRequest request;  ///< clientId, clientSeq, conferenceId, op as they are sent
        Millis createdAt = 0;
    };

    /// Uses (creating if needed) the outbox tables of `db`, which must outlive this object.
    explicit Outbox(LocalDatabase& db);

    /// Durably appends `op` for `conferenceId` with the next client sequence number of the
    /// current client (see setClient) and returns the entry. The sequence counter and the entry
    /// are written in one committed transaction. Throws LocalStoreError (disk full, I/O error).
    Entry append(std::int64_t conferenceId, const proto::Operation& op, Millis now);

    /// Unsent entries in ascending client_seq order.
    std::vector<Entry> pending() const;
    /// Removes the entry (acknowledged or refused). Returns false if it was not there.
    bool remove(std::int64_t clientSeq);
    /// Number of entries not yet acknowledged.
    int size() const;

    /// The device id the sequence numbers belong to ("" before the first admission).
    std::string clientId() const;
    /// The sequence number the next append will get (1 for a new device).
    std::int64_t nextSeq() const;

    /// Switches to another device id (a new admission): sequence numbers restart at 1 and the
    /// entries still in the outbox are renumbered 1, 2, … in their order so the unsent work is
    /// sent by the new device. Does nothing when `clientId` is the current one.
    void setClient(const std::string& clientId);
    /// Renumbers the entries still in the outbox from `firstSeq` on, in order (the server
    /// expects an earlier sequence number than the outbox holds: nothing of it was applied).
    void renumberFrom(std::int64_t firstSeq);

private:
    LocalDatabase& db_;
};

}  // namespace gopy::client
