#include "client/core/outbox.h"

#include "client/core/local_database.h"

namespace gopy::client {

namespace {

struct Row {
    std::int64_t clientSeq = 0;
    std::int64_t conferenceId = 0;
    std::string op;
    Millis createdAt = 0;
};

std::vector<Row> readRows(LocalDatabase& db)
{
    Statement select(db, "SELECT client_seq, conference_id, op, created_at FROM outbox "
                          "ORDER BY client_seq");
    std::vector<Row> rows;
    while (select.step())
        rows.push_back({select.columnInt(0), select.columnInt(1), select.columnText(2),
                        select.columnInt(3)});
    return rows;
}

// Rewrites every entry with consecutive numbers from `firstSeq`, in order, and sets the
// counter; one transaction so a crash leaves either the old or the new numbering.
void renumber(LocalDatabase& db, const std::string& clientId, std::int64_t firstSeq)
{
    Transaction transaction(db);
    const std::vector<Row> rows = readRows(db);
    Statement(db, "DELETE FROM outbox").run();
    std::int64_t seq = firstSeq;
    for (const Row& row : rows) {
        Statement(db, "INSERT INTO outbox (client_seq, conference_id, op, created_at) "
                      "VALUES (?1, ?2, ?3, ?4)")
            .bind(1, seq++)
            .bind(2, row.conferenceId)
            .bind(3, row.op)
            .bind(4, row.createdAt)
            .run();
    }
    Statement(db, "UPDATE outbox_counter SET client_id = ?1, next_seq = ?2 WHERE id = 1")
        .bind(1, clientId)
        .bind(2, seq)
        .run();
    transaction.commit();
}

}  // namespace

Outbox::Outbox(LocalDatabase& db) : db_(db)
{
    db_.exec("CREATE TABLE IF NOT EXISTS outbox ("
             " client_seq INTEGER PRIMARY KEY, conference_id INTEGER NOT NULL,"
             " op TEXT NOT NULL, created_at INTEGER NOT NULL)");
    db_.exec("CREATE TABLE IF NOT EXISTS outbox_counter ("
             " id INTEGER PRIMARY KEY CHECK (id = 1), client_id TEXT NOT NULL,"
             " next_seq INTEGER NOT NULL)");
    db_.exec("INSERT OR IGNORE INTO outbox_counter (id, client_id, next_seq) VALUES (1, '', 1)");
}

Outbox::Entry Outbox::append(std::int64_t conferenceId, const proto::Operation& op, Millis now)
{
    Transaction transaction(db_);
    Statement counter(db_, "SELECT client_id, next_seq FROM outbox_counter WHERE id = 1");
    counter.step();
    Entry entry;
    entry.clientSeq = counter.columnInt(1);
    entry.createdAt = now;
    entry.request.clientId = counter.columnText(0);
    entry.request.clientSeq = entry.clientSeq;
    entry.request.conferenceId = conferenceId;
    entry.request.op = op;
    Statement(db_, "INSERT INTO outbox (client_seq, conference_id, op, created_at) "
                   "VALUES (?1, ?2, ?3, ?4)")
        .bind(1, entry.clientSeq)
        .bind(2, conferenceId)
        .bind(3, proto::encode(entry.request))
        .bind(4, now)
        .run();
    Statement(db_, "UPDATE outbox_counter SET next_seq = ?1 WHERE id = 1")
        .bind(1, entry.clientSeq + 1)
        .run();
    transaction.commit();
    return entry;
}

std::vector<Outbox::Entry> Outbox::pending() const
{
    const std::string client = clientId();
    std::vector<Entry> entries;
    for (const Row& row : readRows(db_)) {
        auto decoded = proto::decode(row.op);
        const auto* request = decoded ? std::get_if<proto::OpRequest>(&*decoded.message) : nullptr;
        // An entry this build cannot read is kept in the file (never dropped) but not sent.
        if (request == nullptr)
            continue;
        Entry entry;
        entry.clientSeq = row.clientSeq;
        entry.createdAt = row.createdAt;
        entry.request = *request;
        entry.request.clientId = client;
        entry.request.clientSeq = row.clientSeq;
        entry.request.conferenceId = row.conferenceId;
        entries.push_back(std::move(entry));
    }
    return entries;
}

bool Outbox::remove(std::int64_t clientSeq)
{
    Statement(db_, "DELETE FROM outbox WHERE client_seq = ?1").bind(1, clientSeq).run();
    return sqlite3_changes(db_.handle()) > 0;
}

int Outbox::size() const
{
    Statement count(db_, "SELECT count(*) FROM outbox");
    count.step();
    return static_cast<int>(count.columnInt(0));
}

std::string Outbox::clientId() const
{
    Statement counter(db_, "SELECT client_id FROM outbox_counter WHERE id = 1");
    if (!counter.step())
        return {};
    return counter.columnText(0);
}

std::int64_t Outbox::nextSeq() const
{
    Statement counter(db_, "SELECT next_seq FROM outbox_counter WHERE id = 1");
    if (!counter.step())
        return 1;
    return counter.columnInt(0);
}

void Outbox::setClient(const std::string& clientId)
{
    if (clientId == this->clientId())
        return;
    renumber(db_, clientId, 1);
}

void Outbox::renumberFrom(std::int64_t firstSeq)
{
    renumber(db_, clientId(), firstSeq);
}

}  // namespace gopy::client
