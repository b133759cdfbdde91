// libFuzzer target: proto::decode and proto::decodeEvent on arbitrary bytes.
// Properties checked beyond "no crash, no sanitizer report":
//   - a refusal always carries a message;
//   - an accepted message re-encodes to a frame that decodes to the same message;
//   - every decoded string is well-formed UTF-8 in NFC.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gopy/protocol.h"
#include "gopy/text.h"

namespace {

void check(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    using namespace gopy::proto;

    const DecodeResult result = decode(input);
    if (!result) {
        check(!result.error.message.empty());
    } else {
        const std::string again = encode(*result.message);
        const DecodeResult second = decode(again);
        check(second.message.has_value());
        check(*second.message == *result.message);
        // The encoder writes decoded text as is, so the frame is valid UTF-8 only if every
        // decoded string was; NFC is idempotent on it.
        check(gopy::text::isValidUtf8(again));
        check(gopy::text::nfc(again) == again);
    }

    if (const std::optional<Event> event = decodeEvent(input)) {
        const std::optional<Event> back = decodeEvent(encodeEvent(*event));
        check(back.has_value() && *back == *event);
    }
    return 0;
}
