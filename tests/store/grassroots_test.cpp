// A grassroots reporter's device is bound to its organisation: admission codes carry it, the
// welcome tells it, and the applier keeps the device to its own organisation's comments and
// report. Also: comment.update keeps what it does not carry.
#include <gtest/gtest.h>

#include <stdexcept>

#include "fixture.h"

namespace gopy::server::testing {
namespace {

class GrassrootsTest : public EngineTest {
protected:
    static constexpr std::int64_t kChannel = 7;

    void SetUp() override {
        EngineTest::SetUp();
        Conference grassroots;
        grassroots.id = kChannel;
        grassroots.title = "Ý kiến của Đại hội các tổ chức cơ sở đảng";
        grassroots.channel = Channel::Grassroots;
        grassroots.chairBody = "Các tổ chức cơ sở đảng trực thuộc Quận ủy";
        engine_->store().conferences().insert(grassroots);
        own_ = engine_->store().grassroots().insert({0, "Đảng bộ phường Phúc Xá", "2025-04-30", 0});
        other_ =
            engine_->store().grassroots().insert({0, "Đảng bộ phường Trúc Bạch", "2025-04-30", 0});
    }

    // A reporter admitted through a real code, as the server would know it after hello.
    Device admittedReporter(std::int64_t organisation) {
        const auto code = engine_->createAdmissionCode(Role::Grassroots, 0, 900, organisation);
        const auto result = engine_->admit(proto::Admit{code, "Máy Chi bộ"}, "10.0.0.5", wallNow());
        EXPECT_TRUE(result.welcome);
        const auto device = engine_->authenticate(result.welcome ? result.welcome->token : "");
        EXPECT_TRUE(device);
        return device.value_or(Device{});
    }

    static Comment grassrootsComment(const std::string& id, const std::string& text,
                                     std::int64_t organisation) {
        Comment c = comment(id, text, {"II.1"}, "");
        c.conferenceId = kChannel;
        c.kind = CommentKind::Other;
        if (organisation >= 0) c.origin = CommentOrigin{"", "", "", "", false, organisation};
        return c;
    }

    proto::Nack refused(const Device& device, std::int64_t seq, std::int64_t conference,
                        proto::Operation op) {
        const auto result =
            engine_->apply(device, request(device, seq, conference, std::move(op)), now_);
        EXPECT_TRUE(result.nack) << "expected a refusal";
        return result.nack.value_or(proto::Nack{});
    }

