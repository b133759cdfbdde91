// Outline diff: kept, removed, added and moved sections between two imports of a draft.
#include "server/intake/outline_diff.h"

#include <gtest/gtest.h>

#include "server/intake/draft_import.h"

namespace gopy::intake {
namespace {

using Codes = std::vector<std::string>;

TEST(OutlineDiff, KeptRemovedAddedMoved) {
    const DraftOutline older = importMarkdown(
        "# Phần I. Đánh giá\n## 1. Xây dựng Đảng\n## 2. Kinh tế\n### a) Thương mại\n"
        "## 3. Văn hóa, xã hội\n# Phần II. Phương hướng\n## 1. Dự báo\n");
    // Re-import: "Văn hóa, xã hội" moved to part II (II.2, spelt "hoá" in capitals),
    // "Thương mại" dropped, "Quốc phòng" new.
    const DraftOutline newer = importMarkdown(
        "# Phần I. Đánh giá\n## 1. Xây dựng Đảng\n## 2. Kinh tế\n"
        "# Phần II. Phương hướng\n## 1. Dự báo\n## 2. VĂN HOÁ, XÃ HỘI\n## 3. Quốc phòng\n");
    const OutlineDiff diff = diffOutline(older.sections, newer.sections);
    EXPECT_EQ(diff.kept, (Codes{"I", "I.1", "I.2", "II", "II.1"}));
    EXPECT_EQ(diff.removed, (Codes{"I.2.a"}));
    EXPECT_EQ(diff.moved, (std::vector<MovedSection>{{"I.3", "II.2"}}));
    EXPECT_EQ(diff.added, (Codes{"II.3"}));
}

TEST(OutlineDiff, SameCodeDifferentTitleIsKept) {
    const std::vector<Section> a = {{"I", "", 1, 1, "Phần I", "Một"},
                                    {"I.1", "I", 2, 2, "1.", "A"}};
    const std::vector<Section> b = {{"I", "", 1, 1, "Phần I", "Một (sửa)"},
                                    {"I.1", "I", 2, 2, "1.", "B"},
                                    {"I.2", "I", 2, 3, "2.", "A"}};
    const OutlineDiff diff = diffOutline(a, b);
    EXPECT_EQ(diff.kept, (Codes{"I", "I.1"}));
    EXPECT_TRUE(diff.removed.empty());
    EXPECT_TRUE(diff.moved.empty());
    EXPECT_EQ(diff.added, (Codes{"I.2"}));
}

TEST(OutlineDiff, AmbiguousTitleIsNotAMove) {
    const std::vector<Section> a = {{"I", "", 1, 1, "", "Một"}, {"I.1", "I", 2, 2, "", "Chung"}};
    const std::vector<Section> b = {{"I", "", 1, 1, "", "Một"},
                                    {"I.2", "I", 2, 2, "", "Chung"},
                                    {"I.3", "I", 2, 3, "", "chung"}};
    const OutlineDiff diff = diffOutline(a, b);
    EXPECT_EQ(diff.removed, (Codes{"I.1"}));
    EXPECT_EQ(diff.added, (Codes{"I.2", "I.3"}));
    EXPECT_TRUE(diff.moved.empty());
}

TEST(OutlineDiff, IdenticalOutlines) {
    const std::vector<Section> a = {{"I", "", 1, 1, "", "Một"}, {"I.1", "I", 2, 2, "", "A"}};
    const OutlineDiff diff = diffOutline(a, a);
    EXPECT_EQ(diff.kept, (Codes{"I", "I.1"}));
    EXPECT_TRUE(diff.removed.empty() && diff.added.empty() && diff.moved.empty());
}

}  // namespace
}  // namespace gopy::intake
