// encode → decode gives back the same value, for every message type and operation kind.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <set>

#include "gopy/protocol.h"
#include "gopy/text.h"
#include "protocol_examples.h"

namespace gopy::proto {
namespace {

Message roundTrip(const Message& m) {
    const std::string json = encode(m);
    const DecodeResult r = decode(json);
    EXPECT_TRUE(r) << toString(r.error.code) << ": " << r.error.message << "\n" << json;
    if (!r) return Message{};
    return *r.message;
}

OpRequest opOf(const Operation& op, std::int64_t seq) {
    OpRequest r;
    r.clientId = "d-3f9a";
    r.clientSeq = seq;
    r.conferenceId = 2;
    r.op = op;
    return r;
}

TEST(ProtocolRoundTrip, EveryDocumentedMessage) {
    std::set<std::size_t> types;
    for (const auto& [name, message] : testing::documentedMessages()) {
        SCOPED_TRACE(name);
        types.insert(message.index());
        const Message back = roundTrip(message);
        EXPECT_EQ(back, message);
        EXPECT_EQ(typeOf(back), typeOf(message));
    }
    EXPECT_EQ(types.size(), std::variant_size_v<Message>) << "a message type has no example";
}

TEST(ProtocolRoundTrip, EveryMessageWithOptionalFieldsUnset) {
    std::set<std::size_t> types;
    for (const Message& message : testing::minimalMessages()) {
        SCOPED_TRACE(encode(message));
        types.insert(message.index());
        EXPECT_EQ(roundTrip(message), message);
    }
    EXPECT_EQ(types.size(), std::variant_size_v<Message>);
}

TEST(ProtocolRoundTrip, EveryOperationKindFull) {
    std::set<std::size_t> kinds;
    std::int64_t seq = 1;
    for (const Operation& op : testing::fullOperations()) {
        SCOPED_TRACE(std::string(kindName(op)));
        kinds.insert(op.index());
        const OpRequest request = opOf(op, seq++);
        EXPECT_EQ(roundTrip(request), Message{request});
    }
    EXPECT_EQ(kinds.size(), std::variant_size_v<Operation>);
}

TEST(ProtocolRoundTrip, EveryOperationKindMinimal) {
    std::set<std::size_t> kinds;
    std::int64_t seq = 1;
    for (const Operation& op : testing::minimalOperations()) {
        SCOPED_TRACE(std::string(kindName(op)));
        kinds.insert(op.index());
        const OpRequest request = opOf(op, seq++);
        EXPECT_EQ(roundTrip(request), Message{request});
    }
    EXPECT_EQ(kinds.size(), std::variant_size_v<Operation>);
}

TEST(ProtocolRoundTrip, KindNamesOnTheWire) {
    const char* expected[] = {
        "session.start",  "session.end",    "attendance.set", "attendance.count", "participant.add",
        "queue.add",      "queue.move",     "queue.remove",   "turn.start",       "turn.stop",
        "comment.create", "comment.update", "comment.delete", "comment.flag",     "report.release",
        "comment.assign", "group.set",      "acceptance.set", "grassroots.report"};
    const auto ops = testing::fullOperations();
    ASSERT_EQ(ops.size(), std::size(expected));
    for (std::size_t i = 0; i < ops.size(); ++i) {
        EXPECT_EQ(kindName(ops[i]), expected[i]);
        const auto v = boost::json::parse(encode(opOf(ops[i], 1)));
        EXPECT_EQ(v.at("body").at("op").at("kind").as_string(), expected[i]);
    }
}

TEST(ProtocolRoundTrip, EventStandAloneForEveryKind) {
    std::int64_t seq = 40;
    for (const Operation& op : testing::fullOperations()) {
        SCOPED_TRACE(std::string(kindName(op)));
        Event e;
        e.seq = seq++;
        e.conferenceId = 2;
        e.at = 1740972600000;
        e.deviceId = "d-3f9a";
        e.op = op;
        e.comment = testing::sampleComment();
        e.participant = testing::sampleParticipant();
        e.conference = testing::sampleConference();
        e.resolvedConflicts = {3, 4};
        e.removedCommentId = "c-9";
        const std::optional<Event> back = decodeEvent(encodeEvent(e));
        ASSERT_TRUE(back.has_value()) << encodeEvent(e);
        EXPECT_EQ(*back, e);
    }
    Event bare;
    bare.seq = 1;
    bare.conferenceId = 1;
    bare.op = QueueRemove{"t-1"};
    EXPECT_EQ(decodeEvent(encodeEvent(bare)), bare);
}

// comment.update: an absent paragraph (keep by the server's rule), 0 (clear) and N (set) are
// three different requests and must stay three on the wire.
TEST(ProtocolRoundTrip, CommentUpdateParagraphAbsentZeroOrSet) {
    CommentUpdate base;
    base.commentId = "c-1";
    base.baseRev = 3;
    base.text = "Đề nghị làm rõ đoạn này.";
    base.sections = {"II.3"};
    for (const std::optional<int> paragraph : {std::optional<int>{}, std::optional<int>{0},
                                               std::optional<int>{7}}) {
        SCOPED_TRACE(paragraph ? std::to_string(*paragraph) : std::string("absent"));
        CommentUpdate u = base;
        u.paragraph = paragraph;
        const std::string json = encode(opOf(u, 1));
        const auto body = boost::json::parse(json).at("body").at("op").as_object();
        ASSERT_EQ(body.contains("paragraph"), paragraph.has_value()) << json;
        if (paragraph) {
            EXPECT_EQ(body.at("paragraph").as_int64(), *paragraph);
        }
        const Message back = roundTrip(opOf(u, 1));
        const auto& op = std::get<OpRequest>(back).op;
        ASSERT_TRUE(std::holds_alternative<CommentUpdate>(op));
        EXPECT_EQ(std::get<CommentUpdate>(op).paragraph, paragraph);
        EXPECT_EQ(std::get<CommentUpdate>(op), u);

        Event e;
        e.seq = 5;
        e.conferenceId = 2;
        e.at = 1;
        e.op = u;
        const auto event = decodeEvent(encodeEvent(e));
        ASSERT_TRUE(event);
        EXPECT_EQ(std::get<CommentUpdate>(event->op).paragraph, paragraph);
    }
    // A negative number is refused with the field named.
    const std::string bad =
        R"({"v":1,"type":"op","body":{"client_id":"d","client_seq":1,"conference_id":2,)"
        R"("op":{"kind":"comment.update","comment_id":"c-1","base_rev":1,"text":"x",)"
        R"("comment_kind":"other","paragraph":-1}}})";
    const DecodeResult refused = decode(bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error.code, ErrorCode::BadField);
    EXPECT_NE(refused.error.message.find("body.op.paragraph"), std::string::npos)
        << refused.error.message;
}

TEST(ProtocolRoundTrip, WelcomeParagraphHeads) {
    Welcome w;
    w.deviceId = "d-1";
    w.deviceName = "Máy thư ký";
    w.campaign.title = "Lấy ý kiến";
    // Absent when empty.
    EXPECT_EQ(encode(w).find("\"paragraphs\""), std::string::npos);
    EXPECT_EQ(std::get<Welcome>(roundTrip(w)).paragraphs.size(), 0u);

    w.paragraphs = {{"I.1", 1, "Công tác xây dựng Đảng về chính trị…"},
                    {"I.1", 2, "Đổi mới phương thức lãnh đạo."},
                    {"II.3", 7, "Chuyển đổi số"}};
    const std::string json = encode(w);
    const auto heads = boost::json::parse(json).at("body").at("paragraphs").as_array();
    ASSERT_EQ(heads.size(), 3u);
    EXPECT_EQ(heads[2].at("section").as_string(), "II.3");
    EXPECT_EQ(heads[2].at("number").as_int64(), 7);
    EXPECT_EQ(heads[2].at("opening").as_string(), "Chuyển đổi số");
    EXPECT_EQ(std::get<Welcome>(roundTrip(w)), w);

    // A decomposed opening is stored composed; number 0 is refused (paragraphs count from 1).
    const std::string decomposed =
        "{\"v\":1,\"type\":\"welcome\",\"body\":{\"device_id\":\"d\",\"device_name\":\"m\","
        "\"role\":\"secretary\",\"campaign\":{\"title\":\"t\"},\"paragraphs\":[{\"section\":"
        "\"I.1\",\"number\":1,\"opening\":\"Ho\u0300a bi\u0300nh\"}]}}";
    const DecodeResult r = decode(decomposed);
    ASSERT_TRUE(r) << r.error.message;
    EXPECT_EQ(std::get<Welcome>(*r.message).paragraphs.at(0).opening, "Hòa bình");
    std::string zero = decomposed;
    zero.replace(zero.find("\"number\":1"), 10, "\"number\":0");
    const DecodeResult z = decode(zero);
    ASSERT_FALSE(z);
    EXPECT_NE(z.error.message.find("body.paragraphs[0].number"), std::string::npos)
        << z.error.message;
}

TEST(ProtocolRoundTrip, EnvelopeShape) {
    const auto v = boost::json::parse(encode(Ack{4, 99, true}));
    const auto& o = v.as_object();
    EXPECT_EQ(o.at("v").as_int64(), 1);
    EXPECT_EQ(o.at("type").as_string(), "ack");
    EXPECT_EQ(o.at("body").at("client_seq").as_int64(), 4);
    EXPECT_EQ(o.at("body").at("server_seq").as_int64(), 99);
    EXPECT_TRUE(o.at("body").at("duplicate").as_bool());
}

TEST(ProtocolRoundTrip, OptionalFieldsAreOmittedWhenEmpty) {
    const auto ack = boost::json::parse(encode(Ack{4, 99, false}));
    EXPECT_FALSE(ack.at("body").as_object().contains("duplicate"));

    Comment c;
    c.id = "c-1";
    c.participantId = "p-1";
    c.text = "Nhất trí.";
    const auto op = boost::json::parse(encode(opOf(CommentCreate{c}, 1)));
    const auto& comment = op.at("body").at("op").at("comment").as_object();
    for (const char* key : {"proposed", "sections", "turn_id", "written", "flagged", "rev",
                            "created_at", "updated_at", "conference_id"}) {
        EXPECT_FALSE(comment.contains(key)) << key;
    }
    EXPECT_EQ(comment.at("kind").as_string(), "other");

    Welcome w;
    w.campaign.title = "Góp ý";
    const auto welcome = boost::json::parse(encode(w));
    EXPECT_FALSE(welcome.at("body").as_object().contains("token"));
    EXPECT_FALSE(welcome.at("body").as_object().contains("sections"));
}

TEST(ProtocolRoundTrip, AbsentOptionalsDecodeAsDefaults) {
    const DecodeResult r = decode(
        R"({"v":1,"type":"op","body":{"client_id":"d-1","client_seq":1,"conference_id":2,)"
        R"("op":{"kind":"comment.update","comment_id":"c-1","base_rev":3,"text":"Bổ sung.","comment_kind":"addition"}}})");
    ASSERT_TRUE(r) << r.error.message;
    const auto& update = std::get<CommentUpdate>(std::get<OpRequest>(*r.message).op);
    EXPECT_FALSE(update.proposed.has_value());
    EXPECT_TRUE(update.sections.empty());
    EXPECT_TRUE(update.resolves.empty());
    EXPECT_FALSE(update.written);
    EXPECT_EQ(update.kind, CommentKind::Addition);
}

TEST(ProtocolRoundTrip, NullOptionalIsAbsent) {
    const DecodeResult r = decode(
        R"({"v":1,"type":"nack","body":{"client_seq":2,"code":"gap","message":"Thiếu","expected_seq":null}})");
    ASSERT_TRUE(r) << r.error.message;
    EXPECT_EQ(std::get<Nack>(*r.message).expectedSeq, 0);
}

TEST(ProtocolRoundTrip, UnknownKeysAreIgnored) {
    const DecodeResult r =
        decode(R"({"v":1,"type":"subscribe","trace":"x","body":{"conference_id":3,"since":7,)"
               R"("future":{"nested":[1,2,{"a":null}]}}})");
    ASSERT_TRUE(r) << r.error.message;
    EXPECT_EQ(std::get<Subscribe>(*r.message), (Subscribe{3, 7}));
}

TEST(ProtocolRoundTrip, DecomposedInputIsStoredComposed) {
    // "Nguyễn Văn Ánh" typed by an input method that sends base letters plus combining marks.
    const std::string nfd = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh";
    const std::string composed = "Nguyễn Văn Ánh";
    ASSERT_NE(nfd, composed);
    ASSERT_EQ(text::nfc(nfd), composed);

    Participant p;
    p.id = "p-" + nfd;
    p.fullName = nfd;
    p.title = "Bí thư chi bộ " + nfd;
    const DecodeResult r = decode(encode(opOf(ParticipantAdd{p}, 1)));
    ASSERT_TRUE(r) << r.error.message;
    const auto& back = std::get<ParticipantAdd>(std::get<OpRequest>(*r.message).op).participant;
    EXPECT_EQ(back.fullName, composed);
    EXPECT_EQ(back.id, "p-" + composed);
    EXPECT_EQ(back.title, "Bí thư chi bộ " + composed);

    const DecodeResult t = decode(encode(Typing{1, "c-1", 0, "p-1", nfd, nfd, false}));
    ASSERT_TRUE(t) << t.error.message;
    EXPECT_EQ(std::get<Typing>(*t.message).text, composed);

    CommentUpdate u;
    u.commentId = "c-1";
    u.baseRev = 1;
    u.text = nfd;
    u.sections = {nfd};
    u.proposed = ProposedWording{nfd, nfd};
    const DecodeResult c = decode(encode(opOf(u, 2)));
    ASSERT_TRUE(c) << c.error.message;
    const auto& cu = std::get<CommentUpdate>(std::get<OpRequest>(*c.message).op);
    EXPECT_EQ(cu.text, composed);
    EXPECT_EQ(cu.sections.at(0), composed);
    EXPECT_EQ(cu.proposed->wording, composed);
    EXPECT_EQ(cu.proposed->location, composed);
}

TEST(ProtocolRoundTrip, EscapedUnicodeDecodes) {
    const DecodeResult r =
        decode(R"({"v":1,"type":"hello","body":{"token":"\u0110\u1eb7ng \ud83d\ude00"}})");
    ASSERT_TRUE(r) << r.error.message;
    EXPECT_EQ(std::get<Hello>(*r.message).token, "Đặng \xF0\x9F\x98\x80");
}

TEST(ProtocolRoundTrip, LargeValuesSurvive) {
    Ack a{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max() - 1,
          false};
    EXPECT_EQ(roundTrip(a), Message{a});
    QueueMove m{"t", -1e-300};
    EXPECT_EQ(roundTrip(opOf(m, 1)), Message{opOf(m, 1)});
    QueueMove big{"t", 1.7976931348623157e308};
    EXPECT_EQ(roundTrip(opOf(big, 1)), Message{opOf(big, 1)});
}

TEST(ProtocolRoundTrip, FrameAtTheLimitIsAccepted) {
    const std::string shell = encode(Hello{""});
    const std::string token(kMaxFrameBytes - shell.size(), 'x');
    const std::string frame = encode(Hello{token});
    ASSERT_EQ(frame.size(), kMaxFrameBytes);
    const DecodeResult r = decode(frame);
    ASSERT_TRUE(r) << r.error.message;
    EXPECT_EQ(std::get<Hello>(*r.message).token.size(), token.size());
}

}  // namespace
}  // namespace gopy::proto

