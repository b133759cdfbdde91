// A version 1 file, written with version 1's own SQL, opened by the current code.
#include <sqlite3.h>

#include "fixture.h"
#include "server/store/migrations.h"

namespace gopy::server::testing {
namespace {

// Version 1 as it shipped: no comments.flagged, no comment_conflicts, no op_outcomes.
constexpr const char* kVersion1File = R"sql(
CREATE TABLE campaign (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL, draft_title TEXT NOT NULL, plan_number TEXT NOT NULL,
  parent_body TEXT NOT NULL, issuing_body TEXT NOT NULL, issuing_code TEXT NOT NULL,
  place_name TEXT NOT NULL, signer_on_behalf TEXT NOT NULL, signer_role TEXT NOT NULL,
  signer_name TEXT NOT NULL, recipients TEXT NOT NULL,
  conferences_from TEXT NOT NULL, conferences_to TEXT NOT NULL,
  public_from TEXT NOT NULL, public_to TEXT NOT NULL,
  grassroots_due TEXT NOT NULL, synthesis_due TEXT NOT NULL,
  wards TEXT NOT NULL
);
CREATE TABLE sections (
  code TEXT PRIMARY KEY, parent_code TEXT NOT NULL DEFAULT '', level INTEGER NOT NULL,
  ord INTEGER NOT NULL, label TEXT NOT NULL, title TEXT NOT NULL
);
CREATE TABLE conferences (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('conference','public','grassroots')),
  chair_body TEXT NOT NULL, audience TEXT NOT NULL, date TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '', chair_person TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned','in_session','concluded')),
  present_count INTEGER, started_at INTEGER NOT NULL DEFAULT 0, ended_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE participants (
  id TEXT PRIMARY KEY, conference_id INTEGER NOT NULL REFERENCES conferences(id),
  full_name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '',
  grp TEXT NOT NULL DEFAULT '', present INTEGER NOT NULL DEFAULT 0,
  sort_key BLOB NOT NULL, fold_key TEXT NOT NULL
);
CREATE INDEX participants_conf ON participants(conference_id, sort_key);
CREATE TABLE turns (
  id TEXT PRIMARY KEY, conference_id INTEGER NOT NULL REFERENCES conferences(id),
  participant_id TEXT NOT NULL REFERENCES participants(id), position REAL NOT NULL,
  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting','speaking','done')),
  started_at INTEGER NOT NULL DEFAULT 0, ended_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX turns_conf ON turns(conference_id, position);
CREATE TABLE comments (
  id TEXT PRIMARY KEY, conference_id INTEGER NOT NULL REFERENCES conferences(id),
  participant_id TEXT NOT NULL DEFAULT '', turn_id TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL, text TEXT NOT NULL,
  proposed_wording TEXT, proposed_location TEXT,
  written INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL DEFAULT 1, deleted INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, seq_created INTEGER NOT NULL
);
CREATE INDEX comments_conf ON comments(conference_id, seq_created);
CREATE TABLE comment_sections (
  comment_id TEXT NOT NULL REFERENCES comments(id), section_code TEXT NOT NULL,
  ord INTEGER NOT NULL, PRIMARY KEY (comment_id, section_code)
);
CREATE INDEX comment_sections_section ON comment_sections(section_code);
CREATE TABLE oplog (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, conference_id INTEGER NOT NULL,
  device_id TEXT NOT NULL, client_seq INTEGER NOT NULL, at INTEGER NOT NULL,
  event TEXT NOT NULL
);
CREATE INDEX oplog_conf ON oplog(conference_id, seq);
CREATE TABLE client_seqs (
  device_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, last_server_seq INTEGER NOT NULL
);
CREATE TABLE devices (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
  conference_id INTEGER NOT NULL DEFAULT 0, token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE admission_codes (
  code_hash TEXT PRIMARY KEY, role TEXT NOT NULL, conference_id INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE admission_failures (
  remote TEXT PRIMARY KEY, failures INTEGER NOT NULL, first_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE reports (
  id INTEGER PRIMARY KEY, conference_id INTEGER NOT NULL, version INTEGER NOT NULL,
  format TEXT NOT NULL DEFAULT 'pdf', sha256 TEXT NOT NULL, created_at INTEGER NOT NULL,
  released INTEGER NOT NULL DEFAULT 0, content BLOB NOT NULL,
  UNIQUE (conference_id, format, version)
);
INSERT INTO campaign VALUES (1, 'Lấy ý kiến', 'Dự thảo Báo cáo chính trị', '273-KH/QU',
  'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'QUẬN ỦY BA ĐÌNH', 'QU', 'Ba Đình', 'T/M BAN THƯỜNG VỤ',
  'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Nguyễn Công Thành', '["- Lưu VPQU."]', '2025-01-01',
  '2025-06-30', '2025-02-03', '2025-06-15', '2025-07-01', '2025-07-01', '["Phúc Xá"]');
INSERT INTO sections VALUES ('I', '', 1, 1, 'Phần I', 'Đánh giá');
INSERT INTO sections VALUES ('I.1', 'I', 2, 2, '1.', 'Xây dựng Đảng');
INSERT INTO conferences (id, title, channel, chair_body, audience, date, state, started_at)
  VALUES (1, 'Hội nghị thứ nhất', 'conference', 'Ban Thường vụ Quận ủy', 'Các ban Đảng',
  '2025-03-12', 'in_session', 1741744800000);
INSERT INTO participants (id, conference_id, full_name, sort_key, fold_key)
  VALUES ('p1', 1, 'Nguyễn Văn An', x'00', 'nguyen van an');
INSERT INTO comments (id, conference_id, participant_id, kind, text, rev, created_at, updated_at,
  seq_created) VALUES ('c1', 1, 'p1', 'addition', 'Đề nghị bổ sung số liệu', 1, 5, 5, 1);
INSERT INTO comment_sections VALUES ('c1', 'I.1', 0);
INSERT INTO oplog (conference_id, device_id, client_seq, at, event)
  VALUES (1, 'd-old', 1, 5, '{}');
INSERT INTO client_seqs VALUES ('d-old', 1, 1);
PRAGMA user_version = 1;
)sql";

TEST(Migration, Version1FileOpensAtTheCurrentVersionWithDataIntact) {
    TempDir dir;
    const std::string path = dir.file("gopy.db");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(db, kVersion1File, nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK) << message;
    }

    Engine engine(path);
    Store& store = engine.store();
    EXPECT_EQ(store.db().scalarInt("PRAGMA user_version"), store::kSchemaVersion);

    // Old data intact.
    ASSERT_TRUE(store.campaign().get());
    EXPECT_EQ(store.campaign().get()->letterhead.signerName, "Nguyễn Công Thành");
    auto old = store.comments().get("c1");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->text, "Đề nghị bổ sung số liệu");
    EXPECT_EQ(old->sections, std::vector<std::string>{"I.1"});
    EXPECT_FALSE(old->flagged);
    EXPECT_EQ(store.conferences().get(1)->state, ConferenceState::InSession);

    // The new column, the new tables and the new index are usable.
    store.comments().setFlagged("c1", true);
    EXPECT_TRUE(store.comments().get("c1")->flagged);
    const auto conflict = store.comments().insertConflict({0, "c1", 1, "bản khác", "Thư ký 2", 9});
    EXPECT_EQ(store.comments().unresolvedConflicts(1).front().id, conflict);
    store.opOutcomes().put("d-x", 1, {2, std::nullopt, ""});
    EXPECT_TRUE(store.opOutcomes().find("d-x", 1));

    // A replay of the op logged by version 1 finds its original seq through the oplog.
    const Device old_device{"d-old", "Máy cũ", Role::Secretary, 0};
    const auto replay = engine.apply(
        old_device, request(old_device, 1, 1, proto::CommentDelete{"c1"}), 10);
    ASSERT_TRUE(replay.ack);
    EXPECT_TRUE(replay.ack->duplicate);
    EXPECT_EQ(replay.ack->serverSeq, 1);
    // New ops continue after the old seq.
    const auto next = engine.apply(
        old_device,
        request(old_device, 2, 1, proto::CommentFlag{"c1", true}), 11);
    ASSERT_TRUE(next.nack);  // a secretary may not flag
    EXPECT_EQ(next.nack->code, proto::ErrorCode::Forbidden);
    const auto third = engine.apply(
        old_device, request(old_device, 3, 1, proto::CommentCreate{comment("c2", "Ý kiến mới")}),
        12);
    ASSERT_TRUE(third.ack) << third.nack->message;
    EXPECT_EQ(third.ack->serverSeq, 2);
}

// Version 2 as it shipped: version 1 plus the 1→2 statements, with data of both.
constexpr const char* kVersion1To2Sql = R"sql(
ALTER TABLE comments ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
CREATE TABLE comment_conflicts (
  id INTEGER PRIMARY KEY, comment_id TEXT NOT NULL REFERENCES comments(id),
  base_rev INTEGER NOT NULL, text TEXT NOT NULL, device_name TEXT NOT NULL,
  at INTEGER NOT NULL, resolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX oplog_client ON oplog(device_id, client_seq);
CREATE TABLE op_outcomes (
  device_id TEXT NOT NULL, client_seq INTEGER NOT NULL, server_seq INTEGER NOT NULL,
  nack_code TEXT, nack_message TEXT,
  PRIMARY KEY (device_id, client_seq)
) WITHOUT ROWID;
UPDATE comments SET flagged = 1 WHERE id = 'c1';
INSERT INTO comment_conflicts (comment_id, base_rev, text, device_name, at)
  VALUES ('c1', 1, 'Bản sửa của thư ký 2', 'Thư ký 2', 7);
PRAGMA user_version = 2;
)sql";

TEST(Migration, Version2FileOpensAtTheCurrentVersionWithDataIntact) {
    TempDir dir;
    const std::string path = dir.file("gopy.db");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        int rc = sqlite3_exec(db, kVersion1File, nullptr, nullptr, &error);
        if (rc == SQLITE_OK) rc = sqlite3_exec(db, kVersion1To2Sql, nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK) << message;
    }

    Engine engine(path);
    Store& store = engine.store();
    EXPECT_EQ(store.db().scalarInt("PRAGMA user_version"), store::kSchemaVersion);

    auto old = store.comments().get("c1");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->text, "Đề nghị bổ sung số liệu");
    EXPECT_TRUE(old->flagged);
    EXPECT_FALSE(old->origin);
    EXPECT_EQ(old->paragraph, 0);
    EXPECT_EQ(old->acceptance, Acceptance::Pending);
    EXPECT_EQ(store.comments().unresolvedConflicts(1).size(), 1u);

