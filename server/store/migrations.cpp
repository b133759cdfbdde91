#include "server/store/migrations.h"

#include <sqlite3.h>

#include <array>
#include <string>

#include "server/store/database.h"
#include "server/store/errors.h"
#include "server/store/transaction.h"

namespace gopy::server::store {
namespace {

// Version 1 exactly as it shipped. Never edit: files of this version exist.
constexpr const char* kVersion1 = R"sql(
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
PRAGMA user_version = 1;
)sql";

// 1 → 2: conflicts kept when two secretaries edit the same revision, the chair's flag,
// and the recorded outcome of every client operation (exactly-once replays).
constexpr const char* kVersion1To2 = R"sql(
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
PRAGMA user_version = 2;
)sql";

// 2 → 3 (issue 5): public and grassroots comments (origin, paragraph, import dedupe key),
// the drafting team's groups and acceptance, the draft's paragraphs, grassroots organisations,
// and a device's organisation for the grassroots role.
constexpr const char* kVersion2To3 = R"sql(
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
PRAGMA user_version = 3;
)sql";

// 3 → 4: an event that changes comments of several conferences (the drafting team's
// comment.assign, group.set, acceptance.set) is logged under the op's conference and routed to
// the others through oplog_routes, so their subscribers get it live and on catch-up. Events
// already logged route to the conferences of the comments they carry.
constexpr const char* kVersion3To4 = R"sql(
CREATE TABLE oplog_routes (
  conference_id INTEGER NOT NULL, seq INTEGER NOT NULL REFERENCES oplog(seq),
  PRIMARY KEY (conference_id, seq)
) WITHOUT ROWID;
INSERT OR IGNORE INTO oplog_routes (conference_id, seq)
  SELECT DISTINCT json_extract(c.value, '$.conference_id'), o.seq
  FROM oplog o, json_each(o.event, '$.comments') c
  WHERE json_valid(o.event) AND json_extract(c.value, '$.conference_id') IS NOT NULL
    AND json_extract(c.value, '$.conference_id') != o.conference_id;
PRAGMA user_version = 4;
)sql";

// 4 → 5 (trust on the hall Wi-Fi): the digest of every op as received, so a reused
// (client id, seq) with other content is refused instead of acknowledged as a duplicate; the
// losing edit's other fields and why it lost (a stale revision, or a deleted comment); what the
// organiser sees of each device; the hash-chained audit trail and its counters of junk.
constexpr const char* kVersion4To5 = R"sql(
ALTER TABLE oplog ADD COLUMN op_digest TEXT;
ALTER TABLE op_outcomes ADD COLUMN op_digest TEXT;
ALTER TABLE comment_conflicts ADD COLUMN fields TEXT;
ALTER TABLE comment_conflicts ADD COLUMN reason TEXT NOT NULL DEFAULT 'stale';
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN last_address TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN revoked_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE admission_codes ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE admission_codes ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL,
  device_id TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE TABLE audit_counters (
  kind TEXT PRIMARY KEY, count INTEGER NOT NULL, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL
) WITHOUT ROWID;
PRAGMA user_version = 5;
)sql";

// 5 → 6: what the organiser sets of a conference beside its title: the number of delegates
// invited (NULL: the size of its list) and the opening time; the audit chain's head.
constexpr const char* kVersion5To6 = R"sql(
ALTER TABLE conferences ADD COLUMN invited_count INTEGER;
ALTER TABLE conferences ADD COLUMN time TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL
);
PRAGMA user_version = 6;
)sql";

struct Step {
    int from;
    const char* sql;
};
constexpr std::array<Step, 6> kSteps{{{0, kVersion1},
                                      {1, kVersion1To2},
                                      {2, kVersion2To3},
                                      {3, kVersion3To4},
                                      {4, kVersion4To5},
                                      {5, kVersion5To6}}};

}  // namespace

void migrate(Database& db) {
    const auto version = db.scalarInt("PRAGMA user_version");
    if (version > kSchemaVersion) {
        throw Error(SQLITE_MISMATCH, "Cơ sở dữ liệu " + db.path() + " có phiên bản " +
                                         std::to_string(version) +
                                         ", mới hơn phiên bản GopY này hiểu (" +
                                         std::to_string(kSchemaVersion) + ")");
    }
    if (version == 0 &&
        db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'") > 0) {
        throw Error(SQLITE_MISMATCH,
                    "Tệp " + db.path() + " là cơ sở dữ liệu SQLite khác, không phải của GopY");
    }
    for (const Step& step : kSteps) {
        if (step.from < version) continue;
        // Each step in one transaction: a crash leaves the file at the previous version.
        Transaction transaction(db);
        if (db.scalarInt("PRAGMA user_version") != step.from) continue;
        db.exec(step.sql);
        transaction.commit();
    }
}

}  // namespace gopy::server::store
