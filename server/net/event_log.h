// The server's event log: one line per event (connections, admissions, refusals, errors,
// reports), each starting with the ISO 8601 UTC time, written to stderr and to a rotating file.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string_view>

namespace gopy::server::net {

class EventLog {
public:
    /// The process-wide log. Thread-safe.
    static EventLog& instance();

    /// Also append to `file` (its folder is created), rotating it when it exceeds `maxBytes`:
    /// gopy.log → gopy.log.1 → … → gopy.log.<keep>, the oldest dropped. Returns false and
    /// leaves file logging off if the file cannot be opened.
    bool openFile(const std::filesystem::path& file, std::size_t maxBytes = 5 * 1024 * 1024,
                  int keep = 5);
    /// Stops file logging (closes the file).
    void closeFile();
    /// Writes to stderr too (default on).
    void setStderr(bool enabled);

    /// Writes one line "2025-03-12T08:30:00.123Z <text>"; newlines inside `text` become spaces.
    void write(std::string_view text);
    /// Writes `text` unless a line of the same `kind` was written less than `window` ago; the
    /// lines held back are counted and the next one written says how many ("(+37 như vậy
    /// trong 60 s trước)"). For what an outsider can repeat at will: junk frames, failed TLS
    /// handshakes, refused codes — they must not rotate the real entries out of the file.
    void writeThrottled(std::string_view kind, std::string_view text,
                        std::chrono::steady_clock::duration window = std::chrono::seconds(60));

private:
    EventLog() = default;
    void rotate();

    std::mutex mutex_;
    std::filesystem::path path_;
    std::ofstream file_;
    std::size_t size_ = 0;
    std::size_t maxBytes_ = 0;
    int keep_ = 0;
    bool stderr_ = true;
    struct Throttle {
        std::chrono::steady_clock::time_point last{};
        std::size_t held = 0;
    };
    std::mutex throttleMutex_;
    std::map<std::string, Throttle, std::less<>> throttles_;
};

/// Shorthand for EventLog::instance().write(text).
void logEvent(std::string_view text);
/// Shorthand for EventLog::instance().writeThrottled(kind, text).
void logThrottled(std::string_view kind, std::string_view text);

}  // namespace gopy::server::net
