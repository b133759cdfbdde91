// decode() refuses anything that is not a whole, valid message, with the right error code
// and the offending field's path; it never throws.
#include <gtest/gtest.h>

#include <random>

#include "gopy/protocol.h"
#include "protocol_examples.h"

namespace gopy::proto {
namespace {

void expectError(std::string_view json, ErrorCode code, std::string_view messagePrefix = {}) {
    const DecodeResult r = decode(json);
    ASSERT_FALSE(r) << "accepted: " << json;
    EXPECT_EQ(r.error.code, code) << toString(r.error.code) << ": " << r.error.message << "\n"
                                  << json;
    EXPECT_FALSE(r.error.message.empty());
    if (!messagePrefix.empty()) {
        EXPECT_EQ(r.error.message.substr(0, messagePrefix.size()), messagePrefix)
            << r.error.message;
    }
}

std::string opFrame(std::string_view opBody, std::string_view seq = "1") {
    return std::string(R"({"v":1,"type":"op","body":{"client_id":"d-1","client_seq":)") +
           std::string(seq) + R"(,"conference_id":2,"op":)" + std::string(opBody) + "}}";
}

std::string commentCreate(std::string_view commentFields) {
    return opFrame(std::string(R"({"kind":"comment.create","comment":{)") +
                   std::string(commentFields) + "}}");
}

TEST(ProtocolReject, DraftingOperationsNeedTheirFields) {
    // acceptance.set answers a group or a comment: exactly one of the two.
    expectError(opFrame(R"({"kind":"acceptance.set","acceptance":"accepted"})"),
                ErrorCode::MissingField, "body.op.group_id");
    expectError(opFrame(R"({"kind":"acceptance.set","group_id":"g","comment_id":"c",)"
                        R"("acceptance":"accepted"})"),
                ErrorCode::MissingField, "body.op.group_id");
    expectError(opFrame(R"({"kind":"acceptance.set","group_id":"g","acceptance":"maybe"})"),
                ErrorCode::BadField, "body.op.acceptance");
    expectError(opFrame(R"({"kind":"group.set","comment_ids":["a"]})"), ErrorCode::MissingField,
                "body.op.group_id");
    expectError(opFrame(R"({"kind":"comment.assign","comment_ids":[1]})"), ErrorCode::BadField);
    expectError(opFrame(R"({"kind":"grassroots.report","organisation_id":0})"),
                ErrorCode::BadField, "body.op.organisation_id");
    expectError(commentCreate(R"("id":"c","participant_id":"","kind":"other","text":"x",)"
                              R"("origin":{"outside_window":"yes"})"),
                ErrorCode::BadField, "body.op.comment.origin.outside_window");
    expectError(R"({"v":1,"type":"dashboard","body":{}})", ErrorCode::MissingField,
                "body.today");
}

TEST(ProtocolReject, NotJson) {
    expectError("", ErrorCode::MalformedJson, "frame:");
    expectError("xin chào", ErrorCode::MalformedJson);
    expectError("{'v':1}", ErrorCode::MalformedJson);
    expectError(R"({"v":1,"type":"hello","body":{"token":"a"}} trailing)",
                ErrorCode::MalformedJson);
    expectError(R"({"v":1,"type":"hello","body":{"token":"a",}})", ErrorCode::MalformedJson);
    expectError(R"({"v":1,/*c*/"type":"hello","body":{"token":"a"}})", ErrorCode::MalformedJson);
}

TEST(ProtocolReject, NotAnObject) {
    expectError("[]", ErrorCode::MalformedJson, "frame: expected object");
    expectError("1", ErrorCode::MalformedJson);
    expectError("\"op\"", ErrorCode::MalformedJson);
    expectError("null", ErrorCode::MalformedJson);
}

TEST(ProtocolReject, EveryTruncationOfEveryDocumentedMessage) {
    for (const auto& [name, message] : testing::documentedMessages()) {
        const std::string json = encode(message);
        // Every proper prefix of a JSON object is incomplete.
        for (std::size_t n = 0; n < json.size(); n += (json.size() > 2000 ? 7 : 1)) {
            const DecodeResult r = decode(std::string_view(json).substr(0, n));
            ASSERT_FALSE(r) << name << " prefix " << n;
            ASSERT_EQ(r.error.code, ErrorCode::MalformedJson) << name << " prefix " << n;
        }
    }
}

TEST(ProtocolReject, Version) {
    expectError(R"({"type":"hello","body":{"token":"a"}})", ErrorCode::MissingField, "v: missing");
    expectError(R"({"v":2,"type":"hello","body":{"token":"a"}})", ErrorCode::UnsupportedVersion,
                "v:");
    expectError(R"({"v":0,"type":"hello","body":{"token":"a"}})", ErrorCode::UnsupportedVersion);
    expectError(R"({"v":"1","type":"hello","body":{"token":"a"}})", ErrorCode::BadField,
                "v: expected integer");
    expectError(R"({"v":1.0,"type":"hello","body":{"token":"a"}})", ErrorCode::BadField);
    expectError(R"({"v":-1,"type":"hello","body":{"token":"a"}})", ErrorCode::BadField);
}

TEST(ProtocolReject, Type) {
    expectError(R"({"v":1,"type":"goodbye","body":{}})", ErrorCode::UnknownType, "type:");
    expectError(R"({"v":1,"type":"Hello","body":{"token":"a"}})", ErrorCode::UnknownType);
    expectError(R"({"v":1,"body":{"token":"a"}})", ErrorCode::MissingField, "type: missing");
    expectError(R"({"v":1,"type":2,"body":{"token":"a"}})", ErrorCode::BadField,
                "type: expected string");
}

TEST(ProtocolReject, Body) {
    expectError(R"({"v":1,"type":"hello"})", ErrorCode::MissingField, "body: missing");
    expectError(R"({"v":1,"type":"hello","body":[]})", ErrorCode::BadField,
                "body: expected object");
    expectError(R"({"v":1,"type":"hello","body":null})", ErrorCode::BadField);
}

TEST(ProtocolReject, MissingRequiredFields) {
    expectError(R"({"v":1,"type":"hello","body":{}})", ErrorCode::MissingField,
                "body.token: missing");
    expectError(R"({"v":1,"type":"admit","body":{"code":"K7QM-4XRT"}})", ErrorCode::MissingField,
                "body.device_name: missing");
    expectError(R"({"v":1,"type":"subscribe","body":{"since":3}})", ErrorCode::MissingField,
                "body.conference_id: missing");
    expectError(R"({"v":1,"type":"ack","body":{"client_seq":3}})", ErrorCode::MissingField,
                "body.server_seq: missing");
    expectError(
        R"({"v":1,"type":"op","body":{"client_id":"d","conference_id":2,"op":{"kind":"session.start"}}})",
        ErrorCode::MissingField, "body.client_seq: missing");
    expectError(opFrame(R"({"turn_id":"t"})"), ErrorCode::MissingField, "body.op.kind: missing");
    expectError(commentCreate(R"("id":"c","participant_id":"p","kind":"addition")"),
                ErrorCode::MissingField, "body.op.comment.text: missing");
    expectError(opFrame(R"({"kind":"queue.add","turn_id":"t","participant_id":"p"})"),
                ErrorCode::MissingField, "body.op.position: missing");
    expectError(
        opFrame(R"({"kind":"comment.update","comment_id":"c","text":"x","comment_kind":"other"})"),
        ErrorCode::MissingField, "body.op.base_rev: missing");
    expectError(
        R"({"v":1,"type":"events","body":{"conference_id":1,"head":2,"events":[{"seq":2,"conference_id":1,"at":0}]}})",
        ErrorCode::MissingField, "body.events[0].op: missing");
    expectError(
        R"({"v":1,"type":"welcome","body":{"device_id":"d","device_name":"n","role":"chair","campaign":{}}})",
        ErrorCode::MissingField, "body.campaign.title: missing");
}

TEST(ProtocolReject, WrongJsonTypes) {
    expectError(opFrame(R"({"kind":"session.start"})", "\"1\""), ErrorCode::BadField,
                "body.client_seq: expected integer");
    expectError(opFrame(R"({"kind":"session.start"})", "1.5"), ErrorCode::BadField,
                "body.client_seq: expected integer");
    expectError(opFrame(R"({"kind":"session.start"})", "true"), ErrorCode::BadField);
    expectError(commentCreate(R"("id":"c","participant_id":"p","kind":"addition","text":5)"),
                ErrorCode::BadField, "body.op.comment.text: expected string");
    expectError(
        commentCreate(
            R"("id":"c","participant_id":"p","kind":"addition","text":"x","sections":["I",2])"),
        ErrorCode::BadField, "body.op.comment.sections[1]: expected string");
    expectError(commentCreate(
                    R"("id":"c","participant_id":"p","kind":"addition","text":"x","sections":"I")"),
                ErrorCode::BadField, "body.op.comment.sections: expected array");
    expectError(commentCreate(
                    R"("id":"c","participant_id":"p","kind":"addition","text":"x","proposed":"y")"),
                ErrorCode::BadField, "body.op.comment.proposed: expected object");
    expectError(
        commentCreate(R"("id":"c","participant_id":"p","kind":"addition","text":"x","written":1)"),
        ErrorCode::BadField, "body.op.comment.written: expected boolean");
    expectError(opFrame(R"({"kind":"queue.move","turn_id":"t","position":"1"})"),
                ErrorCode::BadField, "body.op.position: expected number");
    expectError(opFrame(R"({"kind":"comment.flag","comment_id":"c","flagged":null})"),
                ErrorCode::BadField, "body.op.flagged: must not be null");
    expectError(opFrame(R"("session.start")"), ErrorCode::BadField, "body.op: expected object");
    expectError(
        opFrame(
            R"({"kind":"comment.update","comment_id":"c","base_rev":1,"text":"x","comment_kind":"other","resolves":[1,"2"]})"),
        ErrorCode::BadField, "body.op.resolves[1]: expected integer");
    expectError(
        R"({"v":1,"type":"snapshot","body":{"head":1,"conference":{"id":1,"title":"t","channel":"public","state":"planned"},"turns":[5]}})",
        ErrorCode::BadField, "body.turns[0]: expected object");
}

TEST(ProtocolReject, NegativeAndOutOfRangeNumbers) {
    expectError(opFrame(R"({"kind":"session.start"})", "-1"), ErrorCode::BadField,
                "body.client_seq: must be at least 1");
    expectError(opFrame(R"({"kind":"session.start"})", "0"), ErrorCode::BadField,
                "body.client_seq:");
    expectError(opFrame(R"({"kind":"session.start"})", "18446744073709551615"), ErrorCode::BadField,
                "body.client_seq: out of range");
    expectError(opFrame(R"({"kind":"session.start"})", "1e30"), ErrorCode::BadField);
    expectError(R"({"v":1,"type":"ack","body":{"client_seq":1,"server_seq":-5}})",
                ErrorCode::BadField, "body.server_seq: must be at least 0");
    expectError(R"({"v":1,"type":"subscribe","body":{"conference_id":1,"since":-1}})",
                ErrorCode::BadField, "body.since:");
    expectError(opFrame(R"({"kind":"attendance.count","count":-3})"), ErrorCode::BadField,
                "body.op.count:");
    expectError(opFrame(R"({"kind":"attendance.count","count":4294967296})"), ErrorCode::BadField,
                "body.op.count: out of range");
    expectError(opFrame(R"({"kind":"queue.move","turn_id":"t","position":1e999})"),
                ErrorCode::BadField, "body.op.position: expected finite number");
}

TEST(ProtocolReject, UnknownEnumNames) {
    expectError(commentCreate(R"("id":"c","participant_id":"p","kind":"praise","text":"x")"),
                ErrorCode::BadField, "body.op.comment.kind: unknown value");
    expectError(opFrame(R"({"kind":"comment.explode","comment_id":"c"})"), ErrorCode::BadField,
                "body.op.kind: unknown value");
    expectError(
        R"({"v":1,"type":"welcome","body":{"device_id":"d","device_name":"n","role":"king","campaign":{"title":"t"}}})",
        ErrorCode::BadField, "body.role: unknown value");
    expectError(R"({"v":1,"type":"nack","body":{"client_seq":1,"code":"oops","message":""}})",
                ErrorCode::BadField, "body.code: unknown value");
    expectError(
        R"({"v":1,"type":"snapshot","body":{"head":1,"conference":{"id":1,"title":"t","channel":"radio","state":"planned"}}})",
        ErrorCode::BadField, "body.conference.channel: unknown value");
}

TEST(ProtocolReject, InvalidUtf8) {
    const std::string bad[] = {
        "\xC3\x28",          // truncated two-byte sequence
        "\xC0\xAF",          // overlong "/"
        "\xED\xA0\x80",      // UTF-16 surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xFF",
        "Nguy\xE1\xBB",  // cut inside "ễ"
    };
    for (const std::string& b : bad) {
        expectError(
            R"({"v":1,"type":"admit","body":{"code":"K7QM-4XRT","device_name":")" + b + R"("}})",
            ErrorCode::BadField, "body.device_name: invalid UTF-8");
        expectError(
            commentCreate(
                R"("id":"c","participant_id":"p","kind":"other","text":"x","sections":["I",")" + b +
                R"("])"),
            ErrorCode::BadField, "body.op.comment.sections[1]: invalid UTF-8");
    }
}

