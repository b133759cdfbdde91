// Validates one operation and applies it to the store, producing the event to broadcast.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/protocol.h"
#include "server/sync/engine.h"

namespace gopy::server {

class Store;

class OpApplier {
public:
    struct Outcome {
        std::optional<proto::Nack> refusal;  ///< Forbidden, NotFound or Invalid; nothing applied
        std::optional<proto::Event> event;   ///< the resulting state; seq set to `seq`
        std::int64_t endedConference = 0;    ///< set by a session.end
        /// Other conferences whose comments the event changed (drafting operations): the
        /// event is routed to them besides the op's conference. Sorted, without that one.
        std::vector<std::int64_t> routedTo;
    };

    explicit OpApplier(Store& store) : store_(store) {}

    /// Checks role, scope and validity of `op` for `device` and applies it inside the caller's
    /// savepoint. `seq` is the oplog seq the event will get. Text is NFC-normalised first.
    /// Throws store::Error on storage failures (the caller rolls back).
    Outcome apply(const Device& device, const proto::OpRequest& op, Millis now, std::int64_t seq);

private:
    Store& store_;
};

}  // namespace gopy::server
