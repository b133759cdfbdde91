// GopY wire protocol: typed messages and their JSON envelopes (see docs/protocol.md).
//
// Every frame is one JSON object {"v": 1, "type": "<name>", "body": {...}}.
// The registry below is APPEND ONLY: never reorder or remove a type or change its name.
// decode() validates everything and returns either a whole typed message or a typed error;
// it never throws and never accepts half a message.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gopy/model.h"

namespace gopy::proto {

inline constexpr int kProtocolVersion = 1;
/// Largest frame either side accepts (the server closes with 1009 above it).
inline constexpr std::size_t kMaxFrameBytes = 1 << 20;

/// Registry of message types. Append only.
enum class MessageType : int {
    Admit = 1,      // c→s  exchange a one-time code for a device token
    Hello = 2,      // c→s  authenticate with a device token
    Welcome = 3,    // s→c  authenticated: role, campaign, outline, conferences
    Subscribe = 4,  // c→s  follow one conference "since" a server sequence
    Snapshot = 5,   // s→c  full state of a conference
    Events = 6,     // s→c  ordered operations (catch-up batch or live push)
    Op = 7,         // c→s  one client operation (client id, client seq)
    Ack = 8,        // s→c  the operation is durable (or was already applied)
    Nack = 9,       // s→c  the operation was refused; nothing was applied
    Typing = 10,    // both live draft of a comment being typed (not durable)
    Error = 11,     // s→c  a request-level error (malformed, unauthenticated, …)
    DashboardGet = 12,  // c→s  deadlines, grassroots reports, drafting work (issue 5)
    Dashboard = 13,     // s→c  the answer to DashboardGet
};
std::string_view toString(MessageType);
std::optional<MessageType> messageTypeFromString(std::string_view);

enum class ErrorCode {
    MalformedJson,       // "malformed_json"
    UnsupportedVersion,  // "unsupported_version"
    UnknownType,         // "unknown_type"
    MissingField,        // "missing_field"
    BadField,            // "bad_field"     wrong JSON type or value out of range
    TooLarge,            // "too_large"
    Unauthenticated,     // "unauthenticated" message before hello/admit, or bad token
    BadCode,             // "bad_code"      wrong, used or expired admission code
    Locked,              // "locked"        too many wrong codes from this address
    Forbidden,           // "forbidden"     the role may not do this
    Revoked,             // "revoked"       the device was revoked
    Gap,                 // "gap"           client_seq skips ahead; resend from expected_seq
    NotFound,            // "not_found"     unknown conference / participant / turn / comment
    Invalid,             // "invalid"       well-formed but breaks a rule (e.g. empty text)
    StorageFull,         // "storage_full"  disk full or I/O error; retry later, nothing applied
    Internal,            // "internal"
    SeqReused,           // "seq_reused"    this client seq was applied with other content
    RateLimited,         // "rate_limited"  too many requests of this kind; wait and retry
    Replaced,            // "replaced"      the same device token logged in on another connection
};
std::string_view toString(ErrorCode);
std::optional<ErrorCode> errorCodeFromString(std::string_view);

// ---- operations (the body of an Op, and what Events carry) ----------------------------

struct SessionStart { Millis at = 0; bool operator==(const SessionStart&) const = default; };
struct SessionEnd { Millis at = 0; bool operator==(const SessionEnd&) const = default; };
struct AttendanceSet {
    std::string participantId;
    bool present = true;
    bool operator==(const AttendanceSet&) const = default;
};
struct HeadCount { int count = 0; bool operator==(const HeadCount&) const = default; };
struct ParticipantAdd { Participant participant; bool operator==(const ParticipantAdd&) const = default; };
struct QueueAdd {
    std::string turnId;
    std::string participantId;
    double position = 0;
    bool operator==(const QueueAdd&) const = default;
};
struct QueueMove { std::string turnId; double position = 0; bool operator==(const QueueMove&) const = default; };
struct QueueRemove { std::string turnId; bool operator==(const QueueRemove&) const = default; };
struct TurnStart { std::string turnId; Millis at = 0; bool operator==(const TurnStart&) const = default; };
struct TurnStop { std::string turnId; Millis at = 0; bool operator==(const TurnStop&) const = default; };
/// Creates comment.id at rev 1. conferenceId of the comment is the Op's.
struct CommentCreate { Comment comment; bool operator==(const CommentCreate&) const = default; };
/// Replaces the editable fields. If baseRev is not the current revision, the server keeps
/// the current text, stores this text as a CommentConflict and tells every client.
/// `resolves` lists conflict ids that this edit settles (a person merged them).
struct CommentUpdate {
    std::string commentId;
    std::int64_t baseRev = 0;
    std::string text;
    std::vector<std::string> sections;
    CommentKind kind = CommentKind::Other;
    std::optional<ProposedWording> proposed;
    bool written = false;
    std::vector<std::int64_t> resolves;
    /// Absent: the paragraph is kept while the first section stays the same, else cleared.
    /// Present: the new paragraph number within the first section (0 clears it).
    std::optional<int> paragraph;
    bool operator==(const CommentUpdate&) const = default;
};
struct CommentDelete { std::string commentId; bool operator==(const CommentDelete&) const = default; };
struct CommentFlag { std::string commentId; bool flagged = true; bool operator==(const CommentFlag&) const = default; };
struct ReportRelease { std::int64_t reportId = 0; bool operator==(const ReportRelease&) const = default; };
/// Drafting team: sets the sections of many comments at once (replacing their sections).
/// The comments may belong to any conference of the campaign.
struct CommentAssign {
    std::vector<std::string> commentIds;
    std::vector<std::string> sections;
    bool operator==(const CommentAssign&) const = default;
};
/// Drafting team: creates or replaces a group of comments that say the same thing.
/// An empty member list dissolves the group.
struct GroupSet {
    std::string groupId;
    std::string section;
    std::vector<std::string> commentIds;
    bool operator==(const GroupSet&) const = default;
};
/// Drafting team: the answer to a group (groupId) or to one comment (commentId); exactly one
/// of the two is set.
struct AcceptanceSet {
    std::string groupId;
    std::string commentId;
    Acceptance acceptance = Acceptance::Pending;
    std::string explanation;
    bool operator==(const AcceptanceSet&) const = default;
};
/// A grassroots organisation's report is complete and sent.
struct GrassrootsReport {
    std::int64_t organisationId = 0;
    Millis at = 0;
    bool operator==(const GrassrootsReport&) const = default;
};

/// Wire "kind" names: "session.start", "session.end", "attendance.set", "attendance.count",
/// "participant.add", "queue.add", "queue.move", "queue.remove", "turn.start", "turn.stop",
/// "comment.create", "comment.update", "comment.delete", "comment.flag", "report.release",
/// "comment.assign", "group.set", "acceptance.set", "grassroots.report".
/// Append only: new kinds go at the END.
using Operation = std::variant<SessionStart, SessionEnd, AttendanceSet, HeadCount, ParticipantAdd,
                               QueueAdd, QueueMove, QueueRemove, TurnStart, TurnStop, CommentCreate,
                               CommentUpdate, CommentDelete, CommentFlag, ReportRelease,
                               CommentAssign, GroupSet, AcceptanceSet, GrassrootsReport>;
std::string_view kindName(const Operation&);

// ---- messages ------------------------------------------------------------------------

struct Admit {
    std::string code;        ///< as printed by `gopy-server admit`, dashes/spaces ignored
    std::string deviceName;  ///< "Máy tính bảng thư ký 1"
    /// Random, chosen by the device for this admission and kept until it is welcomed: the same
    /// code sent again with the same request_id (the link dropped before the welcome arrived)
    /// admits the same device again instead of being refused as used.
    std::string requestId;
    bool operator==(const Admit&) const = default;
};
struct Hello {
    std::string token;
    bool operator==(const Hello&) const = default;
};
struct Welcome {
    std::string deviceId;
    std::string deviceName;
    Role role = Role::Delegate;
    std::int64_t conferenceId = 0;  ///< 0: every conference
    std::string token;              ///< only in the answer to Admit; keep it
    std::string serverVersion;
    Campaign campaign;
    std::vector<Section> sections;  ///< in the draft's order
    std::vector<Conference> conferences;
    std::int64_t organisationId = 0;  ///< grassroots role: the device's organisation
    std::vector<ParagraphHead> paragraphs;  ///< the draft's body paragraphs, in draft order
    bool operator==(const Welcome&) const = default;
};
struct Subscribe {
    std::int64_t conferenceId = 0;
    std::int64_t since = 0;  ///< last server seq the client holds; 0 asks for a snapshot
    bool operator==(const Subscribe&) const = default;
};
struct Snapshot {
    std::int64_t head = 0;  ///< the server seq this state includes
    Conference conference;
    std::vector<Participant> participants;  ///< Vietnamese order (given name, family name)
    std::vector<Turn> turns;                ///< queue order
    std::vector<Comment> comments;          ///< creation order
    std::vector<CommentConflict> conflicts; ///< unresolved only
    std::vector<ReportInfo> reports;        ///< for delegates: released only
    std::vector<CommentGroup> groups;       ///< groups set through this conference
    /// A snapshot too large for one frame travels in `parts` frames numbered `part` 1…parts
    /// (encodeSnapshotFrames); the first carries everything but most comments, the others
    /// only comments. 0 in both: the whole snapshot in one frame.
    int part = 0;
    int parts = 0;
    bool operator==(const Snapshot&) const = default;
};
/// One applied operation with the resulting state of what it touched, so that clients
/// only upsert: the entity fields present are the new state after `op`.
struct Event {
    std::int64_t seq = 0;
    std::int64_t conferenceId = 0;
    Millis at = 0;
    std::string deviceId;
    Operation op;
    std::optional<Conference> conference;
    std::optional<Participant> participant;
    std::optional<Turn> turn;
    std::optional<Comment> comment;
    std::optional<CommentConflict> conflict;  ///< set when a comment.update lost the race
    std::vector<std::int64_t> resolvedConflicts;
    std::optional<ReportInfo> report;
    std::string removedTurnId;
    std::string removedCommentId;
    std::vector<Comment> comments;          ///< comment.assign / acceptance.set: new states
    std::optional<CommentGroup> group;      ///< group.set / acceptance.set of a group
    std::optional<GrassrootsOrganisation> organisation;  ///< grassroots.report
    bool operator==(const Event&) const = default;
};
struct Events {
    std::int64_t conferenceId = 0;
    std::int64_t head = 0;  ///< seq of the last event in the batch (or the current head)
    std::vector<Event> events;
    bool operator==(const Events&) const = default;
};
struct OpRequest {
    std::string clientId;         ///< the device id from Welcome
    std::int64_t clientSeq = 0;   ///< 1, 2, 3, … per client, no gaps
    std::int64_t conferenceId = 0;
    Operation op;
    bool operator==(const OpRequest&) const = default;
};
struct Ack {
    std::int64_t clientSeq = 0;
    std::int64_t serverSeq = 0;
    bool duplicate = false;  ///< already applied earlier; serverSeq is the original one
    bool operator==(const Ack&) const = default;
};
struct Nack {
    std::int64_t clientSeq = 0;
    ErrorCode code = ErrorCode::Invalid;
    std::string message;            ///< Vietnamese, for people
    std::int64_t expectedSeq = 0;   ///< with Gap: the next seq the server expects
    bool operator==(const Nack&) const = default;
};
struct Typing {
    std::int64_t conferenceId = 0;
    std::string commentId;
    std::int64_t baseRev = 0;       ///< 0 while the comment is not created yet
    std::string participantId;
    std::string text;
    std::string deviceName;         ///< filled in by the server when relaying
    bool done = false;              ///< the typist closed the editor; clear the draft
    bool operator==(const Typing&) const = default;
};
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    bool operator==(const Error&) const = default;
};

