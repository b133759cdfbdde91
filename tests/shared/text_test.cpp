// Vietnamese text: NFC, folding for search, collation for people lists.
#include "gopy/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

namespace gopy::text {
namespace {

// The twelve Vietnamese vowels and the five tone marks (plus none), composed.
const std::vector<std::vector<std::string>> kTonedVowelsLower = {
    {"a", "à", "á", "ả", "ã", "ạ"}, {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"}, {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"},
    {"e", "è", "é", "ẻ", "ẽ", "ẹ"}, {"ê", "ề", "ế", "ể", "ễ", "ệ"}, {"i", "ì", "í", "ỉ", "ĩ", "ị"},
    {"o", "ò", "ó", "ỏ", "õ", "ọ"}, {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"}, {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"},
    {"u", "ù", "ú", "ủ", "ũ", "ụ"}, {"ư", "ừ", "ứ", "ử", "ữ", "ự"}, {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"},
};
const std::vector<std::vector<std::string>> kTonedVowelsUpper = {
    {"A", "À", "Á", "Ả", "Ã", "Ạ"}, {"Ă", "Ằ", "Ắ", "Ẳ", "Ẵ", "Ặ"}, {"Â", "Ầ", "Ấ", "Ẩ", "Ẫ", "Ậ"},
    {"E", "È", "É", "Ẻ", "Ẽ", "Ẹ"}, {"Ê", "Ề", "Ế", "Ể", "Ễ", "Ệ"}, {"I", "Ì", "Í", "Ỉ", "Ĩ", "Ị"},
    {"O", "Ò", "Ó", "Ỏ", "Õ", "Ọ"}, {"Ô", "Ồ", "Ố", "Ổ", "Ỗ", "Ộ"}, {"Ơ", "Ờ", "Ớ", "Ở", "Ỡ", "Ợ"},
    {"U", "Ù", "Ú", "Ủ", "Ũ", "Ụ"}, {"Ư", "Ừ", "Ứ", "Ử", "Ữ", "Ự"}, {"Y", "Ỳ", "Ý", "Ỷ", "Ỹ", "Ỵ"},
};
// The same letters written as base + combining marks (NFD).
const char* const kBase = "aaaeeiooouuy";
const char* const kVowelMark[] = {"", "\xCC\x86", "\xCC\x82", "", "\xCC\x82", "",
                                  "", "\xCC\x82", "\xCC\x9B", "", "\xCC\x9B", ""};
const char* const kToneMark[] = {"", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};

TEST(TextNfc, EveryTonedVowelComposesFromNfd) {
    for (std::size_t v = 0; v < kTonedVowelsLower.size(); ++v) {
        for (std::size_t t = 0; t < 6; ++t) {
            for (const bool upper : {false, true}) {
                const std::string& composed = (upper ? kTonedVowelsUpper : kTonedVowelsLower)[v][t];
                std::string decomposed(1,
                                       upper ? static_cast<char>(kBase[v] - 'a' + 'A') : kBase[v]);
                // NFD puts the dot below (ccc 220) before the other marks (ccc 230); the
                // normaliser must accept either order.
                decomposed += kVowelMark[v];
                decomposed += kToneMark[t];
                SCOPED_TRACE(composed);
                EXPECT_EQ(nfc(composed), composed);
                EXPECT_EQ(nfc(decomposed), composed);
            }
        }
    }
}

TEST(TextNfc, WholeAlphabetSurvives) {
    const std::string lower = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y";
    const std::string upper = "A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y";
    EXPECT_EQ(nfc(lower), lower);
    EXPECT_EQ(nfc(upper), upper);
    std::string allToned;
    for (const auto& row : kTonedVowelsLower) {
        for (const auto& s : row) allToned += s;
    }
    for (const auto& row : kTonedVowelsUpper) {
        for (const auto& s : row) allToned += s;
    }
    EXPECT_EQ(nfc(allToned), allToned);
    EXPECT_TRUE(isValidUtf8(allToned));
}

TEST(TextNfc, SentenceFromNfd) {
    const std::string nfd = "Đe\xCC\x82\xCC\x80 nghi\xCC\xA3 bo\xCC\x82\xCC\x89 sung";
    EXPECT_EQ(nfc(nfd), "Đề nghị bổ sung");
    EXPECT_EQ(nfc("plain ascii"), "plain ascii");
    EXPECT_EQ(nfc(""), "");
}

TEST(TextNfc, InvalidBytesBecomeReplacementCharacter) {
    EXPECT_EQ(nfc("a\xFF"
                  "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_TRUE(isValidUtf8(nfc("x\xC3\x28y\xED\xA0\x80")));
}

TEST(TextUtf8, Validity) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("Nguyễn Văn Ánh"));
    EXPECT_TRUE(isValidUtf8("\xF0\x9F\x98\x80"));
    EXPECT_TRUE(isValidUtf8(std::string_view("a\0b", 3)));
    EXPECT_FALSE(isValidUtf8("\xC3"));
    EXPECT_FALSE(isValidUtf8("\xC3\x28"));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));
    EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));
    EXPECT_FALSE(isValidUtf8("\x80"));
    EXPECT_FALSE(isValidUtf8("\xFE\xFF"));
}

