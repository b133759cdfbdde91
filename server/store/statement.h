// A prepared SQLite statement (RAII: prepared in the constructor, finalized in the destructor).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace gopy::server::store {

class Statement {
public:
    /// Prepares `sql` on `db` (persistent: it will be reused). Throws store::Error.
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    /// Binds parameter `index` (1-based). Text is bound as UTF-8 and copied by SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);
    /// Binds NULL when `value` is empty.
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind(int index, const std::optional<int>& value);
    /// Binds by name (":name"); throws store::Error if the statement has no such parameter.
    template <typename T>
    Statement& bind(const char* name, const T& value) {
        return bind(parameterIndex(name), value);
    }

    /// Executes one step: true when a row is available, false when done. Throws store::Error.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void exec();
    /// Resets the statement and clears its bindings so it can be reused.
    void reset() noexcept;

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t getInt(int column) const;
    [[nodiscard]] double getDouble(int column) const;
    [[nodiscard]] std::string getText(int column) const;
    [[nodiscard]] std::string getBlob(int column) const;
    [[nodiscard]] std::optional<std::string> getOptionalText(int column) const;
    [[nodiscard]] std::optional<std::int64_t> getOptionalInt(int column) const;

    [[nodiscard]] const std::string& sql() const { return sql_; }

private:
    int parameterIndex(const char* name) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

}  // namespace gopy::server::store