/// Asks for the dashboard as of `today` (ISO date; empty: the server's date).
struct DashboardGet {
    std::string today;
    bool operator==(const DashboardGet&) const = default;
};
/// Deadlines of the plan with their status on `today`, the grassroots organisations, and
/// for the drafting team (and the organiser) the comments without a section and
/// suggested groups of near-duplicates (id empty; a person confirms with group.set).
struct Dashboard {
    std::string today;
    std::vector<Deadline> deadlines;
    std::vector<GrassrootsOrganisation> organisations;
    std::vector<std::string> unassigned;       ///< comment ids, creation order
    std::vector<CommentGroup> suggestions;
    bool operator==(const Dashboard&) const = default;
};

using Message = std::variant<Admit, Hello, Welcome, Subscribe, Snapshot, Events, OpRequest, Ack,
                             Nack, Typing, Error, DashboardGet, Dashboard>;
MessageType typeOf(const Message&);

/// Serialises the envelope. Text fields are written as given (callers keep them NFC).
std::string encode(const Message& message);

struct DecodeError {
    ErrorCode code = ErrorCode::MalformedJson;
    std::string message;  ///< names the offending field: "body.op.text: expected string"
};
struct DecodeResult {
    std::optional<Message> message;
    DecodeError error;  ///< meaningful only when !message
    explicit operator bool() const { return message.has_value(); }
};
/// Validates the envelope and the body. Text fields are NFC-normalised on the way in,
/// so an input method that sends decomposed Vietnamese is stored composed. Input longer than
/// `maxBytes` is refused `too_large` (frames: kMaxFrameBytes; a device's own cache may allow more).
DecodeResult decode(std::string_view json, std::size_t maxBytes = kMaxFrameBytes);

