// Stable enum names and Vietnamese labels of the model.
#include "gopy/model.h"

#include <gtest/gtest.h>

#include "gopy/protocol.h"

namespace gopy {
namespace {

template <typename E, typename Parse>
void expectNames(std::initializer_list<std::pair<E, std::string_view>> names, Parse parse) {
    for (const auto& [value, name] : names) {
        EXPECT_EQ(toString(value), name);
        ASSERT_TRUE(parse(name).has_value()) << name;
        EXPECT_EQ(*parse(name), value) << name;
    }
}

TEST(ModelNames, ChannelNamesAreStable) {
    expectNames<Channel>({{Channel::Conference, "conference"},
                          {Channel::Public, "public"},
                          {Channel::Grassroots, "grassroots"}},
                         channelFromString);
}

TEST(ModelNames, ConferenceStateNamesAreStable) {
    expectNames<ConferenceState>({{ConferenceState::Planned, "planned"},
                                  {ConferenceState::InSession, "in_session"},
                                  {ConferenceState::Concluded, "concluded"}},
                                 conferenceStateFromString);
}

TEST(ModelNames, TurnStateNamesAreStable) {
    expectNames<TurnState>({{TurnState::Waiting, "waiting"},
                            {TurnState::Speaking, "speaking"},
                            {TurnState::Done, "done"}},
                           turnStateFromString);
}

TEST(ModelNames, CommentKindNamesAreStable) {
    expectNames<CommentKind>({{CommentKind::Agreement, "agreement"},
                              {CommentKind::Addition, "addition"},
                              {CommentKind::Amendment, "amendment"},
                              {CommentKind::Deletion, "deletion"},
                              {CommentKind::Recommendation, "recommendation"},
                              {CommentKind::Other, "other"}},
                             commentKindFromString);
}

TEST(ModelNames, RoleNamesAreStable) {
    expectNames<Role>({{Role::Organiser, "organiser"},
                       {Role::Secretary, "secretary"},
                       {Role::Chair, "chair"},
                       {Role::Delegate, "delegate"},
                       {Role::Grassroots, "grassroots"},
                       {Role::Drafting, "drafting"}},
                      roleFromString);
}

TEST(ModelNames, AcceptanceNamesAndLabelsAreStable) {
    expectNames<Acceptance>({{Acceptance::Pending, "pending"},
                             {Acceptance::Accepted, "accepted"},
                             {Acceptance::Partly, "partly"},
                             {Acceptance::NotAccepted, "not_accepted"}},
                            acceptanceFromString);
    EXPECT_EQ(labelVi(Acceptance::Accepted), "tiếp thu");
    EXPECT_EQ(labelVi(Acceptance::Partly), "tiếp thu một phần");
    EXPECT_EQ(labelVi(Acceptance::NotAccepted), "không tiếp thu");
}

TEST(ModelNames, DeadlineStatusNamesAreStable) {
    expectNames<DeadlineStatus>({{DeadlineStatus::Done, "done"},
                                 {DeadlineStatus::Due, "due"},
                                 {DeadlineStatus::Late, "late"}},
                                deadlineStatusFromString);
}

TEST(ModelNames, UnknownNamesAreRejected) {
    EXPECT_FALSE(channelFromString("Conference"));
    EXPECT_FALSE(conferenceStateFromString("in-session"));
    EXPECT_FALSE(turnStateFromString(""));
    EXPECT_FALSE(commentKindFromString("agreement "));
    EXPECT_FALSE(roleFromString("admin"));
}

TEST(ModelNames, VietnameseLabels) {
    EXPECT_EQ(labelVi(CommentKind::Agreement), "nhất trí");
    EXPECT_EQ(labelVi(CommentKind::Addition), "bổ sung");
    EXPECT_EQ(labelVi(CommentKind::Amendment), "sửa đổi");
    EXPECT_EQ(labelVi(CommentKind::Deletion), "đề nghị bỏ");
    EXPECT_EQ(labelVi(CommentKind::Recommendation), "kiến nghị, đề xuất");
    EXPECT_EQ(labelVi(CommentKind::Other), "ý kiến khác");
}

TEST(ProtocolNames, MessageTypesAndErrorCodes) {
    using namespace proto;
    const std::pair<MessageType, std::string_view> types[] = {
        {MessageType::Admit, "admit"},
        {MessageType::Hello, "hello"},
        {MessageType::Welcome, "welcome"},
        {MessageType::Subscribe, "subscribe"},
        {MessageType::Snapshot, "snapshot"},
        {MessageType::Events, "events"},
        {MessageType::Op, "op"},
        {MessageType::Ack, "ack"},
        {MessageType::Nack, "nack"},
        {MessageType::Typing, "typing"},
        {MessageType::Error, "error"},
    };
    for (const auto& [type, name] : types) {
        EXPECT_EQ(toString(type), name);
        EXPECT_EQ(messageTypeFromString(name), type);
    }
    EXPECT_FALSE(messageTypeFromString("Admit"));
    for (int i = 0; i <= static_cast<int>(ErrorCode::Internal); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        EXPECT_FALSE(toString(code).empty()) << i;
        EXPECT_EQ(errorCodeFromString(toString(code)), code) << i;
    }
    EXPECT_EQ(toString(ErrorCode::StorageFull), "storage_full");
    EXPECT_EQ(toString(ErrorCode::Gap), "gap");
}

TEST(ProtocolNames, TypeOfFollowsTheRegistry) {
    using namespace proto;
    EXPECT_EQ(typeOf(Message{Admit{}}), MessageType::Admit);
    EXPECT_EQ(typeOf(Message{Welcome{}}), MessageType::Welcome);
    EXPECT_EQ(typeOf(Message{OpRequest{}}), MessageType::Op);
    EXPECT_EQ(typeOf(Message{Error{}}), MessageType::Error);
}

}  // namespace
}  // namespace gopy
