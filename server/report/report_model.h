// What a synthesis says, in what order, with what counts: built from the engine's state,
// rendered separately (report_composer.h). Pure data, no PDF.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::report {

/// The file a report is written as.
enum class DocumentFormat { Pdf, Docx };

inline constexpr std::size_t kKindCount = 6;  // CommentKind values, in declaration order

/// Counts of comments per CommentKind (index = static_cast<int>(kind)).
struct KindCounts {
    std::array<int, kKindCount> byKind{};
    [[nodiscard]] int total() const;
    [[nodiscard]] int of(CommentKind kind) const { return byKind[static_cast<std::size_t>(kind)]; }
    void add(CommentKind kind) { ++byKind[static_cast<std::size_t>(kind)]; }
    bool operator==(const KindCounts&) const = default;
};

/// One comment as the report cites it.
struct CommentEntry {
    int number = 0;  ///< 1-based, in report order (the appendix table's STT)
    std::string commentId;
    std::string speaker;       ///< full name, or "" when the author is unknown
    std::string speakerTitle;  ///< chức danh
    std::string organisation;
    CommentKind kind = CommentKind::Other;
    std::string text;
    std::optional<ProposedWording> proposed;
    bool written = false;
    bool flagged = false;
    std::vector<std::string> sectionCodes;  ///< as tagged, draft order
    std::size_t source = 0;  ///< index into the report's sources (combined synthesis)
    Channel channel = Channel::Conference;
    std::string ward;              ///< public channel: the ward ("Phúc Xá")
    std::string submittedAt;       ///< public channel: as submitted
    bool outsideWindow = false;    ///< public channel: sent outside the public window
    int paragraph = 0;             ///< paragraph number in `paragraphSection`; 0: none
    std::string paragraphSection;  ///< the first section as tagged
    Acceptance acceptance = Acceptance::Pending;  ///< answer to the comment on its own
    std::string acceptanceNote;
    bool operator==(const CommentEntry&) const = default;
};

/// A grassroots organisation as the combined synthesis lists it.
struct OrganisationEntry {
    std::string name;
    std::string due;        ///< ISO date
    Millis reportedAt = 0;  ///< 0: not sent
    int comments = 0;       ///< comments recorded for it
    bool operator==(const OrganisationEntry&) const = default;
};

/// Where a comment came from in the combined synthesis: a conference or a channel.
struct SourceInfo {
    std::int64_t conferenceId = 0;
    std::string name;   ///< "Hội nghị 1", "Nhân dân", "Tổ chức cơ sở đảng"
    std::string title;  ///< the conference's full title
    Channel channel = Channel::Conference;
    std::string date;  ///< conferences: ISO date, may be empty
    ConferenceState state = ConferenceState::Planned;
    KindCounts counts;
    int contributors = 0;
    int outsideWindow = 0;  ///< public channel: comments sent outside the window
    std::vector<std::pair<std::string, int>> byWard;  ///< public channel: ward, comments
    std::vector<OrganisationEntry> organisations;     ///< grassroots channel, by due date
    bool operator==(const SourceInfo&) const = default;
};

/// The comments on one node of the draft outline.
struct SectionGroup {
    Section section;
    std::vector<std::size_t> comments;  ///< indexes into the report's comments, report order
    KindCounts counts;
    int contributors = 0;              ///< distinct authors
    std::vector<KindCounts> bySource;  ///< combined synthesis: one per source
    bool operator==(const SectionGroup&) const = default;
};

// The drafting team's decision is gopy::Acceptance (model.h), Pending ("chưa xem xét") included.

/// One row of the acceptance table (tiếp thu, giải trình): a comment or a group of equal ones.
struct AcceptanceRow {
    int number = 0;
    std::string location;  ///< in the draft
    std::string comment;
    std::string who;  ///< who made it
    int howMany = 1;  ///< how many made it
    Acceptance decision = Acceptance::Pending;
    std::string reason;
    std::string groupId;  ///< the drafting team's group; empty for a comment on its own
    /// Stands for `howMany` unanswered comments of one section (combined synthesis only);
    /// `comment` then says so instead of quoting one.
    bool counted = false;
    bool operator==(const AcceptanceRow&) const = default;
};

struct SpeakerEntry {
    std::string participantId;
    std::string name;
    std::string title;
    std::string organisation;
    Millis spokenMs = 0;
    int turns = 0;
    int comments = 0;
    bool spoke = false;  ///< had a speaking turn (not only written submissions)
    bool operator==(const SpeakerEntry&) const = default;
};

/// Letterhead, number and date line shared by both reports.
struct Heading {
    Letterhead letterhead;
    std::string number;        ///< "Số   -BC/QU" (the office writes the number in)
    std::string placeAndDate;  ///< "Ba Đình, ngày 25 tháng 11 năm 2026"
    std::string draftTitle;
    std::string planNumber;
    bool operator==(const Heading&) const = default;
};

/// The per-meeting synthesis.
struct ConferenceReport {
    Heading heading;
    Conference conference;
    // I. organisation
    int invited = 0;
    int present = 0;
    int speakers = 0;            ///< people who spoke
    int writtenSubmissions = 0;  ///< comments handed in on paper
    int writtenAuthors = 0;
    Millis sessionStart = 0;
    Millis sessionEnd = 0;
    // II. comments
    int contributors = 0;  ///< distinct authors of comments
    int agreeing = 0;      ///< of them, authors of at least one agreement
    KindCounts counts;
    std::vector<std::size_t> general;    ///< comments on the draft as a whole (no section)
    std::vector<SectionGroup> sections;  ///< draft order, sections with comments only
    std::vector<Section> outline;        ///< the whole outline, draft order (for headings)
    // III. proposals
    std::vector<std::size_t> recommendations;
    // appendix
    std::vector<SpeakerEntry> speakerList;  ///< order of first speaking turn, then written-only
    std::vector<CommentEntry> comments;     ///< report order
    bool operator==(const ConferenceReport&) const = default;
};

/// The acceptance table on its own (bảng tổng hợp tiếp thu, giải trình).
struct AcceptanceReport {
    Heading heading;
    std::vector<AcceptanceRow> rows;  ///< draft order
    std::array<int, 4> byDecision{};  ///< rows per gopy::Acceptance value
    bool operator==(const AcceptanceReport&) const = default;
};

/// The combined synthesis across conferences and channels.
struct CombinedReport {
    Heading heading;
    std::string campaignTitle;
    std::vector<SourceInfo> sources;  ///< conferences in order, then public, grassroots
    int contributors = 0;
    KindCounts counts;
    std::vector<std::size_t> general;
    std::vector<SectionGroup> sections;
    std::vector<Section> outline;
    std::vector<CommentEntry> comments;
    std::vector<AcceptanceRow> acceptance;  ///< appendix; rendered only when not empty
    std::string publicFrom, publicTo;       ///< the public window (ISO dates)
    bool operator==(const CombinedReport&) const = default;
};

}  // namespace gopy::server::report
