#include "server/store/op_outcome_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

void OpOutcomeTable::put(const std::string& deviceId, std::int64_t clientSeq,
                         const OpOutcome& outcome) {
    auto q = db_.query(
        "INSERT OR REPLACE INTO op_outcomes (device_id, client_seq, server_seq, nack_code, "
        "nack_message, op_digest) VALUES (?, ?, ?, ?, ?, nullif(?, ''))");
    q->bind(1, deviceId).bind(2, clientSeq).bind(3, outcome.serverSeq).bind(4, outcome.nackCode);
    if (outcome.nackCode) {
        q->bind(5, outcome.nackMessage);
    } else {
        q->bindNull(5);
    }
    q->bind(6, outcome.opDigest);
    q->exec();
}

std::optional<OpOutcome> OpOutcomeTable::find(const std::string& deviceId,
                                              std::int64_t clientSeq) {
    auto q = db_.query(
        "SELECT server_seq, nack_code, nack_message, coalesce(op_digest, '') FROM op_outcomes "
        "WHERE device_id = ? AND client_seq = ?");
    q->bind(1, deviceId).bind(2, clientSeq);
    if (!q->step()) return std::nullopt;
    OpOutcome outcome;
    outcome.serverSeq = q->getInt(0);
    outcome.nackCode = q->getOptionalText(1);
    outcome.nackMessage = q->getOptionalText(2).value_or("");
    outcome.opDigest = q->getText(3);
    return outcome;
}

}  // namespace gopy::server::store
