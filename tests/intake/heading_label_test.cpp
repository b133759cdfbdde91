// Heading labels: parts, Roman numerals, numbers and letters as Vietnamese drafts print them.
#include "server/intake/heading_label.h"

#include <gtest/gtest.h>

namespace gopy::intake {
namespace {

TEST(HeadingLabel, Parts) {
    HeadingLabel h = parseHeadingLabel("PHẦN THỨ NHẤT");
    EXPECT_EQ(h.kind, LabelKind::Roman);
    EXPECT_EQ(h.number, 1);
    EXPECT_EQ(h.label, "PHẦN THỨ NHẤT");
    EXPECT_EQ(h.title, "");

    h = parseHeadingLabel("Phần thứ tư: Tổ chức thực hiện");
    EXPECT_EQ(h.number, 4);
    EXPECT_EQ(h.label, "Phần thứ tư");
    EXPECT_EQ(h.title, "Tổ chức thực hiện");

    h = parseHeadingLabel("Phần IX – Kết luận");
    EXPECT_EQ(h.number, 9);
    EXPECT_EQ(h.label, "Phần IX");
    EXPECT_EQ(h.title, "Kết luận");

    // "Phần lớn" is a phrase, not a label.
    EXPECT_EQ(parseHeadingLabel("Phần lớn các chỉ tiêu").kind, LabelKind::None);
}

TEST(HeadingLabel, NumbersRomanAndLetters) {
    HeadingLabel h = parseHeadingLabel("II. PHƯƠNG HƯỚNG");
    EXPECT_EQ(h.kind, LabelKind::Roman);
    EXPECT_EQ(h.number, 2);
    EXPECT_EQ(h.label, "II.");
    EXPECT_EQ(h.title, "PHƯƠNG HƯỚNG");

    h = parseHeadingLabel("3.2. Chỉ tiêu");
    EXPECT_EQ(h.kind, LabelKind::Number);
    EXPECT_EQ(h.number, 2);
    EXPECT_EQ(h.label, "3.2.");

    h = parseHeadingLabel("12) Mười hai");
    EXPECT_EQ(h.number, 12);
    EXPECT_EQ(h.label, "12)");

    h = parseHeadingLabel("đ) Dân vận");
    EXPECT_EQ(h.kind, LabelKind::Letter);
    EXPECT_EQ(h.letter, "đ");
    EXPECT_EQ(h.label, "đ)");
    EXPECT_EQ(h.title, "Dân vận");

    h = parseHeadingLabel("i) Mục i");
    EXPECT_EQ(h.kind, LabelKind::Letter);
    EXPECT_EQ(h.letter, "i");

    h = parseHeadingLabel("C. Chữ hoa");
    EXPECT_EQ(h.kind, LabelKind::Letter);
    EXPECT_EQ(h.letter, "c");

    EXPECT_EQ(parseHeadingLabel("Kinh tế. Xã hội").kind, LabelKind::None);
    EXPECT_EQ(parseHeadingLabel("2025 là năm bản lề").kind, LabelKind::None);
}

TEST(HeadingLabel, RomanNumerals) {
    EXPECT_EQ(toRoman(1), "I");
    EXPECT_EQ(toRoman(4), "IV");
    EXPECT_EQ(toRoman(14), "XIV");
    EXPECT_EQ(toRoman(27), "XXVII");
    EXPECT_EQ(fromRoman("XXVII"), 27);
    EXPECT_EQ(fromRoman("xiv"), 14);
    EXPECT_EQ(fromRoman("IIII"), 0);
    EXPECT_EQ(fromRoman("VX"), 0);
    EXPECT_EQ(fromRoman("ĐH"), 0);
    for (int n = 1; n < 200; ++n) EXPECT_EQ(fromRoman(toRoman(n)), n);
}

}  // namespace
}  // namespace gopy::intake
