// Storage errors: one small hierarchy that wraps SQLite's result code and message.
#pragma once

#include <stdexcept>
#include <string>

struct sqlite3;

namespace gopy::server::store {

/// Any SQLite failure. `code()` is the primary or extended SQLite result code.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message);
    [[nodiscard]] int code() const noexcept { return code_; }

private:
    int code_;
};

/// SQLITE_FULL: the disk (or the configured page limit) is full. Nothing was written.
class DiskFull : public Error {
public:
    using Error::Error;
};

/// SQLITE_IOERR: the operating system refused a read or write.
class IoError : public Error {
public:
    using Error::Error;
};

/// SQLITE_BUSY / SQLITE_LOCKED: the database is in use by another process.
class Busy : public Error {
public:
    using Error::Error;
};

/// SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged or is not a GopY database.
class Corrupt : public Error {
public:
    using Error::Error;
};

/// SQLITE_CANTOPEN or a missing folder: the file cannot be opened; the message names the path.
class CannotOpen : public Error {
public:
    using Error::Error;
};

/// Throws the matching Error subclass if `rc` is not SQLITE_OK/ROW/DONE. `what` says what was
/// being done ("prepare", "step: INSERT INTO …"); the connection's message is appended.
void check(sqlite3* db, int rc, const std::string& what);

/// Throws the matching Error subclass for `rc` with `message` as text.
[[noreturn]] void raise(int rc, const std::string& message);

}  // namespace gopy::server::store
