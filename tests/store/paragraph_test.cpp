// Comments that point at a paragraph of the draft: comment.create / comment.update check the
// paragraph against draft_paragraphs, comment.update sets, clears or keeps it, comment.assign
// drops it with the first section, and welcome carries the paragraph heads.
#include "fixture.h"
#include "gopy/text.h"
#include "server/store/draft_table.h"
#include "server/store/transaction.h"

namespace gopy::server::testing {
namespace {

class ParagraphTest : public EngineTest {
protected:
    proto::Nack refused(std::int64_t seq, proto::Operation op) {
        const auto result = engine_->apply(organiser(), request(organiser(), seq, 1, std::move(op)),
                                           now_);
        EXPECT_TRUE(result.nack) << "accepted";
        EXPECT_FALSE(result.event);
        return result.nack.value_or(proto::Nack{});
    }

    static proto::CommentUpdate update(const std::string& id, std::int64_t baseRev,
                                       std::vector<std::string> sections,
                                       std::optional<int> paragraph) {
        proto::CommentUpdate u;
        u.commentId = id;
        u.baseRev = baseRev;
        u.text = "Đề nghị làm rõ đoạn này (lần " + std::to_string(baseRev) + ").";
        u.sections = std::move(sections);
        u.kind = CommentKind::Amendment;
        u.paragraph = paragraph;
        return u;
    }

