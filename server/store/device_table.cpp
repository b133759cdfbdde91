#include "server/store/device_table.h"

#include "server/store/database.h"

namespace gopy::server::store {
namespace {

DeviceRow read(const Statement& q) {
    DeviceRow d;
    d.id = q.getText(0);
    d.name = q.getText(1);
    d.role = roleFromString(q.getText(2)).value_or(Role::Delegate);
    d.conferenceId = q.getInt(3);
    d.tokenHash = q.getText(4);
    d.createdAt = q.getInt(5);
    d.revoked = q.getInt(6) != 0;
    d.organisationId = q.getInt(7);
    d.lastSeenAt = q.getInt(8);
    d.lastAddress = q.getText(9);
    d.revokedAt = q.getInt(10);
    return d;
}

}  // namespace

void DeviceTable::insert(const DeviceRow& d) {
    auto q = db_.query(
        "INSERT INTO devices (id, name, role, conference_id, token_hash, created_at, revoked, "
        "organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, d.id).bind(2, d.name).bind(3, toString(d.role)).bind(4, d.conferenceId)
        .bind(5, d.tokenHash).bind(6, d.createdAt).bind(7, d.revoked).bind(8, d.organisationId);
    q->exec();
}

std::optional<DeviceRow> DeviceTable::get(const std::string& id) {
    auto q = db_.query(
        "SELECT id, name, role, conference_id, token_hash, created_at, revoked, organisation_id, "
        "last_seen_at, last_address, revoked_at FROM devices "
        "WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

std::optional<DeviceRow> DeviceTable::byTokenHash(const std::string& tokenHash) {
    auto q = db_.query(
        "SELECT id, name, role, conference_id, token_hash, created_at, revoked, organisation_id, "
        "last_seen_at, last_address, revoked_at FROM devices "
        "WHERE token_hash = ?");
    q->bind(1, tokenHash);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

bool DeviceTable::revoke(const std::string& id, Millis at) {
    auto q = db_.query("UPDATE devices SET revoked = 1, revoked_at = ? WHERE id = ?");
    q->bind(1, at).bind(2, id);
    q->exec();
    return db_.changes() > 0;
}

std::vector<DeviceRow> DeviceTable::all() {
    auto q = db_.query(
        "SELECT id, name, role, conference_id, token_hash, created_at, revoked, organisation_id, "
        "last_seen_at, last_address, revoked_at FROM devices ORDER BY created_at, id");
    std::vector<DeviceRow> out;
    while (q->step()) out.push_back(read(*q));
    return out;
}

void DeviceTable::touch(const std::string& id, const std::string& address, Millis at) {
    auto q = db_.query("UPDATE devices SET last_seen_at = ?, last_address = ? WHERE id = ?");
    q->bind(1, at).bind(2, address).bind(3, id);
    q->exec();
}

void DeviceTable::setTokenHash(const std::string& id, const std::string& tokenHash) {
    auto q = db_.query("UPDATE devices SET token_hash = ? WHERE id = ?");
    q->bind(1, tokenHash).bind(2, id);
    q->exec();
}

}  // namespace gopy::server::store
