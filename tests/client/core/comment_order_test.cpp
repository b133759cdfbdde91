// The recorded comments' order (issue 11, item 10): the secretary's "Đã ghi" list and the
// chair's list read as the report does, section by section in the draft's order (whole-draft
// comments first) and, within a section, in the order the comments were recorded — whatever
// order the rows arrived in (a snapshot, live events, the device's own unsent comments).
#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

#include "client/core/comment_model.h"
#include "client/core/conference_data.h"
#include "client/core/view_rows.h"

using namespace gopy;
using namespace gopy::client;

namespace {

Outline outline()
{
    return Outline({
        Section{"I", "", 1, 1, "Phần I", "Đánh giá tình hình thực hiện Nghị quyết"},
        Section{"I.1", "I", 2, 2, "1.", "Phát triển kinh tế"},
        Section{"II", "", 1, 3, "Phần II", "Phương hướng, nhiệm vụ 2025–2030"},
    });
}

Comment recorded(const std::string& id, std::vector<std::string> sections, Millis at)
{
    Comment c;
    c.id = id;
    c.conferenceId = 2;
    c.participantId = "p1";
    c.sections = std::move(sections);
    c.text = "Ý kiến " + id;
    c.rev = 1;
    c.createdAt = at;
    c.updatedAt = at;
    return c;
}

std::vector<std::string> ids(const CommentModel& model)
{
    std::vector<std::string> result;
    for (int i = 0; i < model.rowCount(); ++i)
        result.push_back(model.data(model.index(i), CommentModel::CommentIdRole).toString().toStdString());
    return result;
}

}  // namespace

TEST(CommentOrderTest, CreationOrderWithinEachSectionWhateverTheArrivalOrder)
{
    proto::Snapshot snapshot;
    snapshot.head = 7;
    snapshot.conference.id = 2;
    Participant speaker;
    speaker.id = "p1";
    speaker.conferenceId = 2;
    speaker.fullName = "Nguyễn Thị Cúc";
    snapshot.participants = {speaker};
    // Arrived out of order: the later I.1 comment first, a whole-draft comment in between.
    snapshot.comments = {recorded("late", {"I.1"}, 3000), recorded("general", {}, 2500),
                         recorded("early", {"I.1"}, 1000), recorded("second", {"II"}, 1500),
                         recorded("first", {"II"}, 1200)};
    ConferenceData data = ConferenceData::fromSnapshot(snapshot);
    CommentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setComments(commentRows(data, outline(), {}));
    EXPECT_EQ(ids(model), (std::vector<std::string>{"general", "early", "late", "first", "second"}));

    // A new comment of I.1 goes last in I.1, not where it happens to be appended.
    data.applyLocal(proto::CommentCreate{recorded("newest", {"I.1"}, 4000)}, 4000);
    model.setComments(commentRows(data, outline(), {}));
    EXPECT_EQ(ids(model), (std::vector<std::string>{"general", "early", "late", "newest", "first", "second"}));

    // One recorded in the same millisecond as another: the id settles it, the same on every device.
    data.applyLocal(proto::CommentCreate{recorded("a-same", {"II"}, 1500)}, 1500);
    model.setComments(commentRows(data, outline(), {}));
    EXPECT_EQ(ids(model),
              (std::vector<std::string>{"general", "early", "late", "newest", "first", "a-same", "second"}));
}
