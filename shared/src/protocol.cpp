// GopY wire protocol: registry names and the JSON codec (Boost.JSON).
#include "gopy/protocol.h"

#include <array>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <new>
#include <utility>

#include "json_reader.h"

namespace gopy::proto {
namespace {

constexpr std::array<std::pair<MessageType, std::string_view>, 13> kMessageTypes{{
    {MessageType::Admit, "admit"},
    {MessageType::Hello, "hello"},
    {MessageType::Welcome, "welcome"},
    {MessageType::Subscribe, "subscribe"},
    {MessageType::Snapshot, "snapshot"},
    {MessageType::Events, "events"},
    {MessageType::Op, "op"},
    {MessageType::Ack, "ack"},
    {MessageType::Nack, "nack"},
    {MessageType::Typing, "typing"},
    {MessageType::Error, "error"},
    {MessageType::DashboardGet, "dashboard_get"},
    {MessageType::Dashboard, "dashboard"},
}};

constexpr std::array<std::pair<ErrorCode, std::string_view>, 19> kErrorCodes{{
    {ErrorCode::MalformedJson, "malformed_json"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::MissingField, "missing_field"},
    {ErrorCode::BadField, "bad_field"},
    {ErrorCode::TooLarge, "too_large"},
    {ErrorCode::Unauthenticated, "unauthenticated"},
    {ErrorCode::BadCode, "bad_code"},
    {ErrorCode::Locked, "locked"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::Revoked, "revoked"},
    {ErrorCode::Gap, "gap"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Invalid, "invalid"},
    {ErrorCode::StorageFull, "storage_full"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::SeqReused, "seq_reused"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::Replaced, "replaced"},
}};

// Indexed by Operation::index(); the order follows the variant's alternatives.
constexpr std::array<std::string_view, std::variant_size_v<Operation>> kKindNames{
    "session.start",  "session.end",    "attendance.set", "attendance.count", "participant.add",
    "queue.add",      "queue.move",     "queue.remove",   "turn.start",       "turn.stop",
    "comment.create", "comment.update", "comment.delete", "comment.flag",     "report.release",
    "comment.assign", "group.set",      "acceptance.set", "grassroots.report",
};

}  // namespace

std::string_view toString(MessageType t) {
    for (const auto& [type, name] : kMessageTypes) {
        if (type == t) return name;
    }
    return {};
}

std::optional<MessageType> messageTypeFromString(std::string_view s) {
    for (const auto& [type, name] : kMessageTypes) {
        if (name == s) return type;
    }
    return std::nullopt;
}

std::string_view toString(ErrorCode c) {
    for (const auto& [code, name] : kErrorCodes) {
        if (code == c) return name;
    }
    return {};
}

std::optional<ErrorCode> errorCodeFromString(std::string_view s) {
    for (const auto& [code, name] : kErrorCodes) {
        if (name == s) return code;
    }
    return std::nullopt;
}

std::string_view kindName(const Operation& op) { return kKindNames[op.index()]; }

MessageType typeOf(const Message& message) {
    // The Message alternatives are declared in registry order starting at Admit = 1.
    return static_cast<MessageType>(static_cast<int>(message.index()) + 1);
}

// ---- encoding -------------------------------------------------------------------------

namespace {

namespace json = boost::json;
using detail::DecodeFailure;
using detail::JsonReader;

template <typename... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

// Writes one JSON object. "opt" setters leave out default values (empty, zero, false),
// which the decoder reads back as the same defaults.
class ObjectWriter {
public:
    explicit ObjectWriter(const json::storage_ptr& sp) : object_(sp) {}