TEST(ProtocolReject, Oversize) {
    const std::string frame = encode(Hello{std::string(kMaxFrameBytes, 'x')});
    expectError(frame, ErrorCode::TooLarge);
    expectError(std::string(kMaxFrameBytes + 1, ' '), ErrorCode::TooLarge);
}

TEST(ProtocolReject, DeepNesting) {
    std::string deep = R"({"v":1,"type":"hello","body":{"token":"a","x":)";
    for (int i = 0; i < 10000; ++i) deep += '[';
    for (int i = 0; i < 10000; ++i) deep += ']';
    deep += "}}";
    expectError(deep, ErrorCode::MalformedJson, "frame: nesting too deep");

    std::string shallow = R"({"v":1,"type":"hello","body":{"token":"a","x":)";
    for (int i = 0; i < 20; ++i) shallow += '[';
    for (int i = 0; i < 20; ++i) shallow += ']';
    shallow += "}}";
    EXPECT_TRUE(decode(shallow));
}

TEST(ProtocolReject, BadEventsAreRefusedStandAlone) {
    EXPECT_FALSE(decodeEvent(""));
    EXPECT_FALSE(decodeEvent("[]"));
    EXPECT_FALSE(decodeEvent(R"({"seq":1,"conference_id":1,"at":0})"));
    EXPECT_FALSE(decodeEvent(R"({"seq":-1,"conference_id":1,"at":0,"op":{"kind":"session.end"}})"));
    EXPECT_TRUE(decodeEvent(R"({"seq":1,"conference_id":1,"at":0,"op":{"kind":"session.end"}})"));
}

