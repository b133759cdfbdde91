// Generated report documents, versioned per (conference, format), with their SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class ReportTable {
public:
    explicit ReportTable(Database& db) : db_(db) {}

    /// Stores `content` as the next version for (conferenceId, format); returns its info.
    ReportInfo insert(std::int64_t conferenceId, const std::string& format,
                      const std::string& sha256, Millis createdAt, const std::string& content);
    std::optional<ReportInfo> info(std::int64_t id);
    /// The format ("pdf", "docx") of a report, if it exists.
    std::optional<std::string> format(std::int64_t id);
    std::optional<std::string> content(std::int64_t id);
    /// Reports of a conference (0: combined), newest first; of one format ("pdf") or, when
    /// `format` is empty, of every format.
    std::vector<ReportInfo> byConference(std::int64_t conferenceId, bool releasedOnly,
                                         std::string_view format = {});
    void setReleased(std::int64_t id, bool released);

private:
    Database& db_;
};

}  // namespace gopy::server::store