TEST(TextFold, RemovesDiacriticsAndCase) {
    EXPECT_EQ(fold("Nguyễn Văn Ánh"), "nguyen van anh");
    EXPECT_EQ(fold("Đặng"), "dang");
    EXPECT_EQ(fold("đường Đội Cấn"), "duong doi can");
    EXPECT_EQ(fold("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"), "dang bo thanh pho ha noi");
    EXPECT_EQ(fold("Ưng Thị Ơn Ỷ"), "ung thi on y");
    EXPECT_EQ(fold("\xC3\x90\xE1\xBA\xB7ng"), "dang");  // "Ðặng" with U+00D0
}

TEST(TextFold, CollapsesWhitespace) {
    EXPECT_EQ(fold("  Trần\t\tVăn \n Bình  "), "tran van binh");
    EXPECT_EQ(fold("\xC2\xA0Lê\xC2\xA0\xC2\xA0Thu"), "le thu");
    EXPECT_EQ(fold(""), "");
    EXPECT_EQ(fold("   "), "");
}

TEST(TextFold, DecomposedAndComposedFoldTheSame) {
    EXPECT_EQ(fold("Nguye\xCC\x82\xCC\x83n"), fold("Nguyễn"));
    std::string lower;
    std::string upper;
    for (const auto& row : kTonedVowelsLower) {
        for (const auto& s : row) lower += s;
    }
    for (const auto& row : kTonedVowelsUpper) {
        for (const auto& s : row) upper += s;
    }
    EXPECT_EQ(fold(lower), fold(upper));
    EXPECT_EQ(fold(lower),
              "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy");
}

TEST(TextMatches, WordPrefixes) {
    EXPECT_TRUE(matches("Nguyễn Văn An", "nguyen an"));
    EXPECT_TRUE(matches("Nguyễn Văn An", "Ng V"));
    EXPECT_TRUE(matches("Nguyễn Văn An", "an nguyễn"));
    EXPECT_TRUE(matches("Đặng Thị Ánh Tuyết", "dang tuyet"));
    EXPECT_TRUE(matches("Đặng Thị Ánh Tuyết", "  ĐẶNG   ánh "));
    EXPECT_TRUE(matches("Nguyễn Văn An", ""));
    EXPECT_FALSE(matches("Nguyễn Văn An", "guyen"));
    EXPECT_FALSE(matches("Nguyễn Văn An", "nguyen binh"));
    EXPECT_FALSE(matches("Nguyễn Văn An", "anh"));
    EXPECT_FALSE(matches("", "a"));
}

TEST(TextCollation, VietnameseLetterOrder) {
    const std::vector<std::string> expected = {"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g",
                                               "h", "i", "k", "l", "m", "n", "o", "ô", "ơ", "p",
                                               "q", "r", "s", "t", "u", "ư", "v", "x", "y"};
    std::vector<std::string> shuffled = expected;
    std::mt19937 rng(7);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    std::sort(shuffled.begin(), shuffled.end(), [](const std::string& a, const std::string& b) {
        return collationKey(a) < collationKey(b);
    });
    EXPECT_EQ(shuffled, expected);
}

TEST(TextCollation, TonesAfterTheBareVowelAndBeforeTheNextLetter) {
    for (const auto& row : kTonedVowelsLower) {
        for (std::size_t t = 1; t < row.size(); ++t) {
            EXPECT_LT(collationKey(row[0]), collationKey(row[t])) << row[t];
        }
    }
    EXPECT_LT(collationKey("ạ"), collationKey("ă"));
    EXPECT_LT(collationKey("ặ"), collationKey("â"));
    EXPECT_LT(collationKey("ự"), collationKey("v"));
    EXPECT_LT(collationKey("Thu"), collationKey("Thư"));
    EXPECT_LT(collationKey("Dũng"), collationKey("Đức"));
}