// Seeded random corruption of real frames: decode must never throw or crash, and every
// refusal must carry a message.
TEST(ProtocolReject, RandomCorruptionNeverThrows) {
    std::mt19937 rng(20250203);
    const std::string alphabet = "{}[]\":,0123456789-.eE truefalsnl\\u\xC3\xA1\xFF";
    std::size_t accepted = 0;
    std::size_t refused = 0;
    for (const auto& [name, message] : testing::documentedMessages()) {
        const std::string json = encode(message);
        for (int round = 0; round < 300; ++round) {
            std::string mutated = json;
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = rng() % mutated.size();
                const char c = alphabet[rng() % alphabet.size()];
                switch (rng() % 3) {
                    case 0:
                        mutated[at] = c;
                        break;
                    case 1:
                        mutated.insert(mutated.begin() + static_cast<std::ptrdiff_t>(at), c);
                        break;
                    default:
                        mutated.erase(at, 1);
                        break;
                }
                if (mutated.empty()) mutated = "{";
            }
            DecodeResult r;
            ASSERT_NO_THROW(r = decode(mutated)) << mutated;
            if (r) {
                ++accepted;
                // Whatever was accepted must encode and decode to itself.
                const DecodeResult again = decode(encode(*r.message));
                ASSERT_TRUE(again) << again.error.message;
                EXPECT_EQ(*again.message, *r.message);
            } else {
                ++refused;
                EXPECT_FALSE(r.error.message.empty()) << mutated;
            }
        }
    }
    EXPECT_GT(refused, 0u);
    EXPECT_GT(accepted + refused, 0u);
}

}  // namespace
}  // namespace gopy::proto