namespace gopy::proto {
namespace {

// A conference larger than a frame: every frame fits, and the parts make the snapshot again.
TEST(LargeSnapshotTest, SplitsIntoFramesThatFitAndAssemblesBack) {
    Snapshot snapshot;
    snapshot.head = 12345;
    snapshot.conference.id = 7;
    snapshot.conference.title = "Hội nghị lấy ý kiến của nhân dân";
    for (int i = 0; i < 12000; ++i) {
        Comment c;
        c.id = "c-" + std::to_string(i);
        c.conferenceId = 7;
        c.participantId = "p-1";
        c.kind = CommentKind::Addition;
        c.sections = {"II.3"};
        c.text = "Đề nghị bổ sung nội dung về chuyển đổi số, ý kiến số " + std::to_string(i) +
                 " của người dân phường Cống Vị, quận Ba Đình";
        c.rev = 1;
        snapshot.comments.push_back(std::move(c));
    }
    Participant p;
    p.id = "p-1";
    p.fullName = "Nguyễn Văn An";
    snapshot.participants.push_back(p);
    ASSERT_GT(encode(snapshot).size(), kMaxFrameBytes) << "the test needs a snapshot larger than a frame";

    const auto frames = encodeSnapshotFrames(snapshot);
    ASSERT_GT(frames.size(), 1u);
    SnapshotAssembler assembler;
    std::optional<Snapshot> whole;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_LE(frames[i].size(), kMaxFrameBytes) << "frame " << i;
        auto decoded = decode(frames[i]);
        ASSERT_TRUE(decoded) << decoded.error.message;
        auto* part = std::get_if<Snapshot>(&*decoded.message);
        ASSERT_NE(part, nullptr);
        EXPECT_EQ(part->part, static_cast<int>(i) + 1);
        EXPECT_EQ(part->parts, static_cast<int>(frames.size()));
        whole = assembler.add(*part);
        EXPECT_EQ(whole.has_value(), i + 1 == frames.size()) << "applied before the last part";
    }
    ASSERT_TRUE(whole);
    EXPECT_EQ(*whole, snapshot);