    ObjectWriter& str(std::string_view key, std::string_view v) {
        object_.emplace(key, json::string_view(v.data(), v.size()));
        return *this;
    }
    ObjectWriter& optStr(std::string_view key, std::string_view v) {
        if (!v.empty()) str(key, v);
        return *this;
    }
    ObjectWriter& integer(std::string_view key, std::int64_t v) {
        object_.emplace(key, v);
        return *this;
    }
    ObjectWriter& optInt(std::string_view key, std::int64_t v) {
        if (v != 0) integer(key, v);
        return *this;
    }
    ObjectWriter& number(std::string_view key, double v) {
        object_.emplace(key, v);
        return *this;
    }
    ObjectWriter& boolean(std::string_view key, bool v) {
        object_.emplace(key, v);
        return *this;
    }
    ObjectWriter& optTrue(std::string_view key, bool v) {
        if (v) boolean(key, true);
        return *this;
    }
    ObjectWriter& strings(std::string_view key, const std::vector<std::string>& v) {
        if (v.empty()) return *this;
        json::array a(object_.storage());
        a.reserve(v.size());
        for (const std::string& s : v) a.emplace_back(json::string_view(s.data(), s.size()));
        object_.emplace(key, std::move(a));
        return *this;
    }
    ObjectWriter& ints(std::string_view key, const std::vector<std::int64_t>& v) {
        if (v.empty()) return *this;
        json::array a(object_.storage());
        a.reserve(v.size());
        for (const std::int64_t n : v) a.emplace_back(n);
        object_.emplace(key, std::move(a));
        return *this;
    }
    ObjectWriter& value(std::string_view key, json::value v) {
        object_.emplace(key, std::move(v));
        return *this;
    }
    /// Objects made by `toJson(item, storage)`; left out when empty.
    template <typename T, typename ToJson>
    ObjectWriter& objects(std::string_view key, const std::vector<T>& items, ToJson toJson) {
        if (items.empty()) return *this;
        json::array a(object_.storage());
        a.reserve(items.size());
        for (const T& item : items) a.emplace_back(toJson(item, object_.storage()));
        object_.emplace(key, std::move(a));
        return *this;
    }
    [[nodiscard]] const json::storage_ptr& storage() const { return object_.storage(); }
    json::object take() { return std::move(object_); }

private:
    json::object object_;
};

json::object toJson(const Letterhead& l, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.optStr("parent_body", l.parentBody)
        .optStr("issuing_body", l.issuingBody)
        .optStr("issuing_code", l.issuingCode)
        .optStr("place_name", l.placeName)
        .optStr("signer_on_behalf", l.signerOnBehalf)
        .optStr("signer_role", l.signerRole)
        .optStr("signer_name", l.signerName)
        .strings("recipients", l.recipients);
    return w.take();
}

json::object toJson(const Campaign& c, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("title", c.title)
        .optStr("draft_title", c.draftTitle)
        .optStr("plan_number", c.planNumber)
        .value("letterhead", toJson(c.letterhead, sp))
        .optStr("conferences_from", c.conferencesFrom)
        .optStr("conferences_to", c.conferencesTo)
        .optStr("public_from", c.publicFrom)
        .optStr("public_to", c.publicTo)
        .optStr("grassroots_due", c.grassrootsDue)
        .optStr("synthesis_due", c.synthesisDue)
        .strings("wards", c.wards);
    return w.take();
}

json::object toJson(const Section& s, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("code", s.code)
        .optStr("parent_code", s.parentCode)
        .integer("level", s.level)
        .integer("ord", s.ord)
        .optStr("label", s.label)
        .str("title", s.title);
    return w.take();
}

json::object toJson(const ParagraphHead& p, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("section", p.section).integer("number", p.number).str("opening", p.opening);
    return w.take();
}

json::object toJson(const Conference& c, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.integer("id", c.id)
        .str("title", c.title)
        .str("channel", toString(c.channel))
        .optStr("chair_body", c.chairBody)
        .optStr("audience", c.audience)
        .optStr("date", c.date)
        .optStr("place", c.place)
        .optStr("chair_person", c.chairPerson)
        .str("state", toString(c.state));
    if (c.presentCount) w.integer("present_count", *c.presentCount);
    w.optInt("started_at", c.startedAt).optInt("ended_at", c.endedAt);
    if (c.invitedCount) w.integer("invited_count", *c.invitedCount);
    w.optStr("time", c.time);
    return w.take();
}

json::object toJson(const Participant& p, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("id", p.id)
        .optInt("conference_id", p.conferenceId)
        .str("full_name", p.fullName)
        .optStr("title", p.title)
        .optStr("organisation", p.organisation)
        .optStr("group", p.group)
        .optTrue("present", p.present);
    return w.take();
}

json::object toJson(const Turn& t, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("id", t.id)
        .optInt("conference_id", t.conferenceId)
        .str("participant_id", t.participantId)
        .number("position", t.position)
        .str("state", toString(t.state))
        .optInt("started_at", t.startedAt)
        .optInt("ended_at", t.endedAt);
    return w.take();
}

json::object toJson(const ProposedWording& p, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("wording", p.wording).optStr("location", p.location);
    return w.take();
}

json::object toJson(const CommentOrigin& o, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.optStr("ward", o.ward)
        .optStr("author_name", o.authorName)
        .optStr("contact", o.contact)
        .optStr("submitted_at", o.submittedAt)
        .optTrue("outside_window", o.outsideWindow)
        .optInt("organisation_id", o.organisationId);
    return w.take();
}

json::object toJson(const CommentGroup& g, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("id", g.id)
        .optStr("section", g.section)
        .strings("comment_ids", g.commentIds)
        .str("acceptance", toString(g.acceptance))
        .optStr("explanation", g.explanation);
    return w.take();
}

json::object toJson(const GrassrootsOrganisation& o, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.integer("id", o.id).str("name", o.name).optStr("due", o.due).optInt("reported_at",
                                                                          o.reportedAt);
    return w.take();
}

json::object toJson(const Deadline& d, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("key", d.key)
        .str("label", d.label)
        .optStr("from", d.from)
        .str("due", d.due)
        .str("status", toString(d.status))
        .optInt("done", d.done)
        .optInt("total", d.total);
    return w.take();
}

json::object toJson(const Comment& c, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("id", c.id)
        .optInt("conference_id", c.conferenceId)
        .str("participant_id", c.participantId)
        .optStr("turn_id", c.turnId)
        .strings("sections", c.sections)
        .str("kind", toString(c.kind))
        .str("text", c.text);
    if (c.proposed) w.value("proposed", toJson(*c.proposed, sp));
    w.optTrue("written", c.written)
        .optTrue("flagged", c.flagged)
        .optInt("rev", c.rev)
        .optInt("created_at", c.createdAt)
        .optInt("updated_at", c.updatedAt);
    if (c.origin) w.value("origin", toJson(*c.origin, sp));
    w.optInt("paragraph", c.paragraph);
    if (c.acceptance != Acceptance::Pending) w.str("acceptance", toString(c.acceptance));
    w.optStr("acceptance_note", c.acceptanceNote);
    return w.take();
}

json::object toJson(const ConflictFields& f, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.strings("sections", f.sections).str("kind", toString(f.kind));
    if (f.proposed) w.value("proposed", toJson(*f.proposed, sp));
    w.optTrue("written", f.written).optInt("paragraph", f.paragraph).strings("conflicting", f.conflicting);
    return w.take();
}

json::object toJson(const CommentConflict& c, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.integer("id", c.id)
        .str("comment_id", c.commentId)
        .integer("base_rev", c.baseRev)
        .str("text", c.text)
        .optStr("device_name", c.deviceName)
        .optInt("at", c.at)
        .optStr("reason", c.reason);
    if (c.fields) w.value("fields", toJson(*c.fields, sp));
    return w.take();
}

json::object toJson(const ReportInfo& r, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.integer("id", r.id)
        .optInt("conference_id", r.conferenceId)
        .integer("version", r.version)
        .optStr("sha256", r.sha256)
        .optInt("created_at", r.createdAt)
        .optTrue("released", r.released);
    return w.take();
}

json::object toJson(const Operation& op, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.str("kind", kindName(op));
    std::visit(
        Overloaded{
            [&](const SessionStart& o) { w.optInt("at", o.at); },
            [&](const SessionEnd& o) { w.optInt("at", o.at); },
            [&](const AttendanceSet& o) {
                w.str("participant_id", o.participantId).boolean("present", o.present);
            },
            [&](const HeadCount& o) { w.integer("count", o.count); },
            [&](const ParticipantAdd& o) { w.value("participant", toJson(o.participant, sp)); },
            [&](const QueueAdd& o) {
                w.str("turn_id", o.turnId)
                    .str("participant_id", o.participantId)
                    .number("position", o.position);
            },
            [&](const QueueMove& o) { w.str("turn_id", o.turnId).number("position", o.position); },
            [&](const QueueRemove& o) { w.str("turn_id", o.turnId); },
            [&](const TurnStart& o) { w.str("turn_id", o.turnId).optInt("at", o.at); },
            [&](const TurnStop& o) { w.str("turn_id", o.turnId).optInt("at", o.at); },
            [&](const CommentCreate& o) { w.value("comment", toJson(o.comment, sp)); },
            [&](const CommentUpdate& o) {
                w.str("comment_id", o.commentId)
                    .integer("base_rev", o.baseRev)
                    .str("text", o.text)
                    .strings("sections", o.sections)
                    .str("comment_kind", toString(o.kind));
                if (o.proposed) w.value("proposed", toJson(*o.proposed, sp));
                w.optTrue("written", o.written).ints("resolves", o.resolves);
                // 0 is meaningful here (clear the paragraph), so only absence is left out.
                if (o.paragraph) w.integer("paragraph", *o.paragraph);
            },
            [&](const CommentDelete& o) { w.str("comment_id", o.commentId); },
            [&](const CommentFlag& o) {
                w.str("comment_id", o.commentId).boolean("flagged", o.flagged);
            },
            [&](const ReportRelease& o) { w.integer("report_id", o.reportId); },
            [&](const CommentAssign& o) {
                w.strings("comment_ids", o.commentIds).strings("sections", o.sections);
            },
            [&](const GroupSet& o) {
                w.str("group_id", o.groupId)
                    .optStr("section", o.section)
                    .strings("comment_ids", o.commentIds);
            },
            [&](const AcceptanceSet& o) {
                w.optStr("group_id", o.groupId)
                    .optStr("comment_id", o.commentId)
                    .str("acceptance", toString(o.acceptance))
                    .optStr("explanation", o.explanation);
            },
            [&](const GrassrootsReport& o) {
                w.integer("organisation_id", o.organisationId).optInt("at", o.at);
            },
        },
        op);
    return w.take();
}

json::object toJson(const Event& e, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    w.integer("seq", e.seq)
        .integer("conference_id", e.conferenceId)
        .integer("at", e.at)
        .optStr("device_id", e.deviceId)
        .value("op", toJson(e.op, sp));
    if (e.conference) w.value("conference", toJson(*e.conference, sp));
    if (e.participant) w.value("participant", toJson(*e.participant, sp));
    if (e.turn) w.value("turn", toJson(*e.turn, sp));
    if (e.comment) w.value("comment", toJson(*e.comment, sp));
    if (e.conflict) w.value("conflict", toJson(*e.conflict, sp));
    w.ints("resolved_conflicts", e.resolvedConflicts);
    if (e.report) w.value("report", toJson(*e.report, sp));
    w.optStr("removed_turn_id", e.removedTurnId).optStr("removed_comment_id", e.removedCommentId);
    w.objects("comments", e.comments,
              [](const Comment& c, const json::storage_ptr& s) { return toJson(c, s); });
    if (e.group) w.value("group", toJson(*e.group, sp));
    if (e.organisation) w.value("organisation", toJson(*e.organisation, sp));
    return w.take();
}

template <typename T>
json::object toJsonOf(const T& item, const json::storage_ptr& sp) {
    return toJson(item, sp);
}

json::object bodyOf(const Message& message, const json::storage_ptr& sp) {
    ObjectWriter w(sp);
    std::visit(
        Overloaded{
            [&](const Admit& m) {
                w.str("code", m.code).str("device_name", m.deviceName).optStr("request_id", m.requestId);
            },
            [&](const Hello& m) { w.str("token", m.token); },
            [&](const Welcome& m) {
                w.str("device_id", m.deviceId)
                    .str("device_name", m.deviceName)
                    .str("role", toString(m.role))
                    .optInt("conference_id", m.conferenceId)
                    .optStr("token", m.token)
                    .optStr("server_version", m.serverVersion)
                    .value("campaign", toJson(m.campaign, sp))
                    .objects("sections", m.sections, toJsonOf<Section>)
                    .objects("conferences", m.conferences, toJsonOf<Conference>)
                    .optInt("organisation_id", m.organisationId)
                    .objects("paragraphs", m.paragraphs, toJsonOf<ParagraphHead>);
            },
            [&](const Subscribe& m) {
                w.integer("conference_id", m.conferenceId).integer("since", m.since);
            },
            [&](const Snapshot& m) {
                w.integer("head", m.head)
                    .value("conference", toJson(m.conference, sp))
                    .objects("participants", m.participants, toJsonOf<Participant>)
                    .objects("turns", m.turns, toJsonOf<Turn>)
                    .objects("comments", m.comments, toJsonOf<Comment>)
                    .objects("conflicts", m.conflicts, toJsonOf<CommentConflict>)
                    .objects("reports", m.reports, toJsonOf<ReportInfo>)
                    .objects("groups", m.groups, toJsonOf<CommentGroup>)
                    .optInt("part", m.part)
                    .optInt("parts", m.parts);
            },
            [&](const Events& m) {
                w.integer("conference_id", m.conferenceId)
                    .integer("head", m.head)
                    .objects("events", m.events, toJsonOf<Event>);
            },
            [&](const OpRequest& m) {
                w.str("client_id", m.clientId)
                    .integer("client_seq", m.clientSeq)
                    .integer("conference_id", m.conferenceId)
                    .value("op", toJson(m.op, sp));
            },
            [&](const Ack& m) {
                w.integer("client_seq", m.clientSeq)
                    .integer("server_seq", m.serverSeq)
                    .optTrue("duplicate", m.duplicate);
            },
            [&](const Nack& m) {
                w.integer("client_seq", m.clientSeq)
                    .str("code", toString(m.code))
                    .str("message", m.message)
                    .optInt("expected_seq", m.expectedSeq);
            },
            [&](const Typing& m) {
                w.integer("conference_id", m.conferenceId)
                    .str("comment_id", m.commentId)
                    .optInt("base_rev", m.baseRev)
                    .optStr("participant_id", m.participantId)
                    .str("text", m.text)
                    .optStr("device_name", m.deviceName)
                    .optTrue("done", m.done);
            },
            [&](const Error& m) { w.str("code", toString(m.code)).str("message", m.message); },
            [&](const DashboardGet& m) { w.optStr("today", m.today); },
            [&](const Dashboard& m) {
                w.str("today", m.today)
                    .objects("deadlines", m.deadlines, toJsonOf<Deadline>)
                    .objects("organisations", m.organisations, toJsonOf<GrassrootsOrganisation>)
                    .strings("unassigned", m.unassigned)
                    .objects("suggestions", m.suggestions, toJsonOf<CommentGroup>);
            },
        },
        message);
    return w.take();
}

// ---- decoding -------------------------------------------------------------------------

Letterhead readLetterhead(const JsonReader& r) {
    Letterhead l;
    l.parentBody = r.optionalString("parent_body");
    l.issuingBody = r.optionalString("issuing_body");
    l.issuingCode = r.optionalString("issuing_code");
    l.placeName = r.optionalString("place_name");
    l.signerOnBehalf = r.optionalString("signer_on_behalf");
    l.signerRole = r.optionalString("signer_role");
    l.signerName = r.optionalString("signer_name");
    l.recipients = r.stringArray("recipients");
    return l;
}

Campaign readCampaign(const JsonReader& r) {
    Campaign c;
    c.title = r.requiredString("title");
    c.draftTitle = r.optionalString("draft_title");
    c.planNumber = r.optionalString("plan_number");
    if (const auto l = r.optionalObject("letterhead")) c.letterhead = readLetterhead(*l);
    c.conferencesFrom = r.optionalString("conferences_from");
    c.conferencesTo = r.optionalString("conferences_to");
    c.publicFrom = r.optionalString("public_from");
    c.publicTo = r.optionalString("public_to");
    c.grassrootsDue = r.optionalString("grassroots_due");
    c.synthesisDue = r.optionalString("synthesis_due");
    c.wards = r.stringArray("wards");
    return c;
}

Section readSection(const JsonReader& r) {
    Section s;
    s.code = r.requiredString("code");
    s.parentCode = r.optionalString("parent_code");
    s.level = r.requiredInt32("level", 1);
    s.ord = r.requiredInt32("ord");
    s.label = r.optionalString("label");
    s.title = r.requiredString("title");
    return s;
}

ParagraphHead readParagraphHead(const JsonReader& r) {
    ParagraphHead p;
    p.section = r.requiredString("section");
    p.number = r.requiredInt32("number", 1);
    p.opening = r.optionalString("opening");
    return p;
}

Conference readConference(const JsonReader& r) {
    Conference c;
    c.id = r.requiredInt("id");
    c.title = r.requiredString("title");
    c.channel = r.requiredEnum<Channel>("channel", channelFromString);
    c.chairBody = r.optionalString("chair_body");
    c.audience = r.optionalString("audience");
    c.date = r.optionalString("date");
    c.place = r.optionalString("place");
    c.chairPerson = r.optionalString("chair_person");
    c.state = r.requiredEnum<ConferenceState>("state", conferenceStateFromString);
    c.presentCount = r.optionalInt32("present_count");
    c.startedAt = r.optionalInt("started_at");
    c.endedAt = r.optionalInt("ended_at");
    c.invitedCount = r.optionalInt32("invited_count");
    c.time = r.optionalString("time");
    return c;
}

Participant readParticipant(const JsonReader& r) {
    Participant p;
    p.id = r.requiredString("id");
    p.conferenceId = r.optionalInt("conference_id");
    p.fullName = r.requiredString("full_name");
    p.title = r.optionalString("title");
    p.organisation = r.optionalString("organisation");
    p.group = r.optionalString("group");
    p.present = r.optionalBool("present");
    return p;
}

Turn readTurn(const JsonReader& r) {
    Turn t;
    t.id = r.requiredString("id");
    t.conferenceId = r.optionalInt("conference_id");
    t.participantId = r.requiredString("participant_id");
    t.position = r.requiredNumber("position");
    t.state = r.requiredEnum<TurnState>("state", turnStateFromString);
    t.startedAt = r.optionalInt("started_at");
    t.endedAt = r.optionalInt("ended_at");
    return t;
}

std::optional<ProposedWording> readProposed(const JsonReader& r) {
    const auto p = r.optionalObject("proposed");
    if (!p) return std::nullopt;
    ProposedWording w;
    w.wording = p->requiredString("wording");
    w.location = p->optionalString("location");
    return w;
}

CommentOrigin readOrigin(const JsonReader& r) {
    CommentOrigin o;
    o.ward = r.optionalString("ward");
    o.authorName = r.optionalString("author_name");
    o.contact = r.optionalString("contact");
    o.submittedAt = r.optionalString("submitted_at");
    o.outsideWindow = r.optionalBool("outside_window");
    o.organisationId = r.optionalInt("organisation_id");
    return o;
}

Acceptance readAcceptance(const JsonReader& r, bool required) {
    if (!required && !r.has("acceptance")) return Acceptance::Pending;
    return r.requiredEnum<Acceptance>("acceptance", acceptanceFromString);
}

CommentGroup readGroup(const JsonReader& r) {
    CommentGroup g;
    g.id = r.requiredString("id");
    g.section = r.optionalString("section");
    g.commentIds = r.stringArray("comment_ids");
    g.acceptance = readAcceptance(r, true);
    g.explanation = r.optionalString("explanation");
    return g;
}

GrassrootsOrganisation readOrganisation(const JsonReader& r) {
    GrassrootsOrganisation o;
    o.id = r.requiredInt("id");
    o.name = r.requiredString("name");
    o.due = r.optionalString("due");
    o.reportedAt = r.optionalInt("reported_at");
    return o;
}

Deadline readDeadline(const JsonReader& r) {
    Deadline d;
    d.key = r.requiredString("key");
    d.label = r.requiredString("label");
    d.from = r.optionalString("from");
    d.due = r.requiredString("due");
    d.status = r.requiredEnum<DeadlineStatus>("status", deadlineStatusFromString);
    d.done = r.optionalInt32("done").value_or(0);
    d.total = r.optionalInt32("total").value_or(0);
    return d;
}

Comment readComment(const JsonReader& r) {
    Comment c;
    c.id = r.requiredString("id");
    c.conferenceId = r.optionalInt("conference_id");
    c.participantId = r.requiredString("participant_id");
    c.turnId = r.optionalString("turn_id");
    c.sections = r.stringArray("sections");
    c.kind = r.requiredEnum<CommentKind>("kind", commentKindFromString);
    c.text = r.requiredString("text");
    c.proposed = readProposed(r);
    c.written = r.optionalBool("written");
    c.flagged = r.optionalBool("flagged");
    c.rev = r.optionalInt("rev");
    c.createdAt = r.optionalInt("created_at");
    c.updatedAt = r.optionalInt("updated_at");
    if (const auto o = r.optionalObject("origin")) c.origin = readOrigin(*o);
    c.paragraph = r.optionalInt32("paragraph").value_or(0);
    c.acceptance = readAcceptance(r, false);
    c.acceptanceNote = r.optionalString("acceptance_note");
    return c;
}

ConflictFields readConflictFields(const JsonReader& r) {
    ConflictFields f;
    f.sections = r.stringArray("sections");
    f.kind = r.requiredEnum<CommentKind>("kind", commentKindFromString);
    f.proposed = readProposed(r);
    f.written = r.optionalBool("written");
    f.paragraph = r.optionalInt32("paragraph").value_or(0);
    f.conflicting = r.stringArray("conflicting");
    return f;
}

CommentConflict readConflict(const JsonReader& r) {
    CommentConflict c;
    c.id = r.requiredInt("id");
    c.commentId = r.requiredString("comment_id");
    c.baseRev = r.requiredInt("base_rev");
    c.text = r.requiredString("text");
    c.deviceName = r.optionalString("device_name");
    c.at = r.optionalInt("at");
    c.reason = r.optionalString("reason");
    if (const auto f = r.optionalObject("fields")) c.fields = readConflictFields(*f);
    return c;
}

ReportInfo readReport(const JsonReader& r) {
    ReportInfo i;
    i.id = r.requiredInt("id");
    i.conferenceId = r.optionalInt("conference_id");
    i.version = r.requiredInt32("version");
    i.sha256 = r.optionalString("sha256");
    i.createdAt = r.optionalInt("created_at");
    i.released = r.optionalBool("released");
    return i;
}

Operation readOperation(const JsonReader& r) {
    const std::string kind = r.requiredString("kind");
    std::size_t index = kKindNames.size();
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (kKindNames[i] == kind) {
            index = i;
            break;
        }
    }
    switch (index) {
        case 0:
            return SessionStart{r.optionalInt("at")};
        case 1:
            return SessionEnd{r.optionalInt("at")};
        case 2:
            return AttendanceSet{r.requiredString("participant_id"), r.requiredBool("present")};
        case 3:
            return HeadCount{r.requiredInt32("count")};
        case 4:
            return ParticipantAdd{readParticipant(r.requiredObject("participant"))};
        case 5:
            return QueueAdd{r.requiredString("turn_id"), r.requiredString("participant_id"),
                            r.requiredNumber("position")};
        case 6:
            return QueueMove{r.requiredString("turn_id"), r.requiredNumber("position")};
        case 7:
            return QueueRemove{r.requiredString("turn_id")};
        case 8:
            return TurnStart{r.requiredString("turn_id"), r.optionalInt("at")};
        case 9:
            return TurnStop{r.requiredString("turn_id"), r.optionalInt("at")};
        case 10:
            return CommentCreate{readComment(r.requiredObject("comment"))};
        case 11: {
            CommentUpdate u;
            u.commentId = r.requiredString("comment_id");
            u.baseRev = r.requiredInt("base_rev");
            u.text = r.requiredString("text");
            u.sections = r.stringArray("sections");
            // "kind" names the operation, so the comment's kind travels as "comment_kind".
            u.kind = r.requiredEnum<CommentKind>("comment_kind", commentKindFromString);
            u.proposed = readProposed(r);
            u.written = r.optionalBool("written");
            u.resolves = r.intArray("resolves");
            u.paragraph = r.optionalInt32("paragraph");
            return u;
        }
        case 12:
            return CommentDelete{r.requiredString("comment_id")};
        case 13:
            return CommentFlag{r.requiredString("comment_id"), r.requiredBool("flagged")};
        case 14:
            return ReportRelease{r.requiredInt("report_id")};
        case 15:
            return CommentAssign{r.stringArray("comment_ids"), r.stringArray("sections")};
        case 16:
            return GroupSet{r.requiredString("group_id"), r.optionalString("section"),
                            r.stringArray("comment_ids")};
        case 17: {
            AcceptanceSet a;
            a.groupId = r.optionalString("group_id");
            a.commentId = r.optionalString("comment_id");
            if (a.groupId.empty() == a.commentId.empty()) {
                JsonReader::fail(ErrorCode::MissingField,
                                 r.fieldPath("group_id") + ": exactly one of group_id, comment_id");
            }
            a.acceptance = readAcceptance(r, true);
            a.explanation = r.optionalString("explanation");
            return a;
        }
        case 18:
            return GrassrootsReport{r.requiredInt("organisation_id", 1), r.optionalInt("at")};
        default:
            break;
    }
    JsonReader::fail(ErrorCode::BadField, r.fieldPath("kind") + ": unknown value \"" + kind + "\"");
}

static_assert(std::variant_size_v<Operation> == 19, "readOperation handles every kind");

Event readEvent(const JsonReader& r) {
    Event e;
    e.seq = r.requiredInt("seq");
    e.conferenceId = r.requiredInt("conference_id");
    e.at = r.requiredInt("at");
    e.deviceId = r.optionalString("device_id");
    e.op = readOperation(r.requiredObject("op"));
    if (const auto o = r.optionalObject("conference")) e.conference = readConference(*o);
    if (const auto o = r.optionalObject("participant")) e.participant = readParticipant(*o);
    if (const auto o = r.optionalObject("turn")) e.turn = readTurn(*o);
    if (const auto o = r.optionalObject("comment")) e.comment = readComment(*o);
    if (const auto o = r.optionalObject("conflict")) e.conflict = readConflict(*o);
    e.resolvedConflicts = r.intArray("resolved_conflicts");
    if (const auto o = r.optionalObject("report")) e.report = readReport(*o);
    e.removedTurnId = r.optionalString("removed_turn_id");
    e.removedCommentId = r.optionalString("removed_comment_id");
    e.comments = r.objectArray<Comment>("comments", readComment);
    if (const auto o = r.optionalObject("group")) e.group = readGroup(*o);
    if (const auto o = r.optionalObject("organisation")) e.organisation = readOrganisation(*o);
    return e;
}

Message readBody(MessageType type, const JsonReader& r) {
    switch (type) {
        case MessageType::Admit:
            return Admit{r.requiredString("code"), r.requiredString("device_name"), r.optionalString("request_id")};
        case MessageType::Hello:
            return Hello{r.requiredString("token")};
        case MessageType::Welcome: {
            Welcome m;
            m.deviceId = r.requiredString("device_id");
            m.deviceName = r.requiredString("device_name");
            m.role = r.requiredEnum<Role>("role", roleFromString);
            m.conferenceId = r.optionalInt("conference_id");
            m.token = r.optionalString("token");
            m.serverVersion = r.optionalString("server_version");
            m.campaign = readCampaign(r.requiredObject("campaign"));
            m.sections = r.objectArray<Section>("sections", readSection);
            m.conferences = r.objectArray<Conference>("conferences", readConference);
            m.organisationId = r.optionalInt("organisation_id");
            m.paragraphs = r.objectArray<ParagraphHead>("paragraphs", readParagraphHead);
            return m;
        }
        case MessageType::Subscribe:
            return Subscribe{r.requiredInt("conference_id"), r.optionalInt("since")};
        case MessageType::Snapshot: {
            Snapshot m;
            m.head = r.requiredInt("head");
            m.conference = readConference(r.requiredObject("conference"));
            m.participants = r.objectArray<Participant>("participants", readParticipant);
            m.turns = r.objectArray<Turn>("turns", readTurn);
            m.comments = r.objectArray<Comment>("comments", readComment);
            m.conflicts = r.objectArray<CommentConflict>("conflicts", readConflict);
            m.reports = r.objectArray<ReportInfo>("reports", readReport);
            m.groups = r.objectArray<CommentGroup>("groups", readGroup);
            m.part = r.optionalInt32("part").value_or(0);
            m.parts = r.optionalInt32("parts").value_or(0);
            if (m.part < 0 || m.parts < 0 || m.part > m.parts)
                throw DecodeFailure{ErrorCode::BadField, "body.part: must be between 1 and parts"};
            return m;
        }
        case MessageType::Events: {
            Events m;
            m.conferenceId = r.requiredInt("conference_id");
            m.head = r.requiredInt("head");
            m.events = r.objectArray<Event>("events", readEvent);
            return m;
        }
        case MessageType::Op: {
            OpRequest m;
            m.clientId = r.requiredString("client_id");
            // Sequences start at 1; 0 and negatives can never be valid.
            m.clientSeq = r.requiredInt("client_seq", 1);
            m.conferenceId = r.requiredInt("conference_id");
            m.op = readOperation(r.requiredObject("op"));
            return m;
        }
        case MessageType::Ack:
            return Ack{r.requiredInt("client_seq"), r.requiredInt("server_seq"),
                       r.optionalBool("duplicate")};
        case MessageType::Nack: {
            Nack m;
            m.clientSeq = r.requiredInt("client_seq");
            m.code = r.requiredEnum<ErrorCode>("code", errorCodeFromString);
            m.message = r.requiredString("message");
            m.expectedSeq = r.optionalInt("expected_seq");
            return m;
        }
        case MessageType::Typing: {
            Typing m;
            m.conferenceId = r.requiredInt("conference_id");
            m.commentId = r.requiredString("comment_id");
            m.baseRev = r.optionalInt("base_rev");
            m.participantId = r.optionalString("participant_id");
            m.text = r.requiredString("text");
            m.deviceName = r.optionalString("device_name");
            m.done = r.optionalBool("done");
            return m;
        }
        case MessageType::Error:
            return Error{r.requiredEnum<ErrorCode>("code", errorCodeFromString),
                         r.requiredString("message")};
        case MessageType::DashboardGet:
            return DashboardGet{r.optionalString("today")};
        case MessageType::Dashboard: {
            Dashboard m;
            m.today = r.requiredString("today");
            m.deadlines = r.objectArray<Deadline>("deadlines", readDeadline);
            m.organisations =
                r.objectArray<GrassrootsOrganisation>("organisations", readOrganisation);
            m.unassigned = r.stringArray("unassigned");
            m.suggestions = r.objectArray<CommentGroup>("suggestions", readGroup);
            return m;
        }
    }
    JsonReader::fail(ErrorCode::UnknownType, "type: unknown");
}

// Parses with a stack buffer first: most frames are small, so most decodes never allocate
// for the DOM.
template <typename Handle>
auto withParsed(std::string_view input, Handle handle) -> decltype(handle(json::value())) {
    std::array<unsigned char, 4096> buffer{};
    json::monotonic_resource resource(buffer.data(), buffer.size());
    json::parse_options options;
    options.max_depth = 32;
    // Strings are checked per field so the error can name the field.
    options.allow_invalid_utf8 = true;
    boost::system::error_code ec;
    json::value root = json::parse(input, ec, &resource, options);
    if (ec) {
        const std::string why =
            ec == json::error::too_deep ? "nesting too deep" : std::string(ec.message());
        throw DecodeFailure{ErrorCode::MalformedJson, "frame: " + why};
    }
    return handle(root);
}

}  // namespace

