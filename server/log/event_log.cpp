#include "server/log/event_log.h"

#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <system_error>

namespace gopy::server::log {

namespace {

std::string isoNow() {
    const auto now = std::chrono::system_clock::now();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms % 1000));
    return buffer;
}

}  // namespace

EventLog& EventLog::instance() {
    static EventLog log;
    return log;
}

bool EventLog::openFile(const std::filesystem::path& file, std::size_t maxBytes, int keep) {
    std::lock_guard lock(mutex_);
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (file_.is_open()) file_.close();
    file_.open(file, std::ios::app | std::ios::binary);
    if (!file_) return false;
    path_ = file;
    faulty_ = false;
    lost_ = 0;
    maxBytes_ = maxBytes;
    keep_ = keep;
    const auto existing = std::filesystem::file_size(file, ec);
    size_ = ec ? 0 : static_cast<std::size_t>(existing);
    return true;
}

void EventLog::closeFile() {
    std::lock_guard lock(mutex_);
    if (file_.is_open()) file_.close();
    path_.clear();
    faulty_ = false;
    lost_ = 0;
}

void EventLog::setStderr(bool enabled) {
    std::lock_guard lock(mutex_);
    stderr_ = enabled;
}

void EventLog::write(std::string_view text) {
    std::string line = isoNow();
    line += ' ';
    for (const char c : text) line += (c == '\n' || c == '\r') ? ' ' : c;
    line += '\n';
    std::lock_guard lock(mutex_);
    if (stderr_) std::fwrite(line.data(), 1, line.size(), stderr);
    if (path_.empty()) return;
    writeFile(line);
}

bool EventLog::fileFaulty() const {
    std::lock_guard lock(mutex_);
    return faulty_;
}

void EventLog::setRetryInterval(std::chrono::steady_clock::duration retry) {
    std::lock_guard lock(mutex_);
    retry_ = retry;
}

bool EventLog::append(const std::string& line) {
    if (!file_.is_open()) return false;
    file_.write(line.data(), static_cast<std::streamsize>(line.size()));
    file_.flush();
    if (!file_) return false;
    size_ += line.size();
    return true;
}

void EventLog::writeFile(const std::string& line) {
    const auto now = std::chrono::steady_clock::now();
    if (faulty_) {
        if (now < retryAt_) {
            ++lost_;
            return;
        }
        // Try again on a fresh stream: the old one stays failed after an error.
        file_.close();
        file_.clear();
        file_.open(path_, std::ios::app | std::ios::binary);
        std::error_code ec;
        const auto existing = std::filesystem::file_size(path_, ec);
        size_ = ec ? 0 : static_cast<std::size_t>(existing);
        const std::string notice = isoNow() + " nhật ký: " + std::to_string(lost_) +
                                   " dòng không ghi được vào tệp từ " + faultySince_ +
                                   " (lỗi ghi tệp); xem stderr của máy chủ\n";
        if (append(notice) && append(line)) {
            faulty_ = false;
            lost_ = 0;
            std::fprintf(stderr, "gopy-server: nhật ký ghi lại được vào %s\n", path_.c_str());
            return;
        }
        ++lost_;
        retryAt_ = now + retry_;
        return;
    }
    if (size_ + line.size() > maxBytes_ && size_ > 0) rotate();
    if (append(line)) return;
    const int error = errno;
    faulty_ = true;
    lost_ = 1;
    faultySince_ = line.substr(0, line.find(' '));
    retryAt_ = now + retry_;
    // Always on stderr, even when the lines themselves are not: the terminal must know.
    std::fprintf(stderr,
                 "gopy-server: không ghi được nhật ký vào %s (%s; đĩa đầy?). Các sự kiện chỉ còn "
                 "hiện trên màn hình này cho tới khi ghi lại được.\n",
                 path_.c_str(), error != 0 ? std::strerror(error) : "lỗi ghi tệp");
}

void EventLog::writeThrottled(std::string_view kind, std::string_view text,
                              std::chrono::steady_clock::duration window) {
    const auto now = std::chrono::steady_clock::now();
    std::size_t held = 0;
    {
        std::lock_guard lock(throttleMutex_);
        auto it = throttles_.find(kind);
        if (it == throttles_.end()) it = throttles_.emplace(std::string(kind), Throttle{}).first;
        Throttle& throttle = it->second;
        if (throttle.last != std::chrono::steady_clock::time_point{} && now - throttle.last < window) {
            ++throttle.held;
            return;
        }
        held = throttle.held;
        throttle.held = 0;
        throttle.last = now;
    }
    if (held == 0) return write(text);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(window).count();
    write(std::string(text) + " (+" + std::to_string(held) + " như vậy trong " + std::to_string(seconds) +
          " s trước)");
}

void EventLog::rotate() {
    // Called with the mutex held: shift gopy.log.N-1 → gopy.log.N, newest last.
    file_.close();
    std::error_code ec;
    const auto numbered = [this](int n) {
        return std::filesystem::path(path_.string() + "." + std::to_string(n));
    };
    std::filesystem::remove(numbered(keep_), ec);
    for (int n = keep_ - 1; n >= 1; --n) {
        if (std::filesystem::exists(numbered(n), ec)) std::filesystem::rename(numbered(n), numbered(n + 1), ec);
    }
    if (keep_ >= 1) std::filesystem::rename(path_, numbered(1), ec);
    file_.open(path_, std::ios::trunc | std::ios::binary);
    size_ = 0;
}

void logEvent(std::string_view text) { EventLog::instance().write(text); }

void logThrottled(std::string_view kind, std::string_view text) { EventLog::instance().writeThrottled(kind, text); }

}  // namespace gopy::server::log
