#include "server/store/report_table.h"

#include "server/store/database.h"

namespace gopy::server::store {
namespace {

ReportInfo read(const Statement& q) {
    ReportInfo r;
    r.id = q.getInt(0);
    r.conferenceId = q.getInt(1);
    r.version = static_cast<int>(q.getInt(2));
    r.sha256 = q.getText(3);
    r.createdAt = q.getInt(4);
    r.released = q.getInt(5) != 0;
    return r;
}

}  // namespace

ReportInfo ReportTable::insert(std::int64_t conferenceId, const std::string& format,
                               const std::string& sha256, Millis createdAt,
                               const std::string& content) {
    std::int64_t version = 1;
    {
        auto q = db_.query(
            "SELECT coalesce(max(version), 0) + 1 FROM reports "
            "WHERE conference_id = ? AND format = ?");
        q->bind(1, conferenceId).bind(2, format);
        q->step();
        version = q->getInt(0);
    }
    auto q = db_.query(
        "INSERT INTO reports (conference_id, version, format, sha256, created_at, released, "
        "content) VALUES (?, ?, ?, ?, ?, 0, ?)");
    q->bind(1, conferenceId).bind(2, version).bind(3, format).bind(4, sha256).bind(5, createdAt)
        .bindBlob(6, content);
    q->exec();
    ReportInfo r;
    r.id = db_.lastInsertRowId();
    r.conferenceId = conferenceId;
    r.version = static_cast<int>(version);
    r.sha256 = sha256;
    r.createdAt = createdAt;
    return r;
}

std::optional<ReportInfo> ReportTable::info(std::int64_t id) {
    auto q = db_.query(
        "SELECT id, conference_id, version, sha256, created_at, released FROM reports "
        "WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

std::optional<std::string> ReportTable::format(std::int64_t id) {
    auto q = db_.query("SELECT format FROM reports WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return q->getText(0);
}

std::optional<std::string> ReportTable::content(std::int64_t id) {
    auto q = db_.query("SELECT content FROM reports WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return q->getBlob(0);
}

std::vector<ReportInfo> ReportTable::byConference(std::int64_t conferenceId, bool releasedOnly,
                                                  std::string_view format) {
    auto q = db_.query(
        "SELECT id, conference_id, version, sha256, created_at, released FROM reports "
        "WHERE conference_id = ? AND (released = 1 OR ? = 0) AND (format = ? OR ? = '') "
        "ORDER BY created_at DESC, id DESC");
    q->bind(1, conferenceId).bind(2, releasedOnly).bind(3, std::string(format)).bind(4, std::string(format));
    std::vector<ReportInfo> reports;
    while (q->step()) reports.push_back(read(*q));
    return reports;
}

void ReportTable::setReleased(std::int64_t id, bool released) {
    auto q = db_.query("UPDATE reports SET released = ? WHERE id = ?");
    q->bind(1, released).bind(2, id);
    q->exec();
}

}  // namespace gopy::server::store
