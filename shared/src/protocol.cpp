// GopY wire protocol: registry names and the JSON codec (Boost.JSON).
#include "gopy/protocol.h"

#include <array>
#include <utility>

namespace gopy::proto {
namespace {

constexpr std::array<std::pair<MessageType, std::string_view>, 11> kMessageTypes{{
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
}};

constexpr std::array<std::pair<ErrorCode, std::string_view>, 16> kErrorCodes{{
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
}};

// Indexed by Operation::index(); the order follows the variant's alternatives.
constexpr std::array<std::string_view, std::variant_size_v<Operation>> kKindNames{
    "session.start",  "session.end",    "attendance.set", "attendance.count", "participant.add",
    "queue.add",      "queue.move",     "queue.remove",   "turn.start",       "turn.stop",
    "comment.create", "comment.update", "comment.delete", "comment.flag",     "report.release",
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

}  // namespace gopy::proto
