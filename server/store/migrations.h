// Schema versions (PRAGMA user_version) and the forward migrations between them.
#pragma once

namespace gopy::server::store {

class Database;

/// The schema version this code reads and writes (schema.sql).
inline constexpr int kSchemaVersion = 6;

/// Brings the database to kSchemaVersion: creates an empty file's schema, or runs each
/// forward migration from the file's version, each in its own transaction. Throws
/// store::Error if the file is newer than this code or holds foreign tables.
void migrate(Database& db);

}  // namespace gopy::server::store