    int storedParagraph(const std::string& id) {
        return engine_->store().comments().get(id)->paragraph;
    }
};

TEST_F(ParagraphTest, CreateKeepsAParagraphTheSectionHas) {
    Comment c = comment("c-p", "Đề nghị viết gọn đoạn 3", {"I.1", "II.1"});
    c.paragraph = 3;
    applyOk(organiser(), 1, 1, proto::CommentCreate{c});
    EXPECT_EQ(storedParagraph("c-p"), 3);
    reopen();
    EXPECT_EQ(storedParagraph("c-p"), 3);
}

TEST_F(ParagraphTest, CreateRefusesAParagraphTheSectionDoesNotHave) {
    Comment beyond = comment("c-beyond", "Đoạn 4 của mục I.1", {"I.1"});
    beyond.paragraph = 4;  // I.1 has 3
    auto nack = refused(1, proto::CommentCreate{beyond});
    EXPECT_EQ(nack.code, proto::ErrorCode::Invalid);
    EXPECT_EQ(nack.message, "Mục I.1 của dự thảo không có đoạn 4");

    // The paragraph belongs to the FIRST section: II.1 has a paragraph 4, but I.1 comes first.
    Comment second = comment("c-second", "Đoạn 4", {"I.1", "II.1"});
    second.paragraph = 4;
    EXPECT_EQ(refused(2, proto::CommentCreate{second}).message,
              "Mục I.1 của dự thảo không có đoạn 4");

    Comment none = comment("c-none", "Mục không có đoạn nào", {"I.2"});
    none.paragraph = 1;
    EXPECT_EQ(refused(3, proto::CommentCreate{none}).message,
              "Mục I.2 của dự thảo không có đoạn 1");

    Comment noSection = comment("c-nosection", "Không ghi mục", {});
    noSection.paragraph = 1;
    nack = refused(4, proto::CommentCreate{noSection});
    EXPECT_EQ(nack.code, proto::ErrorCode::Invalid);
    EXPECT_EQ(nack.message, "Số đoạn chỉ ghi khi ý kiến có mục dự thảo");
    EXPECT_EQ(rows("comments"), 0);
}

TEST_F(ParagraphTest, UpdateSetsClearsAndKeepsTheParagraph) {
    Comment c = comment("c-u", "Ý kiến về đoạn 2", {"I.1"});
    c.paragraph = 2;
    applyOk(organiser(), 1, 1, proto::CommentCreate{c});

    // Absent, same first section: kept.
    applyOk(organiser(), 2, 1, update("c-u", 1, {"I.1", "II.1"}, std::nullopt));
    EXPECT_EQ(storedParagraph("c-u"), 2);
    // Present: set, and the event carries it.
    const auto set = engine_->apply(organiser(),
                                    request(organiser(), 3, 1, update("c-u", 2, {"I.1"}, 3)), now_);
    ASSERT_TRUE(set.ack && set.event && set.event->comment);
    EXPECT_EQ(set.event->comment->paragraph, 3);
    EXPECT_EQ(storedParagraph("c-u"), 3);
    // Zero: cleared, the comment points at the whole section.
    applyOk(organiser(), 4, 1, update("c-u", 3, {"I.1"}, 0));
    EXPECT_EQ(storedParagraph("c-u"), 0);
    // Another first section and its paragraph in one edit.
    applyOk(organiser(), 5, 1, update("c-u", 4, {"II.1"}, 4));
    EXPECT_EQ(storedParagraph("c-u"), 4);
    // Absent while the first section changes: the old number meant nothing in the new section.
    applyOk(organiser(), 6, 1, update("c-u", 5, {"I.1"}, std::nullopt));
    EXPECT_EQ(storedParagraph("c-u"), 0);
    EXPECT_EQ(engine_->store().comments().get("c-u")->rev, 6);
}

TEST_F(ParagraphTest, UpdateRefusesAParagraphTheSectionDoesNotHave) {
    Comment c = comment("c-r", "Ý kiến về đoạn 1", {"I.1"});
    c.paragraph = 1;
    applyOk(organiser(), 1, 1, proto::CommentCreate{c});

    auto nack = refused(2, update("c-r", 1, {"I.1"}, 7));
    EXPECT_EQ(nack.code, proto::ErrorCode::Invalid);
    EXPECT_EQ(nack.message, "Mục I.1 của dự thảo không có đoạn 7");
    EXPECT_EQ(refused(3, update("c-r", 1, {"I.2"}, 1)).message,
              "Mục I.2 của dự thảo không có đoạn 1");
    EXPECT_EQ(refused(4, update("c-r", 1, {}, 1)).message,
              "Số đoạn chỉ ghi khi ý kiến có mục dự thảo");
    // Nothing of the refused edits was applied.
    const auto stored = engine_->store().comments().get("c-r");
    EXPECT_EQ(stored->rev, 1);
    EXPECT_EQ(stored->paragraph, 1);
    EXPECT_EQ(stored->text, "Ý kiến về đoạn 1");
}

TEST_F(ParagraphTest, AKeptParagraphIsNotCheckedAgainAfterARevisedDraft) {
    Comment c = comment("c-k", "Ý kiến về đoạn 3", {"I.1"});
    c.paragraph = 3;
    applyOk(organiser(), 1, 1, proto::CommentCreate{c});
    {
        store::Transaction t(engine_->store().db());
        engine_->store().draft().replace(engine_->store().sections().all(),
                                         {{"I.1", 1, "Chỉ còn một đoạn."}});
        t.commit();
    }
    // The text can still be edited; the paragraph the server keeps is not re-validated.
    applyOk(organiser(), 2, 1, update("c-k", 1, {"I.1"}, std::nullopt));
    EXPECT_EQ(storedParagraph("c-k"), 3);
    // Naming it again is checked.
    EXPECT_EQ(refused(3, update("c-k", 2, {"I.1"}, 3)).message,
              "Mục I.1 của dự thảo không có đoạn 3");
}

TEST_F(ParagraphTest, AssignDropsTheParagraphWithTheFirstSection) {
    Comment same = comment("c-same", "Đoạn 2 mục I.1", {"I.1"});
    same.paragraph = 2;
    Comment moved = comment("c-moved", "Đoạn 3 mục I.1", {"I.1"});
    moved.paragraph = 3;
    applyOk(organiser(), 1, 1, proto::CommentCreate{same});
    applyOk(organiser(), 2, 1, proto::CommentCreate{moved});
    const Device team{"d-drafting", "Tổ biên tập", Role::Drafting, 0};
    applyOk(team, 1, 1, proto::CommentAssign{{"c-same"}, {"I.1", "I.2"}});
    const auto result = engine_->apply(
        team, request(team, 2, 1, proto::CommentAssign{{"c-moved"}, {"II.1"}}), now_);
    ASSERT_TRUE(result.ack && result.event);
    ASSERT_EQ(result.event->comments.size(), 1u);
    EXPECT_EQ(result.event->comments[0].paragraph, 0);
    EXPECT_EQ(result.event->comments[0].sections, std::vector<std::string>{"II.1"});
    EXPECT_EQ(storedParagraph("c-same"), 2);
    EXPECT_EQ(storedParagraph("c-moved"), 0);
    EXPECT_EQ(engine_->store().comments().get("c-moved")->sections,
              std::vector<std::string>{"II.1"});
    EXPECT_EQ(engine_->store().comments().get("c-moved")->rev, 1);
}

TEST_F(ParagraphTest, WelcomeCarriesTheParagraphHeadsInDraftOrder) {
    const std::string longText =
        "Tiếp tục đổi mới nội dung, phương thức lãnh đạo của Đảng bộ; nâng cao năng lực "
        "lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ đảng viên.";
    {
        store::Transaction t(engine_->store().db());
        // Written out of order: the welcome lists them in the draft's order.
        engine_->store().draft().replace(engine_->store().sections().all(),
                                         {{"II.1", 2, "Thứ hai của phần II."},
                                          {"I.1", 2, "Thứ hai của mục 1."},
                                          {"II.1", 1, "Thứ nhất của phần II."},
                                          {"I.1", 1, longText}});
        t.commit();
    }
    // From the file, as a restarted server sees it.
    reopen();
    const auto welcome = engine_->welcome(secretary());
    ASSERT_EQ(welcome.paragraphs.size(), 4u);
    EXPECT_EQ(welcome.paragraphs[0].section, "I.1");
    EXPECT_EQ(welcome.paragraphs[0].number, 1);
    EXPECT_EQ(welcome.paragraphs[0].opening, text::opening(longText));
    EXPECT_NE(welcome.paragraphs[0].opening, longText);
    EXPECT_EQ(welcome.paragraphs[0].opening.substr(welcome.paragraphs[0].opening.size() - 3), "…");
    EXPECT_EQ(welcome.paragraphs[1], (ParagraphHead{"I.1", 2, "Thứ hai của mục 1."}));
    EXPECT_EQ(welcome.paragraphs[2], (ParagraphHead{"II.1", 1, "Thứ nhất của phần II."}));
    EXPECT_EQ(welcome.paragraphs[3], (ParagraphHead{"II.1", 2, "Thứ hai của phần II."}));
    // And they survive the wire.
    const auto decoded = proto::decode(proto::encode(welcome));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(std::get<proto::Welcome>(*decoded.message).paragraphs, welcome.paragraphs);
}

}  // namespace
}  // namespace gopy::server::testing
