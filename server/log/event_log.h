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

namespace gopy::server::log {

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
    /// True while lines cannot be written to the file (a full disk, an I/O error, a file size
    /// limit). The first failed line says so on stderr, always, with the reason; the lines
    /// that follow still reach stderr (if on) and are counted; every `retry` the file is
    /// reopened and, once a line fits again, the file first gets one line saying how many
    /// were lost and since when. Nothing is silent.
    bool fileFaulty() const;
    /// How often a faulty file is tried again (default 5 s; tests make it short).
    void setRetryInterval(std::chrono::steady_clock::duration retry);

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
    /// Mutex held: appends `line` to the file, handling a failure as fileFaulty() says.
    void writeFile(const std::string& line);
    /// Mutex held: writes and flushes; false if the stream failed.
    bool append(const std::string& line);

    mutable std::mutex mutex_;
    std::filesystem::path path_;
    std::ofstream file_;
    std::size_t size_ = 0;
    std::size_t maxBytes_ = 0;
    int keep_ = 0;
    bool stderr_ = true;
    bool faulty_ = false;
    std::size_t lost_ = 0;            ///< lines not written to the file since faultySince_
    std::string faultySince_;         ///< ISO time of the first lost line
    std::chrono::steady_clock::time_point retryAt_{};
    std::chrono::steady_clock::duration retry_ = std::chrono::seconds(5);
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

}  // namespace gopy::server::log
