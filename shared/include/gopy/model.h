// GopY domain model: plain C++20 structs shared by server, client and reports.
// No Qt, no Asio. Every text field holds NFC-normalised UTF-8 (see text.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gopy {

/// Milliseconds since the Unix epoch (UTC).
using Millis = std::int64_t;

/// The organisation that issues the reports; printed in the letterhead.
struct Letterhead {
    std::string parentBody;     ///< "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
    std::string issuingBody;    ///< "QUẬN ỦY BA ĐÌNH"
    std::string issuingCode;    ///< "QU" as in "Số 273-KH/QU"
    std::string placeName;      ///< "Ba Đình" as in "Ba Đình, ngày …"
    std::string signerOnBehalf; ///< "T/M BAN THƯỜNG VỤ"
    std::string signerRole;     ///< "PHÓ BÍ THƯ THƯỜNG TRỰC"
    std::string signerName;     ///< "Nguyễn Công Thành"
    std::vector<std::string> recipients; ///< "Nơi nhận" lines
    bool operator==(const Letterhead&) const = default;
};

/// Dates are ISO 8601 calendar dates "YYYY-MM-DD".
struct Campaign {
    std::string title;          ///< the consultation
    std::string draftTitle;     ///< "Dự thảo Báo cáo chính trị Đại hội XXVII …"
    std::string planNumber;     ///< "273-KH/QU"
    Letterhead letterhead;
    std::string conferencesFrom;   ///< first day of quarter I
    std::string conferencesTo;     ///< last day of quarter II
    std::string publicFrom;        ///< 2025-02-03
    std::string publicTo;          ///< 2025-06-15
    std::string grassrootsDue;     ///< grassroots reports due
    std::string synthesisDue;      ///< 2025-07-01 (exclusive: "trước 01/7/2025")
    std::vector<std::string> wards; ///< the 13 wards of the public channel
    bool operator==(const Campaign&) const = default;
};

/// One node of the draft's outline. `code` is the stable reference used by comments:
/// "I", "I.2", "I.2.a"; parts are level 1, sections level 2, sub-sections level 3.
struct Section {
    std::string code;
    std::string parentCode;  ///< empty for a part
    int level = 1;
    int ord = 0;             ///< position in the draft's order (document order)
    std::string label;       ///< as printed: "Phần I", "1.", "a)"
    std::string title;
    bool operator==(const Section&) const = default;
};

/// The start of one numbered body paragraph of the draft, so that a person can pick it.
struct ParagraphHead {
    std::string section;     ///< Section::code
    int number = 0;          ///< from 1 within the section
    std::string opening;     ///< first words, at most ~80 characters, "…" when cut
    bool operator==(const ParagraphHead&) const = default;
};

enum class Channel { Conference, Public, Grassroots };
enum class ConferenceState { Planned, InSession, Concluded };

struct Conference {
    std::int64_t id = 0;
    std::string title;
    Channel channel = Channel::Conference;
    std::string chairBody;   ///< "Ban Thường vụ Quận ủy" or "Ủy ban MTTQ quận"
    std::string audience;
    std::string date;        ///< ISO date, may be empty while planned
    std::string place;
    std::string chairPerson; ///< who chaired, for the report
    ConferenceState state = ConferenceState::Planned;
    std::optional<int> presentCount; ///< head count when no one is ticked individually
    std::optional<int> invitedCount; ///< delegates invited, as the organiser set it (else the list's size)
    std::string time;        ///< opening time "08:00" (Hà Nội), may be empty
    Millis startedAt = 0;
    Millis endedAt = 0;
    bool operator==(const Conference&) const = default;
};

struct Participant {
    std::string id;           ///< client- or seed-generated, unique in the campaign
    std::int64_t conferenceId = 0;
    std::string fullName;     ///< "Nguyễn Văn An"
    std::string title;        ///< chức danh
    std::string organisation;
    std::string group;        ///< delegate group, for counts
    bool present = false;
    bool operator==(const Participant&) const = default;
};

enum class TurnState { Waiting, Speaking, Done };

/// A place in the speaker queue and, once started, a speaking turn.
struct Turn {
    std::string id;
    std::int64_t conferenceId = 0;
    std::string participantId;
    double position = 0;      ///< queue order; fractional so a move touches one row
    TurnState state = TurnState::Waiting;
    Millis startedAt = 0;
    Millis endedAt = 0;
    bool operator==(const Turn&) const = default;
};

enum class CommentKind { Agreement, Addition, Amendment, Deletion, Recommendation, Other };

/// The drafting team's answer to a comment or a group of comments (acceptance table).
enum class Acceptance { Pending, Accepted, Partly, NotAccepted };

/// Where a public or grassroots comment came from; conference comments have none.
struct CommentOrigin {
    std::string ward;          ///< public channel: one of Campaign::wards
    std::string authorName;    ///< may be empty
    std::string contact;       ///< may be empty
    std::string submittedAt;   ///< ISO 8601 date or date-time, as submitted
    bool outsideWindow = false; ///< submitted outside the public window
    std::int64_t organisationId = 0; ///< grassroots channel: the organisation
    bool operator==(const CommentOrigin&) const = default;
};

