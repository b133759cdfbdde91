#include "server/store/audit_table.h"

#include <openssl/evp.h>

#include <array>

#include "server/store/database.h"

namespace gopy::server::store {

namespace {

const std::string kGenesis(64, '0');

std::string sha256Hex(const std::string& bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

AuditRecord read(const Statement& q) {
    AuditRecord r;
    r.seq = q.getInt(0);
    r.at = q.getInt(1);
    r.kind = q.getText(2);
    r.deviceId = q.getText(3);
    r.address = q.getText(4);
    r.detail = q.getText(5);
    r.prevHash = q.getText(6);
    r.hash = q.getText(7);
    return r;
}

constexpr const char* kColumns = "seq, at, kind, device_id, address, detail, prev_hash, hash";

}  // namespace

std::string AuditTable::hashOf(const AuditRecord& r) {
    // Lengths before each field: no two different records hash the same text.
    std::string text = r.prevHash;
    for (const std::string& field : {std::to_string(r.seq), std::to_string(r.at), r.kind, r.deviceId,
                                     r.address, r.detail}) {
        text += "|" + std::to_string(field.size()) + ":" + field;
    }
    return sha256Hex(text);
}

void AuditTable::append(Millis at, const std::string& kind, const std::string& deviceId,
                        const std::string& address, const std::string& detail) {
    AuditRecord r;
    {
        // Read and released before the insert: a statement still stepping would hold a read
        // snapshot that cannot become a write once another process has committed.
        auto last = db_.query(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last->step()) {
            const AuditRecord previous = read(*last);
            r.seq = previous.seq + 1;
            r.prevHash = previous.hash;
        } else {
            r.seq = 1;
            r.prevHash = kGenesis;
        }
    }
    r.at = at;
    r.kind = kind;
    r.deviceId = deviceId;
    r.address = address;
    r.detail = detail;
    r.hash = hashOf(r);
    auto q = db_.query(
        "INSERT INTO audit_log (seq, at, kind, device_id, address, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, r.seq).bind(2, r.at).bind(3, r.kind).bind(4, r.deviceId).bind(5, r.address)
        .bind(6, r.detail).bind(7, r.prevHash).bind(8, r.hash);
    q->exec();
    auto head = db_.query("INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, ?, ?)");
    head->bind(1, r.seq).bind(2, r.hash);
    head->exec();
}

void AuditTable::count(const std::string& kind, Millis at) {
    auto q = db_.query(
        "INSERT INTO audit_counters (kind, count, first_at, last_at) VALUES (?1, 1, ?2, ?2) "
        "ON CONFLICT(kind) DO UPDATE SET count = count + 1, last_at = ?2");
    q->bind(1, kind).bind(2, at);
    q->exec();
}

std::vector<AuditRecord> AuditTable::since(std::int64_t since, std::size_t limit,
                                           const std::string& deviceId) {
    auto q = db_.query(std::string("SELECT ") + kColumns +
                       " FROM audit_log WHERE seq > ?1 AND (?2 = '' OR device_id = ?2) "
                       "ORDER BY seq LIMIT ?3");
    q->bind(1, since).bind(2, deviceId).bind(3, static_cast<std::int64_t>(limit));
    std::vector<AuditRecord> out;
    while (q->step()) out.push_back(read(*q));
    return out;
}

std::vector<AuditCounter> AuditTable::counters() {
    auto q = db_.query("SELECT kind, count, first_at, last_at FROM audit_counters ORDER BY kind");
    std::vector<AuditCounter> out;
    while (q->step()) out.push_back({q->getText(0), q->getInt(1), q->getInt(2), q->getInt(3)});
    return out;
}

AuditVerdict AuditTable::verify() {
    AuditVerdict verdict;
    auto q = db_.query(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq");
    std::string previousHash = kGenesis;
    std::int64_t expected = 1;
    const auto bad = [&](std::int64_t seq, std::string problem) {
        verdict.ok = false;
        verdict.firstBad = seq;
        verdict.problem = std::move(problem);
    };
    while (q->step()) {
        const AuditRecord r = read(*q);
        ++verdict.records;
        if (r.seq != expected) {
            bad(expected, "thiếu bản ghi số " + std::to_string(expected) + " (có bản ghi bị xóa)");
            return verdict;
        }
        if (r.prevHash != previousHash) {
            bad(r.seq, "bản ghi số " + std::to_string(r.seq) + " không nối với bản ghi trước (bị xóa hoặc đổi chỗ)");
            return verdict;
        }
        if (hashOf(r) != r.hash) {
            bad(r.seq, "bản ghi số " + std::to_string(r.seq) + " đã bị sửa sau khi ghi");
            return verdict;
        }
        previousHash = r.hash;
        ++expected;
    }
    auto head = db_.query("SELECT seq, hash FROM audit_head WHERE id = 1");
    const std::int64_t last = expected - 1;
    if (head->step()) {
        const std::int64_t headSeq = head->getInt(0);
        if (headSeq != last || head->getText(1) != previousHash) {
            bad(last + 1, "nhật ký dừng ở bản ghi số " + std::to_string(last) + " nhưng đã ghi tới số " +
                              std::to_string(headSeq) + " (các bản ghi cuối bị xóa hoặc sửa)");
        }
    } else if (last > 0) {
        bad(1, "thiếu dấu mốc cuối nhật ký (audit_head)");
    }
    return verdict;
}

}  // namespace gopy::server::store