TEST(TextCollation, KeysAreStableAndEqualForEqualText) {
    EXPECT_EQ(collationKey("Nguyễn"), collationKey("Nguye\xCC\x82\xCC\x83n"));
    EXPECT_EQ(collationKey(""), collationKey(""));
    EXPECT_NE(collationKey("An"), collationKey("Ân"));
    EXPECT_EQ(collationKey("An").find('\0'), std::string::npos);
}

TEST(TextPersons, SortByGivenNameThenFamilyName) {
    const std::vector<std::string> expected = {
        "Lê An",         "Nguyễn Văn An",  "Nguyễn Văn Anh", "Phạm Thị Ánh", "Vũ Ân",
        "Trần Văn Bình", "Nguyễn Thị Cúc", "Lý Dũng",        "Hoàng Đức",    "Em",
        "Đỗ Văn Hà",     "Lê Thị Hà",      "Nguyễn Thu Hà",  "Bùi Thu",      "Mai Thư",
        "Phan Ưng",
    };
    std::vector<std::string> names = expected;
    std::mt19937 rng(3);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(names.begin(), names.end(), rng);
        std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
            return comparePersons(a, b) < 0;
        });
        EXPECT_EQ(names, expected);
        std::shuffle(names.begin(), names.end(), rng);
        std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
            return personSortKey(a) < personSortKey(b);
        });
        EXPECT_EQ(names, expected);
    }
}

TEST(TextPersons, ExamplesFromTheHeader) {
    EXPECT_LT(comparePersons("Trần Văn Bình", "Nguyễn Thị Cúc"), 0);
    EXPECT_GT(comparePersons("Nguyễn Thị Cúc", "Trần Văn Bình"), 0);
    EXPECT_EQ(comparePersons("Nguyễn Văn An", "Nguyễn Văn An"), 0);
    EXPECT_EQ(comparePersons("  Nguyễn  Văn An ", "Nguyễn Văn An"), 0);
    EXPECT_EQ(personSortKey(""), "");
}

TEST(TextPersons, ThreadsGetTheSameKeys) {
    const std::vector<std::string> names = {"Nguyễn Văn An", "Đặng Thị Ánh Tuyết", "Trần Bình"};
    std::vector<std::string> reference;
    for (const auto& n : names) reference.push_back(personSortKey(n));
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                for (std::size_t k = 0; k < names.size(); ++k) {
                    if (personSortKey(names[k]) != reference[k]) ++mismatches[t];
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

std::size_t codePoints(const std::string& utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

TEST(TextOpening, ShortTextIsKeptWithSpacesCollapsed) {
    EXPECT_EQ(opening("Phát triển  kinh tế\n số."), "Phát triển kinh tế số.");
    EXPECT_EQ(opening("  "), "");
    EXPECT_EQ(opening(std::string(80, 'a')), std::string(80, 'a'));
}

TEST(TextOpening, LongTextIsCutAtAWordWithAnEllipsis) {
    const std::string text =
        "Tiếp tục đẩy mạnh công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, "
        "vững mạnh toàn diện; nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng.";
    const std::string cut = opening(text);
    EXPECT_LE(codePoints(cut), 80u) << cut;
    EXPECT_GE(codePoints(cut), 60u) << cut;
    ASSERT_GE(cut.size(), 3u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
    const std::string kept = cut.substr(0, cut.size() - 3);
    // Whole words only: the kept text is a prefix of the text and ends before a space.
    ASSERT_EQ(text.compare(0, kept.size(), kept), 0) << cut;
    EXPECT_EQ(text[kept.size()], ' ') << cut;
    EXPECT_NE(kept.back(), ',');
    EXPECT_EQ(opening(text), nfc(cut));
}

TEST(TextOpening, DecomposedInputComesOutComposed) {
    std::string decomposed;
    for (int i = 0; i < 30; ++i) decomposed += "Ho\xCC\x80" "a bi\xCC\x80" "nh ";
    const std::string cut = opening(decomposed, 20);
    EXPECT_EQ(cut, nfc(cut));
    EXPECT_EQ(cut, "Hòa bình Hòa bình…");
}

TEST(TextOpening, AWordLongerThanTheLimitIsCutInside) {
    const std::string cut = opening(std::string(200, 'x'), 10);
    EXPECT_EQ(cut, std::string(9, 'x') + "…");
}

}  // namespace
}  // namespace gopy::text
