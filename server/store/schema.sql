-- GopY server schema, version 6 (PRAGMA user_version = 6). Reference for every table class;
-- migrations in migrations.cpp hard-code the historic statements. Version 1 lacked
-- comment_conflicts, comments.flagged, op_outcomes and the oplog_client index; the 1→2
-- migration adds them. The 2→3 migration (issue 5) adds the statements at the end of this
-- file: columns are added with ALTER TABLE, so they come last in their tables. The 3→4
-- migration adds oplog_routes; the 4→5 and 5→6 migrations the statements after it.
-- All text is NFC UTF-8. Times are milliseconds since the epoch (UTC). Dates are 'YYYY-MM-DD'.

CREATE TABLE campaign (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL, draft_title TEXT NOT NULL, plan_number TEXT NOT NULL,
  parent_body TEXT NOT NULL, issuing_body TEXT NOT NULL, issuing_code TEXT NOT NULL,
  place_name TEXT NOT NULL, signer_on_behalf TEXT NOT NULL, signer_role TEXT NOT NULL,
  signer_name TEXT NOT NULL, recipients TEXT NOT NULL,          -- JSON array of strings
  conferences_from TEXT NOT NULL, conferences_to TEXT NOT NULL,
  public_from TEXT NOT NULL, public_to TEXT NOT NULL,
  grassroots_due TEXT NOT NULL, synthesis_due TEXT NOT NULL,
  wards TEXT NOT NULL                                            -- JSON array of strings
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
  proposed_wording TEXT, proposed_location TEXT,                 -- NULL when no proposal
  written INTEGER NOT NULL DEFAULT 0, flagged INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL DEFAULT 1, deleted INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, seq_created INTEGER NOT NULL
);
CREATE INDEX comments_conf ON comments(conference_id, seq_created);

CREATE TABLE comment_sections (
  comment_id TEXT NOT NULL REFERENCES comments(id), section_code TEXT NOT NULL,
  ord INTEGER NOT NULL, PRIMARY KEY (comment_id, section_code)
);
CREATE INDEX comment_sections_section ON comment_sections(section_code);

CREATE TABLE comment_conflicts (
  id INTEGER PRIMARY KEY, comment_id TEXT NOT NULL REFERENCES comments(id),
  base_rev INTEGER NOT NULL, text TEXT NOT NULL, device_name TEXT NOT NULL,
  at INTEGER NOT NULL, resolved INTEGER NOT NULL DEFAULT 0
);

-- The ordered operation log. seq is the server sequence clients subscribe "since".
CREATE TABLE oplog (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, conference_id INTEGER NOT NULL,
  device_id TEXT NOT NULL, client_seq INTEGER NOT NULL, at INTEGER NOT NULL,
  event TEXT NOT NULL                                            -- proto::encodeEvent JSON
);
CREATE INDEX oplog_conf ON oplog(conference_id, seq);

CREATE INDEX oplog_client ON oplog(device_id, client_seq);

-- Exactly-once: written in the same transaction as the operation's effect.
CREATE TABLE client_seqs (
  device_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, last_server_seq INTEGER NOT NULL
);

-- Refused client operations (version 2): the nack a replay must get again. server_seq is the
-- client's last applied seq at the time. Applied operations are found in oplog through
-- oplog_client, so they need no row here.
CREATE TABLE op_outcomes (
  device_id TEXT NOT NULL, client_seq INTEGER NOT NULL, server_seq INTEGER NOT NULL,
  nack_code TEXT, nack_message TEXT,
  PRIMARY KEY (device_id, client_seq)
) WITHOUT ROWID;

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

-- Generated reports (issue 4). conference_id 0 = combined synthesis.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY, conference_id INTEGER NOT NULL, version INTEGER NOT NULL,
  format TEXT NOT NULL DEFAULT 'pdf', sha256 TEXT NOT NULL, created_at INTEGER NOT NULL,
  released INTEGER NOT NULL DEFAULT 0, content BLOB NOT NULL,
  UNIQUE (conference_id, format, version)
);

-- Version 3 (issue 5): three channels and the drafting team.
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

-- Version 4: events that change comments of several conferences (comment.assign, group.set,
-- acceptance.set) are logged once under the op's conference and routed to every other
-- conference whose comments they touch; subscribe "since" reads oplog_conf and this index.
CREATE TABLE oplog_routes (
  conference_id INTEGER NOT NULL, seq INTEGER NOT NULL REFERENCES oplog(seq),
  PRIMARY KEY (conference_id, seq)
) WITHOUT ROWID;

-- Version 5: trust on the hall Wi-Fi. op_digest: SHA-256 (hex) of the op as received, NULL for
-- ops logged before version 5 (a replay of those is still taken as a duplicate).
ALTER TABLE oplog ADD COLUMN op_digest TEXT;
ALTER TABLE op_outcomes ADD COLUMN op_digest TEXT;
-- The losing edit's other fields (JSON: kind, sections, proposed wording and location,
-- paragraph) and why it lost: 'stale' (edited from an old revision) or 'deleted'.
ALTER TABLE comment_conflicts ADD COLUMN fields TEXT;
ALTER TABLE comment_conflicts ADD COLUMN reason TEXT NOT NULL DEFAULT 'stale';
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN last_address TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN revoked_at INTEGER NOT NULL DEFAULT 0;
-- A retried admission (same code, same request id) gets the device it made the first time.
ALTER TABLE admission_codes ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE admission_codes ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
-- Append-only, hash-chained: hash = SHA-256(prev_hash | seq | at | kind | device_id | address
-- | detail); the first record's prev_hash is 64 zeros.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL,
  device_id TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
-- Unauthenticated junk is counted per kind, not logged line by line.
CREATE TABLE audit_counters (
  kind TEXT PRIMARY KEY, count INTEGER NOT NULL, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Version 6: set by the organiser (gopy-server conference set): delegates invited (NULL: the
-- size of the conference's list) and the opening time ("08:00", Hà Nội).
ALTER TABLE conferences ADD COLUMN invited_count INTEGER;
ALTER TABLE conferences ADD COLUMN time TEXT NOT NULL DEFAULT '';
-- The audit chain's head (last seq and hash), moved with every record: cutting records off the
-- end of audit_log is seen by `gopy-server audit verify`.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL
);
