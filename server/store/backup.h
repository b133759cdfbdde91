// Online backup and restore of the campaign's database with SQLite's backup API: a backup is a
// consistent copy taken while the server writes (WAL), page by page, so a writer waits at most
// one step; a restore installs a checked copy in place of the database.
#pragma once

#include <filesystem>
#include <string>

namespace gopy::server::store {

/// Copies the database at `source` into a new file `destination` (refused if it exists)
/// through sqlite3_backup, `pagesPerStep` pages at a time with a short pause between steps so
/// that a serving writer is not held up. The copy is checked (PRAGMA integrity_check) before it
/// is moved to its name, so a backup file is always whole. Throws store::Error (Vietnamese).
void backupDatabase(const std::filesystem::path& source, const std::filesystem::path& destination,
                    int pagesPerStep = 256);

/// What a backup file holds, checked before it is restored.
struct BackupInfo {
    int schemaVersion = 0;
    long long comments = 0;
    long long logHead = 0;
    std::string campaign;
};

/// Opens `file` read-only and checks it is a sound GopY database this build can read
/// (integrity_check ok, a campaign, a schema version no newer than ours). Throws store::Error.
BackupInfo inspectBackup(const std::filesystem::path& file);

/// Replaces the database `target` (and its -wal and -shm files) by a copy of `backup`, after
/// inspectBackup; the old files are kept beside it as `<target>.before-restore-<stamp>`.
/// Returns the name the old database was kept under (empty if there was none). The caller
/// must hold the data folder's lock. Throws store::Error.
std::filesystem::path restoreDatabase(const std::filesystem::path& backup,
                                      const std::filesystem::path& target, const std::string& stamp);

}  // namespace gopy::server::store