    std::int64_t own_ = 0;
    std::int64_t other_ = 0;
};

TEST_F(GrassrootsTest, CodeBindsTheOrganisationAndTheGrassrootsChannel) {
    const auto code = engine_->createAdmissionCode(Role::Grassroots, 0, 900, own_);
    const auto result = engine_->admit(proto::Admit{code, "Máy Chi bộ"}, "10.0.0.5", wallNow());
    ASSERT_TRUE(result.welcome) << (result.error ? result.error->message : "");
    EXPECT_EQ(result.welcome->role, Role::Grassroots);
    EXPECT_EQ(result.welcome->organisationId, own_);
    EXPECT_EQ(result.welcome->conferenceId, kChannel);

    const auto device = engine_->authenticate(result.welcome->token);
    ASSERT_TRUE(device);
    EXPECT_EQ(device->organisationId, own_);
    EXPECT_EQ(device->conferenceId, kChannel);
    EXPECT_EQ(engine_->welcome(*device).organisationId, own_);
    EXPECT_EQ(engine_->store().db().scalarInt("SELECT organisation_id FROM devices"), own_);
}

TEST_F(GrassrootsTest, CodesRefuseAMissingUnknownOrMisplacedOrganisation) {
    auto message = [&](Role role, std::int64_t conference, std::int64_t organisation) {
        try {
            engine_->createAdmissionCode(role, conference, 900, organisation);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(message(Role::Grassroots, 0, 0).find("--organisation"), std::string::npos);
    const auto unknown = message(Role::Grassroots, 0, 99);
    EXPECT_NE(unknown.find("Không có tổ chức cơ sở đảng số 99"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("Đảng bộ phường Phúc Xá"), std::string::npos) << unknown;
    EXPECT_NE(message(Role::Grassroots, 1, own_).find("kênh tổ chức cơ sở đảng"),
              std::string::npos);
    EXPECT_NE(message(Role::Secretary, 1, own_).find("grassroots"), std::string::npos);
    EXPECT_EQ(message(Role::Grassroots, kChannel, own_), "accepted");
    EXPECT_EQ(rows("admission_codes"), 1);
}

TEST_F(GrassrootsTest, ReporterWritesForItsOwnOrganisationOnly) {
    const Device reporter = admittedReporter(own_);
    // Left out, the organisation is the device's.
    applyOk(reporter, 1, kChannel,
            proto::CommentCreate{
                grassrootsComment("g-1", "Đề nghị bổ sung số liệu thu ngân sách", -1)});
    ASSERT_TRUE(engine_->store().comments().get("g-1")->origin);
    EXPECT_EQ(engine_->store().comments().get("g-1")->origin->organisationId, own_);
    applyOk(reporter, 2, kChannel,
            proto::CommentCreate{grassrootsComment("g-2", "Nhất trí với bố cục", own_)});

    EXPECT_EQ(refused(reporter, 3, kChannel,
                      proto::CommentCreate{grassrootsComment("g-3", "Thay tổ chức khác", other_)})
                  .code,
              proto::ErrorCode::Forbidden);
    const auto report = refused(reporter, 4, kChannel, proto::GrassrootsReport{other_, 0});
    EXPECT_EQ(report.code, proto::ErrorCode::Forbidden);
    EXPECT_NE(report.message.find("tổ chức mình"), std::string::npos) << report.message;
    // Bound to the grassroots channel: nothing in a conference.
    EXPECT_EQ(refused(reporter, 5, 1, proto::CommentCreate{comment("c-x", "Ở hội nghị")}).code,
              proto::ErrorCode::Forbidden);

    applyOk(reporter, 6, kChannel, proto::GrassrootsReport{own_, 0});
    EXPECT_EQ(engine_->store().grassroots().get(own_)->reportedAt, now_);
    EXPECT_EQ(engine_->store().grassroots().get(other_)->reportedAt, 0);
    EXPECT_FALSE(engine_->store().comments().get("g-3"));
}

TEST_F(GrassrootsTest, ReporterCorrectsAndDeletesOnlyItsOwnOrganisationsComments) {
    const Device reporter = admittedReporter(own_);
    const Device neighbour = admittedReporter(other_);
    applyOk(reporter, 1, kChannel,
            proto::CommentCreate{grassrootsComment("g-own", "Đề nghị bổ sung nhiệm vu", own_)});
    applyOk(neighbour, 1, kChannel,
            proto::CommentCreate{grassrootsComment("g-other", "Ý kiến của Trúc Bạch", other_)});

    applyOk(reporter, 2, kChannel,
            proto::CommentUpdate{"g-own",
                                 1,
                                 "Đề nghị bổ sung nhiệm vụ",
                                 {"II.1"},
                                 CommentKind::Addition,
                                 std::nullopt,
                                 false,
                                 {}});
    const auto fixed = engine_->store().comments().get("g-own");
    EXPECT_EQ(fixed->text, "Đề nghị bổ sung nhiệm vụ");
    ASSERT_TRUE(fixed->origin);
    EXPECT_EQ(fixed->origin->organisationId, own_);

    EXPECT_EQ(
        refused(reporter, 3, kChannel,
                proto::CommentUpdate{
                    "g-other", 1, "Sửa hộ", {"II.1"}, CommentKind::Other, std::nullopt, false, {}})
            .code,
        proto::ErrorCode::Forbidden);
    EXPECT_EQ(refused(reporter, 4, kChannel, proto::CommentDelete{"g-other"}).code,
              proto::ErrorCode::Forbidden);
    EXPECT_EQ(engine_->store().comments().get("g-other")->text, "Ý kiến của Trúc Bạch");

    applyOk(reporter, 5, kChannel, proto::CommentDelete{"g-own"});
    EXPECT_FALSE(engine_->store().comments().get("g-own"));
    EXPECT_TRUE(engine_->store().comments().get("g-other"));
}

TEST_F(GrassrootsTest, UnboundReporterIsRefused) {
    // A device admitted before codes carried an organisation speaks for no one.
    const Device unbound{"d-old-grassroots", "Máy cũ", Role::Grassroots, kChannel, 0};
    const auto nack = refused(unbound, 1, kChannel, proto::GrassrootsReport{own_, 0});
    EXPECT_EQ(nack.code, proto::ErrorCode::Forbidden);
    EXPECT_NE(nack.message.find("mã kết nạp mới"), std::string::npos) << nack.message;
}

TEST_F(GrassrootsTest, UpdateKeepsWhatItDoesNotCarry) {
    Comment c = grassrootsComment("g-keep", "Đề nghị làm rõ lộ trình", own_);
    c.paragraph = 3;
    c.origin->submittedAt = "2025-04-28";
    applyOk(organiser(), 1, kChannel, proto::CommentCreate{c});
    applyOk(chair(), 1, kChannel, proto::CommentFlag{"g-keep", true});
    const Device team{"d-drafting", "Tổ biên tập", Role::Drafting, 0};
    applyOk(team, 1, kChannel,
            proto::AcceptanceSet{"", "g-keep", Acceptance::Partly, "Tiếp thu một phần"});

    // Same first section: everything the update does not carry survives, in the store and in
    // the event.
    const auto result =
        engine_->apply(organiser(),
                       request(organiser(), 2, kChannel,
                               proto::CommentUpdate{"g-keep",
                                                    1,
                                                    "Đề nghị làm rõ lộ trình cải tạo chung cư",
                                                    {"II.1", "I.1"},
                                                    CommentKind::Recommendation,
                                                    ProposedWording{"lộ trình cải tạo", "đoạn 3"},
                                                    true,
                                                    {}}),
                       now_ + 1000);
    ASSERT_TRUE(result.ack && result.event && result.event->comment);
    for (const Comment& after :
         {*engine_->store().comments().get("g-keep"), *result.event->comment}) {
        EXPECT_EQ(after.text, "Đề nghị làm rõ lộ trình cải tạo chung cư");
        EXPECT_EQ(after.kind, CommentKind::Recommendation);
        EXPECT_EQ(after.rev, 2);
        EXPECT_TRUE(after.written);
        EXPECT_EQ(after.origin, c.origin);
        EXPECT_EQ(after.paragraph, 3);
        EXPECT_TRUE(after.flagged);
        EXPECT_EQ(after.acceptance, Acceptance::Partly);
        EXPECT_EQ(after.acceptanceNote, "Tiếp thu một phần");
        EXPECT_EQ(after.createdAt, now_);
        EXPECT_EQ(after.updatedAt, now_ + 1000);
    }
    // A conference comment keeps its speaker and turn too.
    applyOk(organiser(), 3, 1, proto::CommentCreate{comment("c-speaker", "Ý kiến tại hội nghị")});
    applyOk(
        organiser(), 4, 1,
        proto::CommentUpdate{
            "c-speaker", 1, "Ý kiến đã sửa", {"I.1"}, CommentKind::Other, std::nullopt, false, {}});
    EXPECT_EQ(engine_->store().comments().get("c-speaker")->participantId, "p1");

    // Another first section: the paragraph numbered a paragraph of the old one, so it goes.
    applyOk(organiser(), 5, kChannel,
            proto::CommentUpdate{"g-keep",
                                 2,
                                 "Đề nghị làm rõ lộ trình",
                                 {"I.2"},
                                 CommentKind::Other,
                                 std::nullopt,
                                 false,
                                 {}});
    const auto moved = engine_->store().comments().get("g-keep");
    EXPECT_EQ(moved->paragraph, 0);
    EXPECT_EQ(moved->origin, c.origin);
    EXPECT_TRUE(moved->flagged);
    EXPECT_EQ(moved->acceptance, Acceptance::Partly);
}

TEST_F(GrassrootsTest, ImportAddsRowsOnceAndMarksReports) {
    engine_->store().grassroots().setReported(other_, 42);
    const auto row = [](std::int64_t organisation, const std::string& key,
                        const std::string& text) {
        intake::GrassrootsRow r;
        r.line = 2;
        r.organisationId = organisation;
        r.section = "II.1";
        r.kind = CommentKind::Addition;
        r.text = text;
        r.dedupeKey = key + std::string(60, '0');
        return r;
    };
    const std::vector<intake::GrassrootsRow> rows = {
        row(own_, "a1", "Đề nghị bổ sung chỉ tiêu cải tạo chung cư cũ"),
        row(own_, "b2", "Nhất trí với phương hướng"), row(other_, "c3", "Đề nghị nêu rõ lộ trình")};
    const auto first = engine_->importGrassroots(rows, 2, now_);
    EXPECT_EQ(first.summary, (intake::ImportSummary{3, 0, 2}));
    ASSERT_EQ(first.reported.size(), 1u);
    EXPECT_EQ(first.reported[0].id, own_);
    EXPECT_EQ(engine_->store().grassroots().get(own_)->reportedAt, now_);
    EXPECT_EQ(engine_->store().grassroots().get(other_)->reportedAt, 42);  // reported earlier

    const auto again = engine_->importGrassroots(rows, 0, now_ + 1);
    EXPECT_EQ(again.summary, (intake::ImportSummary{0, 3, 0}));
    EXPECT_TRUE(again.reported.empty());
    const auto stored = engine_->store().comments().byConference(kChannel);
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[0].sections, std::vector<std::string>{"II.1"});
    EXPECT_EQ(stored[0].kind, CommentKind::Addition);
    ASSERT_TRUE(stored[2].origin);
    EXPECT_EQ(stored[2].origin->organisationId, other_);

    // The reporter of the organisation may correct an imported comment of its own.
    const Device reporter = admittedReporter(own_);
    applyOk(reporter, 1, kChannel,
            proto::CommentUpdate{stored[1].id,
                                 1,
                                 "Nhất trí với phương hướng, nhiệm vụ",
                                 {"II.1"},
                                 CommentKind::Agreement,
                                 std::nullopt,
                                 false,
                                 {}});
    EXPECT_EQ(refused(reporter, 2, kChannel, proto::CommentDelete{stored[2].id}).code,
              proto::ErrorCode::Forbidden);
}

}  // namespace
}  // namespace gopy::server::testing
