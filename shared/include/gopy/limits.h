// Length limits of every free text a client may send, defined once for the server (which
// refuses longer ones with these messages) and the client (which refuses to save them, keeping
// the text in the editor). Counted in characters (Unicode code points) after NFC and trimming.
// Chosen so that the largest event the server can produce stays far under the 1 MiB frame:
// a comment of 20,000 characters is about 3,500 Vietnamese words — a long speech — and even
// escaped at 6 bytes a character and carried twice it is 240 KB.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gopy::limits {

inline constexpr std::size_t kCommentText = 20'000;    ///< a comment, a merged conflict text
inline constexpr std::size_t kProposedWording = 5'000; ///< verbatim wording of an amendment
inline constexpr std::size_t kLocation = 500;          ///< "đoạn 2, dòng 5, trang 14"
inline constexpr std::size_t kName = 200;              ///< a person's or a device's name
inline constexpr std::size_t kTitle = 500;             ///< chức danh, organisation, group
inline constexpr std::size_t kExplanation = 5'000;     ///< the drafting team's explanation
inline constexpr std::size_t kTypingDraft = 20'000;    ///< a live typing draft (as a comment)

/// Characters (code points) of UTF-8 text: bytes that are not continuation bytes.
std::size_t characters(std::string_view utf8);

/// Empty when `value` has at most `limit` characters; else the Vietnamese refusal, e.g.
/// "Nội dung ý kiến dài 25.000 ký tự, vượt giới hạn 20.000 ký tự". `what` starts the sentence.
std::string tooLong(std::string_view what, std::string_view value, std::size_t limit);

}  // namespace gopy::limits
