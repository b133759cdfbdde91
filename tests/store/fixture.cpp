#include "fixture.h"

#include <chrono>
#include <random>

namespace gopy::server::testing {

TempDir::TempDir() {
    std::random_device random;
    const auto base = std::filesystem::temp_directory_path();
    for (;;) {
        auto candidate = base / ("gopy-store-test-" + std::to_string(random()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

Millis wallNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void seedSmallCampaign(Store& store) {
    store::Transaction transaction(store.db());
    Campaign campaign;
    campaign.title = "Lấy ý kiến góp ý Dự thảo";
    campaign.draftTitle = "Dự thảo Báo cáo chính trị";
    campaign.planNumber = "273-KH/QU";
    campaign.letterhead.issuingBody = "QUẬN ỦY BA ĐÌNH";
    campaign.letterhead.recipients = {"- Thường trực TU,", "- Lưu VPQU."};
    campaign.wards = {"Phúc Xá", "Trúc Bạch"};
    store.campaign().put(campaign);
    store.sections().insert({"I", "", 1, 1, "Phần I", "Đánh giá"});
    store.sections().insert({"I.1", "I", 2, 2, "1.", "Xây dựng Đảng"});
    store.sections().insert({"I.2", "I", 2, 3, "2.", "Kinh tế"});
    store.sections().insert({"II", "", 1, 4, "Phần II", "Phương hướng"});
    store.sections().insert({"II.1", "II", 2, 5, "1.", "Dự báo tình hình"});
    Conference first;
    first.id = 1;
    first.title = "Hội nghị thứ nhất";
    first.chairBody = "Ban Thường vụ Quận ủy";
    first.audience = "Các ban Đảng";
    first.date = "2025-03-12";
    store.conferences().insert(first);
    Conference second = first;
    second.id = 2;
    second.title = "Hội nghị thứ hai";
    store.conferences().insert(second);
    store.participants().insert({"p1", 1, "Nguyễn Văn An", "Phó Trưởng ban", "Ban Tổ chức", "A"});
    store.participants().insert({"p2", 1, "Trần Thị Bình", "Chuyên viên", "Sở Y tế", "B"});
    store.participants().insert({"p3", 2, "Lê Văn Cường", "Giám đốc", "Công ty", "C"});
    // Body paragraphs, through the path a draft import takes: I.1 has 3, II.1 has 4.
    std::vector<store::ParagraphRow> paragraphs;
    for (int n = 1; n <= 3; ++n) {
        paragraphs.push_back({"I.1", n, "Đoạn " + std::to_string(n) + " về xây dựng Đảng."});
    }
    for (int n = 1; n <= 4; ++n) {
        paragraphs.push_back({"II.1", n, "Đoạn " + std::to_string(n) + " về dự báo tình hình."});
    }
    store.draft().replace(store.sections().all(), paragraphs);
    transaction.commit();
}

Device organiser() { return Device{"org", "Bàn điều hành", Role::Organiser, 0}; }
Device secretary(const std::string& id, std::int64_t conference) {
    return Device{id, "Thư ký " + id, Role::Secretary, conference};
}
Device chair(const std::string& id, std::int64_t conference) {
    return Device{id, "Chủ trì", Role::Chair, conference};
}
Device delegate(const std::string& id, std::int64_t conference) {
    return Device{id, "Đại biểu", Role::Delegate, conference};
}

proto::OpRequest request(const Device& device, std::int64_t clientSeq, std::int64_t conference,
                         proto::Operation op) {
    proto::OpRequest r;
    r.clientId = device.id;
    r.clientSeq = clientSeq;
    r.conferenceId = conference;
    r.op = std::move(op);
    return r;
}

Comment comment(const std::string& id, const std::string& text, std::vector<std::string> sections,
                const std::string& participant) {
    Comment c;
    c.id = id;
    c.conferenceId = 1;
    c.participantId = participant;
    c.sections = std::move(sections);
    c.kind = CommentKind::Addition;
    c.text = text;
    return c;
}

void EngineTest::SetUp() {
    dbPath_ = dir_.file("gopy.db");
    engine_ = std::make_unique<Engine>(dbPath_);
    seedSmallCampaign(engine_->store());
}

void EngineTest::reopen() {
    engine_.reset();
    engine_ = std::make_unique<Engine>(dbPath_);
}

std::int64_t EngineTest::applyOk(const Device& device, std::int64_t clientSeq,
                                 std::int64_t conference, proto::Operation op) {
    const auto result = engine_->apply(device, request(device, clientSeq, conference, std::move(op)),
                                       now_);
    EXPECT_TRUE(result.ack) << (result.nack ? result.nack->message : std::string("no answer"));
    if (!result.ack) return 0;
    EXPECT_FALSE(result.ack->duplicate);
    EXPECT_TRUE(result.event);
    return result.ack->serverSeq;
}

std::int64_t EngineTest::rows(const std::string& table) {
    return engine_->store().db().scalarInt("SELECT count(*) FROM " + table);
}

}  // namespace gopy::server::testing
