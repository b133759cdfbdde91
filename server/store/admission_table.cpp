#include "server/store/admission_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

void AdmissionTable::insertCode(const AdmissionCode& c) {
    auto q = db_.query(
        "INSERT INTO admission_codes (code_hash, role, conference_id, created_at, expires_at, "
        "used_at, organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, c.codeHash).bind(2, toString(c.role)).bind(3, c.conferenceId).bind(4, c.createdAt)
        .bind(5, c.expiresAt).bind(6, c.usedAt).bind(7, c.organisationId);
    q->exec();
}

std::optional<AdmissionCode> AdmissionTable::findCode(const std::string& codeHash) {
    auto q = db_.query(
        "SELECT code_hash, role, conference_id, created_at, expires_at, used_at, organisation_id, "
        "request_hash, device_id FROM admission_codes WHERE code_hash = ?");
    q->bind(1, codeHash);
    if (!q->step()) return std::nullopt;
    AdmissionCode c;
    c.codeHash = q->getText(0);
    c.role = roleFromString(q->getText(1)).value_or(Role::Delegate);
    c.conferenceId = q->getInt(2);
    c.createdAt = q->getInt(3);
    c.expiresAt = q->getInt(4);
    c.usedAt = q->getInt(5);
    c.organisationId = q->getInt(6);
    c.requestHash = q->getText(7);
    c.deviceId = q->getText(8);
    return c;
}

bool AdmissionTable::markUsed(const std::string& codeHash, Millis at, const std::string& requestHash,
                              const std::string& deviceId) {
    auto q = db_.query(
        "UPDATE admission_codes SET used_at = ?, request_hash = ?, device_id = ? WHERE code_hash = ? AND used_at = 0");
    q->bind(1, at).bind(2, requestHash).bind(3, deviceId).bind(4, codeHash);
    q->exec();
    return db_.changes() > 0;
}

AdmissionFailures AdmissionTable::failures(const std::string& remote) {
    auto q = db_.query(
        "SELECT failures, first_at, locked_until FROM admission_failures WHERE remote = ?");
    q->bind(1, remote);
    if (!q->step()) return {};
    return {static_cast<int>(q->getInt(0)), q->getInt(1), q->getInt(2)};
}

void AdmissionTable::putFailures(const std::string& remote, const AdmissionFailures& f) {
    auto q = db_.query(
        "INSERT OR REPLACE INTO admission_failures (remote, failures, first_at, locked_until) "
        "VALUES (?, ?, ?, ?)");
    q->bind(1, remote).bind(2, f.failures).bind(3, f.firstAt).bind(4, f.lockedUntil);
    q->exec();
}

void AdmissionTable::clearFailures(const std::string& remote) {
    auto q = db_.query("DELETE FROM admission_failures WHERE remote = ?");
    q->bind(1, remote);
    q->exec();
}

}  // namespace gopy::server::store
