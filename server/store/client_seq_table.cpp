#include "server/store/client_seq_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

ClientSeq ClientSeqTable::get(const std::string& deviceId) {
    auto q = db_.query("SELECT last_seq, last_server_seq FROM client_seqs WHERE device_id = ?");
    q->bind(1, deviceId);
    if (!q->step()) return {};
    return {q->getInt(0), q->getInt(1)};
}

void ClientSeqTable::put(const std::string& deviceId, const ClientSeq& seq) {
    auto q = db_.query(
        "INSERT INTO client_seqs (device_id, last_seq, last_server_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, "
        "last_server_seq = excluded.last_server_seq");
    q->bind(1, deviceId).bind(2, seq.lastSeq).bind(3, seq.lastServerSeq);
    q->exec();
}

}  // namespace gopy::server::store