struct ProposedWording {
    std::string wording;   ///< the exact proposed words, verbatim
    std::string location;  ///< "Phần II, mục 3, đoạn 2, trang 14, dòng 5"
    bool operator==(const ProposedWording&) const = default;
};

struct Comment {
    std::string id;            ///< client-generated (UUID), stable across offline edits
    std::int64_t conferenceId = 0;
    std::string participantId; ///< the speaker
    std::string turnId;        ///< empty for a written submission
    std::vector<std::string> sections; ///< Section::code values
    CommentKind kind = CommentKind::Other;
    std::string text;
    std::optional<ProposedWording> proposed;
    bool written = false;      ///< handed in on paper
    bool flagged = false;      ///< chair: for the closing remarks
    std::int64_t rev = 0;      ///< committed revision, 1 after create
    Millis createdAt = 0;
    Millis updatedAt = 0;
    std::optional<CommentOrigin> origin; ///< public and grassroots comments
    int paragraph = 0;         ///< paragraph number within the first section; 0: none
    Acceptance acceptance = Acceptance::Pending; ///< set on a comment outside any group
    std::string acceptanceNote; ///< the drafting team's explanation
    bool operator==(const Comment&) const = default;
};

/// Comments that say the same thing, answered once by the drafting team.
struct CommentGroup {
    std::string id;                      ///< client-generated
    std::string section;                 ///< Section::code
    std::vector<std::string> commentIds; ///< members, any channel
    Acceptance acceptance = Acceptance::Pending;
    std::string explanation;
    bool operator==(const CommentGroup&) const = default;
};

/// A grassroots Party organisation that sends its congress's comments.
struct GrassrootsOrganisation {
    std::int64_t id = 0;
    std::string name;         ///< "Chi bộ Khu dân cư số 3, phường Phúc Xá"
    std::string due;          ///< ISO date the report is due
    Millis reportedAt = 0;    ///< 0 while not sent
    bool operator==(const GrassrootsOrganisation&) const = default;
};

/// One dated item of the plan on the dashboard.
enum class DeadlineStatus { Done, Due, Late };
struct Deadline {
    std::string key;          ///< "conferences", "public_window", "grassroots", "synthesis", …
    std::string label;        ///< Vietnamese, for people
    std::string from;         ///< ISO date; empty for a single due date
    std::string due;          ///< ISO date (inclusive last day)
    DeadlineStatus status = DeadlineStatus::Due;
    int done = 0;             ///< items done so far (conferences concluded, reports sent)
    int total = 0;            ///< items in all; 0 when not countable
    bool operator==(const Deadline&) const = default;
};

/// A losing edit kept when two secretaries edited the same base revision.
/// The classification a losing edit carried, kept with its conflict: everything it set
/// (sections, kind, proposed wording, written, paragraph) and which of those fields the
/// winner had changed to something else meanwhile (`conflicting`: "sections", "kind",
/// "proposed", "written", "paragraph").
struct ConflictFields {
    std::vector<std::string> sections;
    CommentKind kind = CommentKind::Other;
    std::optional<ProposedWording> proposed;
    bool written = false;
    int paragraph = 0;
    std::vector<std::string> conflicting;
    bool operator==(const ConflictFields&) const = default;
};

struct CommentConflict {
    std::int64_t id = 0;
    std::string commentId;
    std::int64_t baseRev = 0;
    std::string text;
    std::string deviceName;
    Millis at = 0;
    /// Empty ("stale"): the edit started from an older revision and its text (or a field in
    /// `fields.conflicting`) clashed with the winner's. "deleted": the comment had been deleted;
    /// the edit is kept whole and resolving it restores the comment.
    std::string reason;
    std::optional<ConflictFields> fields;
    bool operator==(const CommentConflict&) const = default;
};

/// Append only: grassroots (a grassroots organisation's reporter) and drafting (tổ biên tập)
/// came with issue 5.
enum class Role { Organiser, Secretary, Chair, Delegate, Grassroots, Drafting };

struct ReportInfo {
    std::int64_t id = 0;
    std::int64_t conferenceId = 0; ///< 0 for the combined synthesis
    int version = 0;
    std::string sha256;
    Millis createdAt = 0;
    bool released = false;
    bool operator==(const ReportInfo&) const = default;
};

// Stable wire/storage names ("agreement", "in_session", "secretary", …).
std::string_view toString(Channel);
std::string_view toString(ConferenceState);
std::string_view toString(TurnState);
std::string_view toString(CommentKind);
std::string_view toString(Role);
std::string_view toString(Acceptance);
std::string_view toString(DeadlineStatus);
/// Parse the names above; nullopt for anything else.
std::optional<Channel> channelFromString(std::string_view);
std::optional<ConferenceState> conferenceStateFromString(std::string_view);
std::optional<TurnState> turnStateFromString(std::string_view);
std::optional<CommentKind> commentKindFromString(std::string_view);
std::optional<Role> roleFromString(std::string_view);
std::optional<Acceptance> acceptanceFromString(std::string_view);
std::optional<DeadlineStatus> deadlineStatusFromString(std::string_view);
/// Vietnamese label for the acceptance table: "tiếp thu", "tiếp thu một phần", …
std::string_view labelVi(Acceptance);
/// Vietnamese label for reports and UI: "nhất trí", "bổ sung", "sửa đổi", …
std::string_view labelVi(CommentKind);

}  // namespace gopy
