#include "server/store/statement.h"

#include <sqlite3.h>

#include "server/store/errors.h"

namespace gopy::server::store {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
    const int rc = sqlite3_prepare_v3(db_, sql_.data(), static_cast<int>(sql_.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        check(db_, rc, "prepare: " + sql_);
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    check(db_, sqlite3_bind_int64(stmt_, index, value), "bind: " + sql_);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(db_, sqlite3_bind_double(stmt_, index, value), "bind: " + sql_);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    check(db_,
          sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          "bind: " + sql_);
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    // A zero-length blob must still be a blob, not NULL: pass a valid pointer.
    static const char empty = 0;
    check(db_,
          sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &empty : bytes.data(), bytes.size(),
                              SQLITE_TRANSIENT),
          "bind: " + sql_);
    return *this;
}

Statement& Statement::bindNull(int index) {
    check(db_, sqlite3_bind_null(stmt_, index), "bind: " + sql_);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    if (!value) return bindNull(index);
    return bind(index, std::string_view(*value));
}

Statement& Statement::bind(int index, const std::optional<int>& value) {
    if (!value) return bindNull(index);
    return bind(index, static_cast<std::int64_t>(*value));
}

int Statement::parameterIndex(const char* name) const {
    const int index = sqlite3_bind_parameter_index(stmt_, name);
    if (index == 0) throw Error(SQLITE_RANGE, std::string("no parameter ") + name + " in " + sql_);
    return index;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset first so that a failed statement does not hold a lock, then report.
    const int code = sqlite3_extended_errcode(db_);
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    raise(code != SQLITE_OK ? code : rc, "step: " + sql_ + ": " + message);
}

void Statement::exec() {
    while (step()) {
    }
}

void Statement::reset() noexcept {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::getInt(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::getDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::getText(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::string Statement::getBlob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) return {};
    return {static_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::optional<std::string> Statement::getOptionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return getText(column);
}

std::optional<std::int64_t> Statement::getOptionalInt(int column) const {
    if (isNull(column)) return std::nullopt;
    return getInt(column);
}

}  // namespace gopy::server::store
