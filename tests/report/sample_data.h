// Deterministic campaign, outline and conference snapshots for report tests and benchmarks.
#pragma once

#include <cstdint>
#include <string>

#include "gopy/protocol.h"

namespace gopy::testing {

/// Campaign with the Ba Đình letterhead, a three-part outline and `conferences` conferences
/// (ids 1..n) plus the public channel (id 100).
proto::Welcome sampleWelcome(int conferences = 1);

/// A concluded conference `id` with `speakers` speakers and `comments` comments of every kind
/// spread over the outline, about `wordsPerComment` words each, in Vietnamese.
proto::Snapshot sampleSnapshot(const proto::Welcome& welcome, std::int64_t id, int speakers,
                               int comments, int wordsPerComment = 40);

/// A pseudo-random Vietnamese sentence of `words` words (seeded, repeatable).
std::string vietnameseWords(std::uint32_t seed, int words);

/// Every letter of the Vietnamese alphabet in both cases with all five tone marks.
std::string vietnameseAlphabet();

}  // namespace gopy::testing