    // The new columns and tables are usable.
    Comment imported = comment("pub-1", "Đề nghị làm rõ chỉ tiêu", {"I.1"}, "");
    imported.origin = CommentOrigin{"Phúc Xá", "Trần Văn Bình", "", "2025-03-01", false, 0};
    imported.paragraph = 2;
    store.comments().insert(imported, 2, "key-1");
    EXPECT_TRUE(store.comments().hasDedupeKey("key-1"));
    EXPECT_EQ(store.comments().get("pub-1")->origin, imported.origin);
    EXPECT_EQ(store.comments().get("pub-1")->paragraph, 2);
    store.groups().put(CommentGroup{"g1", "I.1", {"c1", "pub-1"}, Acceptance::Pending, ""}, 1);
    store.groups().setAcceptance("g1", Acceptance::Partly, "Tiếp thu một phần");
    EXPECT_EQ(store.groups().get("g1")->commentIds, (std::vector<std::string>{"c1", "pub-1"}));
    EXPECT_EQ(store.groups().groupOf("pub-1"), "g1");
    const auto org = store.grassroots().insert({0, "Chi bộ số 1", "2025-05-31", 0});
    store.grassroots().setReported(org, 99);
    EXPECT_EQ(store.grassroots().get(org)->reportedAt, 99);
    EXPECT_EQ(store.db().scalarInt("SELECT count(organisation_id) FROM devices"), 0);
}

// Version 3 as it shipped: version 2 plus the 2→3 statements.
constexpr const char* kVersion2To3Sql = R"sql(
ALTER TABLE comments ADD COLUMN paragraph INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN origin_ward TEXT;
ALTER TABLE comments ADD COLUMN origin_author TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN origin_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN origin_submitted_at TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN origin_outside_window INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN origin_organisation_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN dedupe_key TEXT;
ALTER TABLE comments ADD COLUMN acceptance TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE comments ADD COLUMN acceptance_note TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX comments_dedupe ON comments(dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE TABLE draft_paragraphs (
  section_code TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (section_code, number)
) WITHOUT ROWID;
CREATE TABLE grassroots_orgs (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, due TEXT NOT NULL,
  reported_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE comment_groups (
  id TEXT PRIMARY KEY, conference_id INTEGER NOT NULL, section_code TEXT NOT NULL DEFAULT '',
  acceptance TEXT NOT NULL DEFAULT 'pending', explanation TEXT NOT NULL DEFAULT ''
);
CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES comment_groups(id), comment_id TEXT NOT NULL UNIQUE,
  ord INTEGER NOT NULL, PRIMARY KEY (group_id, comment_id)
);
ALTER TABLE devices ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE admission_codes ADD COLUMN organisation_id INTEGER NOT NULL DEFAULT 0;
INSERT INTO conferences (id, title, channel, chair_body, audience)
  VALUES (2, 'Hội nghị thứ hai', 'conference', 'Ban Thường vụ Quận ủy', 'Doanh nghiệp');
INSERT INTO comments (id, conference_id, participant_id, kind, text, rev, created_at, updated_at,
  seq_created) VALUES ('c2', 2, '', 'other', 'Ý kiến ở hội nghị thứ hai', 1, 6, 6, 2);
INSERT INTO grassroots_orgs VALUES (1, 'Chi bộ số 1', '2025-05-31', 0);
INSERT INTO devices (id, name, role, conference_id, token_hash, created_at)
  VALUES ('d-team', 'Tổ biên tập', 'drafting', 0, 'ab', 7);
PRAGMA user_version = 3;
)sql";

std::string sqlQuoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

TEST(Migration, Version3FileRoutesItsLoggedDraftingEvents) {
    TempDir dir;
    const std::string path = dir.file("gopy.db");
    // A comment.assign logged under conference 1 by version 3 that changed conference 2's c2.
    proto::Event assign;
    assign.seq = 2;
    assign.conferenceId = 1;
    assign.at = 8;
    assign.deviceId = "d-team";
    assign.op = proto::CommentAssign{{"c2"}, {"I.1"}};
    Comment c2 = comment("c2", "Ý kiến ở hội nghị thứ hai", {"I.1"}, "");
    c2.conferenceId = 2;
    c2.kind = CommentKind::Other;
    c2.rev = 1;
    assign.comments = {c2};
    const std::string logged =
        "INSERT INTO oplog (seq, conference_id, device_id, client_seq, at, event) VALUES (2, 1, "
        "'d-team', 1, 8, " + sqlQuoted(proto::encodeEvent(assign)) + ");";
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        int rc = sqlite3_exec(db, kVersion1File, nullptr, nullptr, &error);
        if (rc == SQLITE_OK) rc = sqlite3_exec(db, kVersion1To2Sql, nullptr, nullptr, &error);
        if (rc == SQLITE_OK) rc = sqlite3_exec(db, kVersion2To3Sql, nullptr, nullptr, &error);
        if (rc == SQLITE_OK) rc = sqlite3_exec(db, logged.c_str(), nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(rc, SQLITE_OK) << message;
    }

    Engine engine(path);
    Store& store = engine.store();
    EXPECT_EQ(store.db().scalarInt("PRAGMA user_version"), store::kSchemaVersion);
    EXPECT_EQ(store.db().scalarInt("SELECT count(*) FROM oplog_routes WHERE conference_id = 2 "
                                   "AND seq = 2"),
              1);
    EXPECT_EQ(store.db().scalarInt("SELECT count(*) FROM oplog_routes"), 1);
    EXPECT_EQ(store.comments().get("c2")->text, "Ý kiến ở hội nghị thứ hai");
    EXPECT_EQ(store.grassroots().get(1)->name, "Chi bộ số 1");

    // Conference 2 catching up since 1 gets the old event as its own.
    const Device reader{"d-reader", "Chủ trì", Role::Chair, 2};
    const auto caughtUp = engine.subscribe(reader, proto::Subscribe{2, 1});
    ASSERT_TRUE(caughtUp.events);
    ASSERT_EQ(caughtUp.events->events.size(), 1u);
    EXPECT_EQ(caughtUp.events->events[0].seq, 2);
    EXPECT_EQ(caughtUp.events->events[0].conferenceId, 2);
    ASSERT_EQ(caughtUp.events->events[0].comments.size(), 1u);
    EXPECT_EQ(caughtUp.events->events[0].comments[0].id, "c2");
    // Conference 1, where it was logged, still gets it, without conference 2's comment.
    const auto own = engine.subscribe(reader, proto::Subscribe{1, 1});
    EXPECT_TRUE(own.error);  // the reader is bound to conference 2
    const Device office{"d-office", "Văn phòng", Role::Organiser, 0};
    const auto logged1 = engine.subscribe(office, proto::Subscribe{1, 1});
    ASSERT_TRUE(logged1.events);
    ASSERT_EQ(logged1.events->events.size(), 1u);
    EXPECT_TRUE(logged1.events->events[0].comments.empty());

    // The device table of version 3 is read with its organisation column.
    EXPECT_EQ(store.devices().get("d-team")->organisationId, 0);
}

TEST(Migration, ReopeningACurrentFileChangesNothing) {
    TempDir dir;
    const std::string path = dir.file("gopy.db");
    {
        Store store(path);
        seedSmallCampaign(store);
    }
    Store store(path);
    EXPECT_EQ(store.db().scalarInt("PRAGMA user_version"), store::kSchemaVersion);
    EXPECT_EQ(store.participants().byConference(1).size(), 2u);
}

}  // namespace
}  // namespace gopy::server::testing