std::string encode(const Message& message) {
    std::array<unsigned char, 4096> buffer{};
    json::monotonic_resource resource(buffer.data(), buffer.size());
    json::storage_ptr sp(&resource);
    json::object envelope(sp);
    envelope.reserve(3);
    envelope.emplace("v", kProtocolVersion);
    envelope.emplace("type", json::string_view(toString(typeOf(message))));
    envelope.emplace("body", bodyOf(message, sp));
    return json::serialize(envelope);
}

DecodeResult decode(std::string_view input, std::size_t maxBytes) {
    DecodeResult result;
    try {
        if (input.size() > maxBytes) {
            throw DecodeFailure{ErrorCode::TooLarge,
                                "frame: larger than " + std::to_string(maxBytes) + " bytes"};
        }
        result.message = withParsed(input, [](const json::value& root) -> Message {
            const json::object* object = root.if_object();
            if (!object) throw DecodeFailure{ErrorCode::MalformedJson, "frame: expected object"};
            const JsonReader envelope(*object, "");
            const std::int64_t version = envelope.requiredInt("v", 0);
            if (version != kProtocolVersion) {
                throw DecodeFailure{ErrorCode::UnsupportedVersion,
                                    "v: unsupported version " + std::to_string(version)};
            }
            const std::string typeName = envelope.requiredString("type");
            const std::optional<MessageType> type = messageTypeFromString(typeName);
            if (!type) {
                throw DecodeFailure{ErrorCode::UnknownType, "type: unknown \"" + typeName + "\""};
            }
            return readBody(*type, envelope.requiredObject("body"));
        });
    } catch (const DecodeFailure& failure) {
        result.message.reset();
        result.error = DecodeError{failure.code, failure.message};
    } catch (const std::bad_alloc&) {
        result.message.reset();
        result.error = DecodeError{ErrorCode::Internal, "frame: out of memory"};
    } catch (const std::exception& e) {
        result.message.reset();
        result.error = DecodeError{ErrorCode::MalformedJson, std::string("frame: ") + e.what()};
    } catch (...) {
        result.message.reset();
        result.error = DecodeError{ErrorCode::Internal, "frame: unexpected failure"};
    }
    return result;
}

