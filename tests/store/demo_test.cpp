// The demo campaign of Plan 273-KH/QU, including the recorded session of conference 1.
#include <map>
#include <set>

#include "fixture.h"
#include "gopy/text.h"
#include "server/store/draft_table.h"
#include "server/demo/demo.h"

namespace gopy::server::testing {
namespace {

TEST(Demo, CreatesTheCampaignOfPlan273Once) {
    TempDir dir;
    Engine engine(dir.file("gopy.db"));
    ASSERT_TRUE(demo::createDemoCampaign(engine));

    const auto welcome = engine.welcome(organiser());
    const Campaign& campaign = welcome.campaign;
    EXPECT_EQ(campaign.planNumber, "273-KH/QU");
    EXPECT_EQ(campaign.letterhead.parentBody, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI");
    EXPECT_EQ(campaign.letterhead.issuingBody, "QUẬN ỦY BA ĐÌNH");
    EXPECT_EQ(campaign.letterhead.issuingCode, "QU");
    EXPECT_EQ(campaign.letterhead.signerName, "Nguyễn Công Thành");
    EXPECT_EQ(campaign.letterhead.signerRole, "PHÓ BÍ THƯ THƯỜNG TRỰC");
    EXPECT_EQ(campaign.publicFrom, "2025-02-03");
    EXPECT_EQ(campaign.publicTo, "2025-06-15");
    EXPECT_EQ(campaign.synthesisDue, "2025-07-01");
    EXPECT_EQ(campaign.wards.size(), 13u);
    EXPECT_FALSE(campaign.letterhead.recipients.empty());

    ASSERT_EQ(welcome.conferences.size(), 7u);
    for (std::int64_t id = 1; id <= 5; ++id) {
        const auto& conference = welcome.conferences[static_cast<std::size_t>(id - 1)];
        EXPECT_EQ(conference.id, id);
        EXPECT_EQ(conference.channel, Channel::Conference);
        EXPECT_GE(conference.date, "2025-01-01");
        EXPECT_LE(conference.date, "2025-06-30");
        const auto people = engine.store().participants().byConference(id);
        EXPECT_GE(people.size(), 15u) << id;
        EXPECT_LE(people.size(), 40u) << id;
        std::set<std::string> names;
        for (const auto& p : people) {
            EXPECT_FALSE(p.title.empty());
            EXPECT_FALSE(p.group.empty());
            names.insert(p.fullName);
        }
        EXPECT_EQ(names.size(), people.size()) << "a name repeats in conference " << id;
    }
    EXPECT_EQ(welcome.conferences[0].chairBody, "Ban Thường vụ Quận ủy");
    EXPECT_EQ(welcome.conferences[3].chairBody.rfind("Ủy ban MTTQ", 0), 0u);
    EXPECT_EQ(welcome.conferences[5].id, 6);
    EXPECT_EQ(welcome.conferences[5].channel, Channel::Public);
    EXPECT_EQ(welcome.conferences[6].id, 7);
    EXPECT_EQ(welcome.conferences[6].channel, Channel::Grassroots);

    // The outline: three parts in order, sections under them.
    int parts = 0;
    for (const auto& section : welcome.sections) parts += section.level == 1 ? 1 : 0;
    EXPECT_EQ(parts, 3);
    EXPECT_EQ(welcome.sections.front().code, "I");
    EXPECT_GE(welcome.sections.size(), 15u);

    // The session of conference 1, recorded through the engine's operations.
    const auto session = engine.subscribe(organiser(), proto::Subscribe{1, 0});
    ASSERT_TRUE(session.snapshot);
    EXPECT_EQ(session.snapshot->conference.state, ConferenceState::Concluded);
    EXPECT_GE(session.snapshot->comments.size(), 30u);

    // The grassroots channel: ten organisations, three reports sent with their comments.
    const auto board = engine.dashboard(organiser(), "2025-05-20");
    ASSERT_EQ(board.organisations.size(), 10u);
    int sent = 0;
    for (const auto& o : board.organisations) {
        sent += o.reportedAt > 0 ? 1 : 0;
        EXPECT_GE(o.due, "2025-04-01");
        EXPECT_LE(o.due, "2025-06-30");
    }
    EXPECT_EQ(sent, 3);
    const auto grassroots = engine.subscribe(organiser(), proto::Subscribe{7, 0});
    ASSERT_TRUE(grassroots.snapshot);
    EXPECT_EQ(grassroots.snapshot->comments.size(), 5u);
    ASSERT_TRUE(grassroots.snapshot->comments.front().origin);
    EXPECT_EQ(grassroots.snapshot->comments.front().origin->organisationId, 1);

    EXPECT_FALSE(demo::createDemoCampaign(engine));
}

TEST(Demo, HasPublicCommentsAndTheDraftingTeamsFirstAnswers) {
    TempDir dir;
    Engine engine(dir.file("gopy.db"));
    ASSERT_TRUE(demo::createDemoCampaign(engine));

    const auto channel = engine.subscribe(organiser(), proto::Subscribe{6, 0});
    ASSERT_TRUE(channel.snapshot);
    const auto& comments = channel.snapshot->comments;
    EXPECT_EQ(comments.size(), 14u);
    std::set<std::string> wards;
    int outside = 0;
    for (const auto& c : comments) {
        ASSERT_TRUE(c.origin);
        wards.insert(c.origin->ward);
        outside += c.origin->outsideWindow ? 1 : 0;
    }
    EXPECT_GE(wards.size(), 12u);
    EXPECT_EQ(outside, 1);
    EXPECT_TRUE(wards.count("Nguyễn Trung Trực"));

    // Four public comments wait for a section.
    int publicUnassigned = 0;
    for (const auto& c : engine.unassigned()) publicUnassigned += c.conferenceId == 6 ? 1 : 0;
    EXPECT_EQ(publicUnassigned, 4);

    // The old apartment blocks: one confirmed group of three wards, answered in part.
    const auto group = engine.store().groups().get("demo-group-1");
    ASSERT_TRUE(group);
    EXPECT_EQ(group->section, "II.4.b");
    EXPECT_EQ(group->commentIds.size(), 3u);
    EXPECT_EQ(group->acceptance, Acceptance::Partly);
    EXPECT_NE(group->explanation.find("chung cư cũ"), std::string::npos);

    // The car parks are still only a suggestion for a person to confirm.
    bool parking = false;
    for (const auto& s : engine.nearDuplicates()) {
        for (const auto& id : s.commentIds) {
            const auto c = engine.store().comments().get(id);
            parking = parking || (c && c->text.find("bãi đỗ xe") != std::string::npos);
        }
    }
    EXPECT_TRUE(parking);

    const auto answered = engine.store().comments().get("demo-grassroots-2");
    ASSERT_TRUE(answered);
    EXPECT_EQ(answered->acceptance, Acceptance::Accepted);
    EXPECT_FALSE(answered->acceptanceNote.empty());
}

TEST(Demo, DraftNumbersParagraphsAndSomeCommentsPointAtOne) {
    TempDir dir;
    Engine engine(dir.file("gopy.db"));
    ASSERT_TRUE(demo::createDemoCampaign(engine));

    const auto welcome = engine.welcome(organiser());
    std::map<std::string, int> perSection;
    for (const auto& head : welcome.paragraphs) {
        perSection[head.section] += 1;
        EXPECT_EQ(head.number, perSection[head.section]) << head.section;
        EXPECT_FALSE(head.opening.empty());
        EXPECT_EQ(head.opening, text::nfc(head.opening));
        EXPECT_TRUE(engine.store().sections().exists(head.section)) << head.section;
    }
    EXPECT_GE(perSection.size(), 3u);
    EXPECT_LE(perSection.size(), 6u);
    for (const auto& [section, count] : perSection) {
        EXPECT_GE(count, 2) << section;
        EXPECT_LE(count, 5) << section;
    }
    EXPECT_EQ(engine.store().draft().paragraphCount(),
              static_cast<std::int64_t>(welcome.paragraphs.size()));

    // A few comments of the recorded session point at a paragraph their first section has.
    int pointing = 0;
    for (const Comment& c : engine.store().comments().all()) {
        if (c.paragraph == 0) continue;
        ++pointing;
        ASSERT_FALSE(c.sections.empty()) << c.id;
        EXPECT_TRUE(engine.store().draft().has(c.sections.front(), c.paragraph)) << c.id;
        ASSERT_TRUE(c.proposed) << c.id;
        EXPECT_NE(c.proposed->location.find("đoạn " + std::to_string(c.paragraph)),
                  std::string::npos)
            << c.proposed->location;
    }
    EXPECT_GE(pointing, 2);
    EXPECT_LE(pointing, 4);
}

}  // namespace
}  // namespace gopy::server::testing
