// The office's campaign file (TOML): every field read, faults named by their line, and the
// file written back (campaign show) reads to the same campaign.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "server/intake/campaign_file.h"

namespace gopy::test {
namespace {

std::string fileText(const std::string& name) {
    std::ifstream in(std::string(GOPY_TEST_DATA_DIR) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string refusal(const std::string& toml) {
    try {
        intake::parseCampaignToml(toml, "x.toml");
    } catch (const intake::CampaignFileError& error) {
        return error.what();
    }
    return "(accepted)";
}

constexpr const char* kMinimal = R"([campaign]
title = "T"
draft_title = "D"
plan_number = "1-KH/QU"
[letterhead]
parent_body = "P"
issuing_body = "I"
issuing_code = "QU"
place = "Tây Hồ"
signer_on_behalf = "T/M"
signer_role = "BÍ THƯ"
signer_name = "N"
[plan]
conferences_from = 2025-03-01
conferences_to = 2025-05-31
synthesis_due = 2025-06-20
[[conference]]
id = 1
title = "Hội nghị 1"
chair_body = "Ban Thường vụ"
)";

TEST(CampaignFile, ReadsEveryFieldOfAnOfficesFile) {
    const auto file = intake::parseCampaignToml(fileText("campaign/tay_ho.toml"), "tay_ho.toml");
    EXPECT_EQ(file.campaign.letterhead.issuingBody, "QUẬN ỦY TÂY HỒ");
    EXPECT_EQ(file.campaign.letterhead.placeName, "Tây Hồ");
    EXPECT_EQ(file.campaign.letterhead.signerName, "Lê Thị Thu Hằng");
    EXPECT_EQ(file.campaign.letterhead.recipients.size(), 2u);
    EXPECT_EQ(file.campaign.planNumber, "125-KH/QU");
    EXPECT_EQ(file.campaign.synthesisDue, "2025-06-20");
    EXPECT_EQ(file.campaign.publicFrom, "2025-03-01");
    EXPECT_EQ(file.campaign.wards.size(), 8u);
    ASSERT_EQ(file.conferences.size(), 4u);
    const Conference& first = file.conferences[0];
    EXPECT_EQ(first.date, "2025-03-20");
    EXPECT_EQ(first.time, "14:00");
    EXPECT_EQ(first.place, "Hội trường Quận ủy Tây Hồ, số 657 Lạc Long Quân");
    EXPECT_EQ(first.chairPerson, "Lê Thị Thu Hằng");
    EXPECT_EQ(first.invitedCount, 40);
    EXPECT_EQ(file.conferences[1].date, "2025-04-10");  // a date written as a string
    EXPECT_EQ(file.conferences[1].time, "08:30");
    EXPECT_FALSE(file.conferences[1].invitedCount);
    EXPECT_EQ(file.conferences[2].channel, Channel::Public);
    EXPECT_EQ(file.conferences[2].id, 10);
    EXPECT_EQ(file.conferences[3].channel, Channel::Grassroots);
    ASSERT_EQ(file.organisations.size(), 2u);
    EXPECT_EQ(file.organisations[0].due, "2025-05-15");  // the plan's grassroots due date
    EXPECT_EQ(file.organisations[1].due, "2025-04-30");
}

TEST(CampaignFile, WrittenBackReadsTheSame) {
    const auto file = intake::parseCampaignToml(fileText("campaign/tay_ho.toml"), "tay_ho.toml");
    const std::string again = intake::campaignToToml(file);
    EXPECT_EQ(intake::parseCampaignToml(again, "show.toml"), file) << again;
    // Quotes, backslashes and control characters (a tab pasted from a spreadsheet) come back.
    auto odd = file;
    odd.campaign.title = "Tiêu đề \"có\" \\ dấu\tvà\x01 ký tự điều khiển";
    odd.campaign.letterhead.recipients.push_back("- Nơi\nnhận");
    EXPECT_EQ(intake::parseCampaignToml(intake::campaignToToml(odd), "show.toml"), odd);
    const auto demo = intake::parseCampaignToml(fileText("../../assets/campaign-demo.toml"), "demo.toml");
    EXPECT_EQ(intake::parseCampaignToml(intake::campaignToToml(demo), "show.toml"), demo);
}

TEST(CampaignFile, FaultsNameTheirLine) {
    EXPECT_EQ(refusal(kMinimal), "(accepted)");
    std::string text = kMinimal;
    EXPECT_EQ(refusal(text + "invited = -3\n"),
              "x.toml, dòng 21: \"invited\" phải là số nguyên từ 0 đến 100000");
    EXPECT_EQ(refusal(text + "venu = \"Hội trường\"\n"),
              "x.toml, dòng 21: khóa không hợp lệ \"venu\" trong [[conference]] (các khóa: id, title, "
              "chair_body, audience, date, time, venue, chair, invited)");
    EXPECT_EQ(refusal(text + "date = \"12/03/2025\"\n"),
              "x.toml, dòng 21: \"date\" phải là ngày dạng 2025-03-12");
    EXPECT_EQ(refusal(text + "[[conference]]\nid = 1\ntitle = \"B\"\nchair_body = \"C\"\n"),
              "x.toml, dòng 22: mã số 1 đã dùng cho một hội nghị hoặc kênh khác");
    std::string noSigner = text;
    noSigner.replace(noSigner.find("signer_name = \"N\"\n"), 18, "");
    EXPECT_NE(refusal(noSigner).find("thiếu \"signer_name\" trong [letterhead]"), std::string::npos)
        << refusal(noSigner);
    EXPECT_NE(refusal("[campaign\ntitle = 1").find("x.toml, dòng 1: không đọc được TOML"), std::string::npos);
    std::string backwards = text;
    backwards.replace(backwards.find("conferences_to = 2025-05-31"), 27, "conferences_to = 2025-01-31");
    EXPECT_NE(refusal(backwards).find("ngày kết thúc 2025-01-31 trước ngày bắt đầu 2025-03-01"),
              std::string::npos);
}

TEST(CampaignFile, TextIsStoredComposed) {
    std::string text = kMinimal;
    // "Tây Hồ" typed with combining marks.
    text.replace(text.find("place = \"Tây Hồ\""), std::string("place = \"Tây Hồ\"").size(),
                 "place = \"Ta\xcc\x82y Ho\xcc\x82\xcc\x80\"");
    EXPECT_EQ(intake::parseCampaignToml(text, "x.toml").campaign.letterhead.placeName, "Tây Hồ");
}

}  // namespace
}  // namespace gopy::test