std::string encodeEvent(const Event& event) {
    std::array<unsigned char, 2048> buffer{};
    json::monotonic_resource resource(buffer.data(), buffer.size());
    return json::serialize(toJson(event, json::storage_ptr(&resource)));
}

std::vector<std::string> encodeSnapshotFrames(const Snapshot& snapshot, std::size_t maxBytes) {
    std::string whole = encode(snapshot);
    if (whole.size() <= maxBytes || snapshot.comments.empty()) return {std::move(whole)};
    // Comments in runs whose frames fit: the first run shares its frame with the rest of the
    // snapshot. A run is measured by encoding it; halving a run that does not fit converges
    // fast because comments are similar in size.
    Snapshot first = snapshot;
    first.comments.clear();
    first.part = first.parts = 999999;
    const std::size_t baseSize = encode(first).size();
    Snapshot later;
    later.head = snapshot.head;
    later.conference = snapshot.conference;
    later.part = later.parts = 999999;
    const std::size_t laterSize = encode(later).size();
    std::vector<std::vector<Comment>> runs;
    std::size_t next = 0;
    while (next < snapshot.comments.size()) {
        const std::size_t base = runs.empty() ? baseSize : laterSize;
        const std::size_t budget = base < maxBytes ? maxBytes - base : 0;
        std::size_t take = snapshot.comments.size() - next;
        for (;;) {
            Snapshot probe;
            probe.comments.assign(snapshot.comments.begin() + static_cast<std::ptrdiff_t>(next),
                                  snapshot.comments.begin() + static_cast<std::ptrdiff_t>(next + take));
            // The probe's own envelope and empty conference are counted once more: a margin.
            if (take == 1 || encode(probe).size() <= budget) break;
            take = std::max<std::size_t>(1, take * 3 / 4);
        }
        runs.emplace_back(snapshot.comments.begin() + static_cast<std::ptrdiff_t>(next),
                          snapshot.comments.begin() + static_cast<std::ptrdiff_t>(next + take));
        next += take;
    }
    std::vector<std::string> frames;
    const int parts = static_cast<int>(runs.size());
    for (int i = 0; i < parts; ++i) {
        Snapshot part = i == 0 ? first : later;
        part.comments = std::move(runs[static_cast<std::size_t>(i)]);
        part.part = i + 1;
        part.parts = parts;
        frames.push_back(encode(part));
    }
    return frames;
}

