// The storage layer on real files: table round trips, configuration, schema, open errors.
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "fixture.h"
#include "server/store/migrations.h"

namespace gopy::server::testing {
namespace {

using ColumnsByTable = std::map<std::string, std::set<std::string>>;

ColumnsByTable describe(store::Database& db) {
    ColumnsByTable tables;
    std::vector<std::string> names;
    {
        auto q = db.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (q->step()) names.push_back(q->getText(0));
    }
    for (const auto& name : names) {
        store::Statement info(db.handle(), "SELECT name FROM pragma_table_info(?)");
        info.bind(1, name);
        while (info.step()) tables[name].insert(info.getText(0));
    }
    {
        auto q = db.query(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
        while (q->step()) tables["(indexes)"].insert(q->getText(0));
    }
    return tables;
}

TEST(Store, TablesRoundTrip) {
    TempDir dir;
    Store store(dir.file("gopy.db"));
    seedSmallCampaign(store);

    const auto campaign = store.campaign().get();
    ASSERT_TRUE(campaign);
    EXPECT_EQ(campaign->planNumber, "273-KH/QU");
    EXPECT_EQ(campaign->letterhead.recipients,
              (std::vector<std::string>{"- Thường trực TU,", "- Lưu VPQU."}));
    EXPECT_EQ(campaign->wards, (std::vector<std::string>{"Phúc Xá", "Trúc Bạch"}));

    const auto sections = store.sections().all();
    ASSERT_EQ(sections.size(), 5u);
    EXPECT_EQ(sections[1], (Section{"I.1", "I", 2, 2, "1.", "Xây dựng Đảng"}));
    EXPECT_TRUE(store.sections().exists("II.1"));
    EXPECT_FALSE(store.sections().exists("IX"));

    auto conference = store.conferences().get(1);
    ASSERT_TRUE(conference);
    EXPECT_EQ(conference->title, "Hội nghị thứ nhất");
    EXPECT_FALSE(conference->presentCount);
    conference->state = ConferenceState::InSession;
    conference->presentCount = 42;
    conference->startedAt = 1234;
    store.conferences().update(*conference);
    EXPECT_EQ(store.conferences().get(1), conference);
    EXPECT_EQ(store.conferences().all().size(), 2u);

    // Vietnamese order: by given name, so Nguyễn Văn An before Trần Thị Bình; Lê Văn Cường
    // belongs to conference 2.
    store.participants().insert({"p4", 1, "Phạm Thị Ánh", "", "", ""});
    const auto people = store.participants().byConference(1);
    ASSERT_EQ(people.size(), 3u);
    EXPECT_EQ(people[0].id, "p1");
    EXPECT_EQ(people[1].id, "p4");
    EXPECT_EQ(people[2].id, "p2");
    store.participants().setPresent("p2", true);
    EXPECT_TRUE(store.participants().get("p2")->present);
    EXPECT_EQ(store.participants().presentCount(1), 1);

    Turn turn{"t1", 1, "p1", 2.5, TurnState::Waiting, 0, 0};
    store.turns().insert(turn);
    store.turns().insert({"t0", 1, "p2", 1.0, TurnState::Speaking, 99, 0});
    EXPECT_EQ(store.turns().get("t1"), turn);
    EXPECT_EQ(store.turns().byConference(1).front().id, "t0");
    EXPECT_EQ(store.turns().speaking(1)->id, "t0");
    store.turns().remove("t1");
    EXPECT_FALSE(store.turns().get("t1"));

    Comment c = comment("c1", "Đề nghị bổ sung", {"I.2", "I.1"});
    c.proposed = ProposedWording{"câu mới", "Phần I, mục 2, dòng 3"};
    c.rev = 1;
    c.createdAt = 10;
    c.updatedAt = 10;
    store.comments().insert(c, 7);
    EXPECT_EQ(store.comments().get("c1"), c);
    c.text = "Đề nghị sửa";
    c.sections = {"II.1"};
    c.proposed.reset();
    c.rev = 2;
    store.comments().update(c);
    EXPECT_EQ(store.comments().get("c1"), c);
    const auto conflictId = store.comments().insertConflict({0, "c1", 1, "bản khác", "Thư ký 2", 11});
    EXPECT_EQ(store.comments().unresolvedConflicts(1).size(), 1u);
    EXPECT_TRUE(store.comments().resolveConflict(conflictId, "c1"));
    EXPECT_FALSE(store.comments().resolveConflict(conflictId, "c1"));
    EXPECT_TRUE(store.comments().unresolvedConflicts(1).empty());
    store.comments().markDeleted("c1", 12);
    EXPECT_FALSE(store.comments().get("c1"));
    EXPECT_TRUE(store.comments().get("c1", true));
    EXPECT_TRUE(store.comments().byConference(1).empty());

    store.clientSeqs().put("d-1", {3, 17});
    EXPECT_EQ(store.clientSeqs().get("d-1").lastServerSeq, 17);
    EXPECT_EQ(store.clientSeqs().get("d-unknown").lastSeq, 0);
    store.opOutcomes().put("d-1", 3, {17, std::string("invalid"), "sai"});
    EXPECT_EQ(store.opOutcomes().find("d-1", 3)->nackMessage, "sai");

    EXPECT_EQ(store.oplog().nextSeq(), 1);
    store.oplog().append(1, 1, "d-1", 1, 5, "{}");
    EXPECT_EQ(store.oplog().head(), 1);
    EXPECT_EQ(store.oplog().findSeq("d-1", 1), 1);
    EXPECT_EQ(store.oplog().nextSeq(), 2);

    store::DeviceRow device{"d-1", "Máy 1", Role::Chair, 1, "abc", 5, false};
    store.devices().insert(device);
    EXPECT_EQ(store.devices().byTokenHash("abc"), device);
    EXPECT_TRUE(store.devices().revoke("d-1"));
    EXPECT_TRUE(store.devices().get("d-1")->revoked);

    store::AdmissionCode code{"hash", Role::Secretary, 2, 1, 100, 0};
    store.admissions().insertCode(code);
    EXPECT_EQ(store.admissions().findCode("hash"), code);
    EXPECT_TRUE(store.admissions().markUsed("hash", 50));
    EXPECT_FALSE(store.admissions().markUsed("hash", 51));
    store.admissions().putFailures("10.0.0.9", {2, 3, 0});
    EXPECT_EQ(store.admissions().failures("10.0.0.9").failures, 2);
    store.admissions().clearFailures("10.0.0.9");
    EXPECT_EQ(store.admissions().failures("10.0.0.9").failures, 0);

    const std::string pdf("%PDF-1.4\0binary", 15);
    const auto first = store.reports().insert(1, "pdf", "aa", 1, pdf);
    const auto second = store.reports().insert(1, "pdf", "bb", 2, "x");
    EXPECT_EQ(first.version, 1);
    EXPECT_EQ(second.version, 2);
    EXPECT_EQ(store.reports().content(first.id), pdf);
    EXPECT_EQ(store.reports().byConference(1, false).front().id, second.id);
    EXPECT_TRUE(store.reports().byConference(1, true).empty());
    store.reports().setReleased(first.id, true);
    EXPECT_EQ(store.reports().byConference(1, true).size(), 1u);
}

TEST(Store, StatementBindsByNameAndTypes) {
    TempDir dir;
    store::Database db(dir.file("plain.db"));
    db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)");
    {
        auto insert = db.query("INSERT INTO t VALUES (:i, :r, :s, :b, :n)");
        insert->bind(":i", std::int64_t{1} << 40)
            .bind(":r", 2.5)
            .bind(":s", std::string("Quận ủy Ba Đình"))
            .bind(":n", std::optional<std::string>{});
        insert->bindBlob(4, std::string("\0\1\2", 3));
        insert->exec();
        EXPECT_THROW(insert->bind(":missing", 1), store::Error);
    }
    auto select = db.query("SELECT i, r, s, b, n FROM t");
    ASSERT_TRUE(select->step());
    EXPECT_EQ(select->getInt(0), std::int64_t{1} << 40);
    EXPECT_DOUBLE_EQ(select->getDouble(1), 2.5);
    EXPECT_EQ(select->getText(2), "Quận ủy Ba Đình");
    EXPECT_EQ(select->getBlob(3), std::string("\0\1\2", 3));
    EXPECT_FALSE(select->getOptionalText(4));
    EXPECT_FALSE(select->step());
    EXPECT_THROW(db.exec("INSERT INTO missing VALUES (1)"), store::Error);
}

TEST(Store, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    Store store(dir.file("gopy.db"));
    seedSmallCampaign(store);
    {
        store::Transaction transaction(store.db());
        store.participants().insert({"p9", 1, "Đỗ Văn Dũng", "", "", ""});
    }
    EXPECT_FALSE(store.participants().get("p9"));
    {
        store::Transaction transaction(store.db());
        {
            store::Savepoint kept(store.db());
            store.participants().insert({"p9", 1, "Đỗ Văn Dũng", "", "", ""});
            kept.release();
        }
        {
            store::Savepoint dropped(store.db());
            store.participants().insert({"p10", 1, "Ngô Thị Em", "", "", ""});
        }
        transaction.commit();
    }
    EXPECT_TRUE(store.participants().get("p9"));
    EXPECT_FALSE(store.participants().get("p10"));
}

TEST(Store, DurabilityConfiguration) {
    TempDir dir;
    Store store(dir.file("gopy.db"));
    EXPECT_EQ(store.db().scalarText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(store.db().scalarInt("PRAGMA synchronous"), 2);  // FULL
    EXPECT_EQ(store.db().scalarInt("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(store.db().scalarInt("PRAGMA busy_timeout"), 5000);
    EXPECT_EQ(store.db().scalarInt("PRAGMA user_version"), store::kSchemaVersion);
}

TEST(Store, SchemaMatchesReferenceFile) {
    std::ifstream file(GOPY_SCHEMA_SQL);
    ASSERT_TRUE(file) << "cannot read " << GOPY_SCHEMA_SQL;
    std::stringstream sql;
    sql << file.rdbuf();

    TempDir dir;
    store::Database reference(dir.file("reference.db"));
    reference.exec(sql.str());
    Store migrated(dir.file("gopy.db"));
    EXPECT_EQ(describe(migrated.db()), describe(reference));
}

TEST(Store, MissingFolderIsAClearError) {
    TempDir dir;
    const std::string path = dir.file("no-such-folder/gopy.db");
    try {
        Store store(path);
        FAIL() << "opened a database in a missing folder";
    } catch (const store::CannotOpen& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("không tồn tại"), std::string::npos) << e.what();
    }
}

TEST(Store, NotASqliteFileIsAClearError) {
    TempDir dir;
    const std::string path = dir.file("notes.db");
    {
        std::ofstream out(path);
        out << "Biên bản hội nghị — this is a text file, not a database.\n";
        for (int i = 0; i < 200; ++i) out << "dòng " << i << "\n";
    }
    try {
        Store store(path);
        FAIL() << "opened a text file as a database";
    } catch (const store::Corrupt& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

TEST(Store, ForeignSqliteDatabaseIsRefused) {
    TempDir dir;
    const std::string path = dir.file("other.db");
    {
        store::Database other(path);
        other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    }
    EXPECT_THROW(Store store(path), store::Error);
}

TEST(Store, NewerSchemaIsRefused) {
    TempDir dir;
    const std::string path = dir.file("gopy.db");
    {
        Store store(path);
        store.db().exec("PRAGMA user_version = 99");
    }
    try {
        Store store(path);
        FAIL() << "opened a newer schema";
    } catch (const store::Error& e) {
        EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
    }
}

TEST(Store, LockedDatabaseReportsBusy) {
    TempDir dir;
    const std::string path = dir.file("gopy.db");
    Store store(path);
    store::Database other(path);
    other.exec("PRAGMA busy_timeout = 0");
    store::Transaction writer(store.db());
    try {
        store::Transaction second(other);
        FAIL() << "two writers at once";
    } catch (const store::Busy& e) {
        EXPECT_NE(std::string(e.what()).find("in use by another process"), std::string::npos);
    }
}

}  // namespace
}  // namespace gopy::server::testing
