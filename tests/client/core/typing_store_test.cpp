// The unsaved_drafts table on a real SQLite file: a draft per conference, every field back as
// written (Vietnamese text, several sections, an edit's comment and base revision), replaced
// by the newer one, readable by a second connection (as after a crash), dropped on clear.
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "client/core/local_database.h"
#include "client/core/typing_store.h"

using namespace gopy;
using namespace gopy::client;

namespace {

UnsavedDraft draft(std::int64_t conferenceId, const std::string& text)
{
    UnsavedDraft d;
    d.conferenceId = conferenceId;
    d.participantId = "p1";
    d.turnId = "t1";
    d.speakerName = "Nguyễn Thị Cúc";
    d.text = text;
    d.sections = {"I.1", "II.3.a"};
    d.kind = "amendment";
    d.proposedWording = "“chuyển đổi số toàn diện”";
    d.proposedLocation = "Phần I, mục 1, đoạn 2";
    d.written = true;
    d.paragraph = 2;
    d.savedAt = 1700000000000;
    return d;
}

}  // namespace

TEST(TypingStoreTest, KeepsOneDraftPerConferenceWithEveryField)
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("client.db").toStdString();
    LocalDatabase db(path);
    TypingStore store(db);
    EXPECT_FALSE(store.load(2).has_value());

    store.save(draft(2, "Đồng chí đề nghị"));
    store.save(draft(2, "Đồng chí đề nghị làm rõ"));
    UnsavedDraft edit = draft(3, "Sửa dở");
    edit.commentId = "c-7";
    edit.baseRev = 4;
    edit.sections.clear();
    edit.written = false;
    store.save(edit);

    // A second connection, as the restarted app after a crash.
    LocalDatabase again(path);
    TypingStore reread(again);
    ASSERT_TRUE(reread.load(2).has_value());
    EXPECT_EQ(*reread.load(2), draft(2, "Đồng chí đề nghị làm rõ")) << "the newer text replaced the older";
    ASSERT_TRUE(reread.load(3).has_value());
    EXPECT_EQ(*reread.load(3), edit);
    EXPECT_TRUE(reread.load(3)->sections.empty());

    reread.clear(2);
    EXPECT_FALSE(store.load(2).has_value());
    EXPECT_TRUE(store.load(3).has_value()) << "another conference's draft stays";
}
