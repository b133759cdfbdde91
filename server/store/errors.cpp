#include "server/store/errors.h"

#include <sqlite3.h>

namespace gopy::server::store {

Error::Error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}

void raise(int rc, const std::string& message) {
    switch (rc & 0xff) {
        case SQLITE_FULL:
            throw DiskFull(rc, "Ổ đĩa đầy, không ghi được cơ sở dữ liệu (" + message + ")");
        case SQLITE_IOERR:
            throw IoError(rc, "Lỗi đọc/ghi ổ đĩa (" + message + ")");
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Busy(rc, "Cơ sở dữ liệu đang được một tiến trình khác sử dụng (the database is in "
                           "use by another process): " + message);
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            throw Corrupt(rc, "Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu GopY (" +
                                  message + ")");
        case SQLITE_CANTOPEN:
            throw CannotOpen(rc, message);
        default:
            throw Error(rc, message);
    }
}

void check(sqlite3* db, int rc, const std::string& what) {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
    // The extended code tells IOERR_* apart; the connection message says what SQLite saw.
    const int code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    raise((code & 0xff) == (rc & 0xff) ? code : rc, what + ": " + detail);
}

}  // namespace gopy::server::store