/// The frames of a snapshot, each at most `maxBytes`: one when it fits, else parts 1…n of
/// which the first holds everything but the comments that did not fit, the rest only comments.
std::vector<std::string> encodeSnapshotFrames(const Snapshot& snapshot, std::size_t maxBytes = kMaxFrameBytes);
/// The frames of a batch of events, split between events so that each is at most `maxBytes`
/// (one event larger than that stays alone in its frame; the length limits keep that from
/// happening). Every frame has the batch's head.
std::vector<std::string> encodeEventsFrames(const Events& events, std::size_t maxBytes = kMaxFrameBytes);

/// Puts the parts of a split snapshot back together, per conference. add() returns the
/// whole snapshot when it is whole (at once for an unsplit one); a part of another head
/// starts over (a newer snapshot replaced the one being received).
class SnapshotAssembler {
public:
    std::optional<Snapshot> add(Snapshot part);
    /// Forgets what was received (the connection dropped).
    void clear() { pending_.clear(); }

private:
    std::map<std::int64_t, Snapshot> pending_;  ///< by conference id
};

/// Stand-alone JSON for a conflict's fields (the server stores them with the conflict).
std::string encodeConflictFields(const ConflictFields&);
std::optional<ConflictFields> decodeConflictFields(std::string_view json);

/// Stand-alone JSON for one Event (the server stores applied events in its log).
std::string encodeEvent(const Event&);
std::optional<Event> decodeEvent(std::string_view json);

}  // namespace gopy::proto