    // A part without its beginning is not applied; a new part 1 starts over.
    SnapshotAssembler late;
    EXPECT_FALSE(late.add(std::get<Snapshot>(*decode(frames[1]).message)));
    // A small snapshot stays one frame and passes straight through.
    Snapshot small;
    small.conference.id = 3;
    ASSERT_EQ(encodeSnapshotFrames(small).size(), 1u);
    EXPECT_TRUE(late.add(small));
}

TEST(LargeSnapshotTest, LargeEventBatchesSplitBetweenEvents) {
    Events events;
    events.conferenceId = 2;
    events.head = 900;
    for (int i = 0; i < 600; ++i) {
        Event e;
        e.seq = i + 1;
        e.conferenceId = 2;
        Comment c;
        c.id = "c-" + std::to_string(i);
        c.participantId = "p";
        c.text = std::string(3000, 'a');
        e.op = CommentCreate{c};
        e.comment = c;
        events.events.push_back(std::move(e));
    }
    const auto frames = encodeEventsFrames(events);
    ASSERT_GT(frames.size(), 1u);
    std::size_t count = 0;
    for (const auto& frame : frames) {
        EXPECT_LE(frame.size(), kMaxFrameBytes);
        auto decoded = decode(frame);
        ASSERT_TRUE(decoded);
        const auto& part = std::get<Events>(*decoded.message);
        EXPECT_EQ(part.head, 900);
        count += part.events.size();
    }
    EXPECT_EQ(count, 600u);
}

}  // namespace
}  // namespace gopy::proto
