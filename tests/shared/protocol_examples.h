// Example messages with Vietnamese content: the round-trip tests use them, and
// docs/protocol.md shows exactly their encode() output (checked by ProtocolDocs tests).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "gopy/protocol.h"

namespace gopy::testing {

/// One example of every operation kind, every optional field set.
std::vector<proto::Operation> fullOperations();
/// One example of every operation kind, every optional field left at its default.
std::vector<proto::Operation> minimalOperations();

/// A named example message: the name is the heading used in docs/protocol.md.
struct NamedMessage {
    std::string name;
    proto::Message message;
};
/// Every message type at least once, the op message once per operation kind, with optional
/// fields set; these are the examples printed in docs/protocol.md.
std::vector<NamedMessage> documentedMessages();
/// Every message type with every optional field unset.
std::vector<proto::Message> minimalMessages();

/// Sample model values shared by the examples.
Conference sampleConference();
Participant sampleParticipant();
Comment sampleComment();
/// A public comment with its origin, paragraph and acceptance.
Comment samplePublicComment();

}  // namespace gopy::testing