std::vector<std::string> encodeEventsFrames(const Events& events, std::size_t maxBytes) {
    std::string whole = encode(events);
    if (whole.size() <= maxBytes || events.events.size() <= 1) return {std::move(whole)};
    const auto middle = events.events.begin() + static_cast<std::ptrdiff_t>(events.events.size() / 2);
    Events left{events.conferenceId, events.head, {events.events.begin(), middle}};
    Events right{events.conferenceId, events.head, {middle, events.events.end()}};
    auto frames = encodeEventsFrames(left, maxBytes);
    auto more = encodeEventsFrames(right, maxBytes);
    frames.insert(frames.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    return frames;
}

std::optional<Snapshot> SnapshotAssembler::add(Snapshot part) {
    const std::int64_t id = part.conference.id;
    if (part.parts <= 1) {
        pending_.erase(id);
        part.part = part.parts = 0;
        return part;
    }
    auto it = pending_.find(id);
    if (part.part == 1 || it == pending_.end() || it->second.head != part.head ||
        it->second.parts != part.parts || it->second.part + 1 != part.part) {
        if (part.part != 1) {
            // A part without its beginning (the connection dropped in between): wait for the
            // next whole snapshot.
            if (it != pending_.end()) pending_.erase(it);
            return std::nullopt;
        }
        it = pending_.insert_or_assign(id, std::move(part)).first;
    } else {
        Snapshot& whole = it->second;
        whole.comments.insert(whole.comments.end(), std::make_move_iterator(part.comments.begin()),
                              std::make_move_iterator(part.comments.end()));
        whole.part = part.part;
    }
    if (it->second.part < it->second.parts) return std::nullopt;
    Snapshot done = std::move(it->second);
    pending_.erase(it);
    done.part = done.parts = 0;
    return done;
}

std::string encodeConflictFields(const ConflictFields& fields) {
    return json::serialize(toJson(fields, json::storage_ptr()));
}

std::optional<ConflictFields> decodeConflictFields(std::string_view input) {
    try {
        if (input.size() > kMaxFrameBytes) return std::nullopt;
        return withParsed(input, [](const json::value& root) -> std::optional<ConflictFields> {
            const json::object* object = root.if_object();
            if (!object) return std::nullopt;
            return readConflictFields(JsonReader(*object, ""));
        });
    } catch (...) {
        return std::nullopt;
    }
}

std::optional<Event> decodeEvent(std::string_view input) {
    try {
        if (input.size() > kMaxFrameBytes) return std::nullopt;
        return withParsed(input, [](const json::value& root) -> std::optional<Event> {
            const json::object* object = root.if_object();
            if (!object) return std::nullopt;
            return readEvent(JsonReader(*object, ""));
        });
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace gopy::proto
