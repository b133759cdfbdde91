// The demo's public channel and the drafting team's first answers: public comments from the
// ward pages imported through the same parser and engine path as `gopy-server import-public`,
// then a group of near-duplicates confirmed and answered, and answers to a few single comments.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "server/demo/demo.h"
#include "server/intake/public_import.h"
#include "server/sync/engine.h"

namespace gopy::server::demo {
namespace {

// What the ward pages and the district portal collected (fictional people, no contacts).
// Some rows name no section (the drafting team assigns them), two topics are said several
// times (near-duplicates), one was sent after the public window closed.
constexpr std::string_view kPublicCsv =
    "submitted_at,ward,name,contact,section,text\r\n"
    "2025-02-10,Phúc Xá,Trần Thị Hoa,,II.4.b,\"Đề nghị đẩy nhanh tiến độ cải tạo, xây dựng lại "
    "các khu chung cư cũ xuống cấp, bảo đảm an toàn cho người dân.\"\r\n"
    "2025-02-14,Ngọc Khánh,Lê Văn Bình,,II.4.b,\"Đề nghị đẩy nhanh tiến độ cải tạo, xây dựng lại "
    "các khu chung cư cũ đã xuống cấp, bảo đảm an toàn cho người dân.\"\r\n"
    "2025-03-02,Giảng Võ,,,II.4.b,\"Đề nghị đẩy nhanh tiến độ cải tạo, xây dựng lại các khu "
    "chung cư cũ xuống cấp, bảo đảm an toàn cho người dân trong khu.\"\r\n"
    "2025-03-05,Kim Mã,Phạm Minh Tuấn,,II.4.b,\"Đề nghị quy hoạch thêm bãi đỗ xe công cộng tại "
    "các phường đông dân cư, giảm tình trạng đỗ xe dưới lòng đường.\"\r\n"
    "2025-03-18,Đội Cấn,Nguyễn Thị Lan,,II.4.b,\"Đề nghị quy hoạch thêm bãi đỗ xe công cộng tại "
    "các phường đông dân cư, giảm tình trạng đỗ xe trên vỉa hè và lòng đường.\"\r\n"
    "2025-03-20,Quán Thánh,Vũ Đức Thắng,,II.5,\"Đề nghị bổ sung giải pháp xây thêm trường mầm "
    "non công lập, giảm sĩ số học sinh mỗi lớp.\"\r\n"
    "2025-04-02,Trúc Bạch,Đỗ Thị Mai,,II.4.a,\"Đề nghị phát triển tuyến phố đi bộ quanh hồ Trúc "
    "Bạch gắn với bảo tồn cảnh quan, phục vụ du lịch.\"\r\n"
    "2025-04-09,Liễu Giai,Hoàng Văn Nam,,,\"Dự thảo viết còn dài, nên rút gọn phần đánh giá, tập "
    "trung vào những việc cụ thể người dân quan tâm.\"\r\n"
    "2025-04-15,Điện Biên,Bùi Thị Thu,,,\"Đề nghị quan tâm hơn đến người cao tuổi sống một mình, "
    "có điểm sinh hoạt cộng đồng ở mỗi tổ dân phố.\"\r\n"
    "2025-04-22,Ngọc Hà,,,,\"Đề nghị giải quyết dứt điểm tình trạng ngập úng cục bộ khi mưa lớn ở "
    "các ngõ nhỏ.\"\r\n"
    "2025-05-06,Cống Vị,Đặng Quốc Huy,,,\"Cần đẩy mạnh thủ tục hành chính trực tuyến, giảm giấy "
    "tờ cho người dân khi làm thủ tục nhà đất.\"\r\n"
    "2025-05-12,Vĩnh Phúc,Ngô Thị Hằng,,II.6,\"Đề nghị tăng cường tuần tra, bảo đảm an ninh trật "
    "tự tại các khu vực giáp ranh.\"\r\n"
    "2025-05-27,Nguyễn Trung Trực,Lý Văn Đức,,II.4.c,\"Đề nghị lắp thêm camera giám sát giao "
    "thông và an ninh, kết nối với trung tâm điều hành đô thị thông minh.\"\r\n"
    "2025-06-20,Ngọc Khánh,Tạ Thị Nga,,II.5,\"Đề nghị có thêm sân chơi cho trẻ em trong các khu "
    "dân cư.\"\r\n";

std::vector<std::string> codesOf(const std::vector<Section>& sections) {
    std::vector<std::string> codes;
    for (const Section& s : sections) codes.push_back(s.code);
    return codes;
}

}  // namespace

void seedPublicComments(Engine& engine) {
    const auto campaign = engine.campaign();
    if (!campaign) throw std::runtime_error("Chưa có chiến dịch để nhập ý kiến Nhân dân");
    intake::PublicImportOptions options;
    options.wards = campaign->wards;
    options.sectionCodes = codesOf(engine.sections());
    options.publicFrom = campaign->publicFrom;
    options.publicTo = campaign->publicTo;
    const auto parsed = intake::parsePublicCsv(kPublicCsv, options);
    if (!parsed.errors.empty()) {
        // The sample is part of the program: a refused row is a defect in this file.
        throw std::runtime_error("Dữ liệu mẫu ý kiến Nhân dân bị từ chối: " +
                                 parsed.errors.front().reason);
    }
    const Millis importedAt = 1'750'464'000'000;  // 2025-06-21 00:00 UTC
    engine.importPublic(parsed.rows, 0, importedAt);
}

void seedDraftingWork(Engine& engine) {
    const Device team{"d-demo-drafting", "Tổ biên tập", Role::Organiser, 0};
    const Millis at = 1'750'550'400'000;  // 2025-06-22 00:00 UTC
    std::int64_t seq = 0;
    const auto apply = [&](std::int64_t conferenceId, proto::Operation op) {
        const auto result =
            engine.apply(team, proto::OpRequest{team.id, ++seq, conferenceId, std::move(op)}, at);
        if (!result.ack) {
            throw std::runtime_error("Dữ liệu mẫu của tổ biên tập bị từ chối: " +
                                     (result.nack ? result.nack->message : std::string()));
        }
    };
    // The first suggestion is the old apartment blocks (three wards said it); the team
    // confirms it and answers it. The car parks stay a suggestion for the view to show.
    const auto suggestions = engine.nearDuplicates();
    const auto apartments = std::find_if(suggestions.begin(), suggestions.end(), [&](const auto& g) {
        const auto member = engine.comment(g.commentIds.front());
        return g.section == "II.4.b" && member &&
               member->text.find("chung cư cũ") != std::string::npos;
    });
    if (apartments == suggestions.end()) {
        throw std::runtime_error("Dữ liệu mẫu thiếu nhóm ý kiến về chung cư cũ");
    }
    const auto& first = *apartments;
    const std::int64_t publicConference = engine.comment(first.commentIds.front())->conferenceId;
    apply(publicConference, proto::GroupSet{"demo-group-1", first.section, first.commentIds});
    apply(publicConference,
          proto::AcceptanceSet{"demo-group-1", "", Acceptance::Partly,
                               "Tiếp thu: bổ sung nhiệm vụ cải tạo chung cư cũ vào mục II.4.b. "
                               "Lộ trình cụ thể thuộc kế hoạch của UBND quận, không đưa vào "
                               "Báo cáo chính trị."});
    // Answers to single comments of the grassroots channel (seeded by seedGrassrootsReports).
    apply(7, proto::AcceptanceSet{"", "demo-grassroots-2", Acceptance::Accepted,
                                  "Đã bổ sung vào nhiệm vụ chỉnh trang đô thị, mục II.3."});
    apply(7, proto::AcceptanceSet{"", "demo-grassroots-1", Acceptance::NotAccepted,
                                  "Số liệu thu ngân sách theo từng phường thuộc báo cáo của UBND "
                                  "quận, không đưa vào Báo cáo chính trị."});
}

}  // namespace gopy::server::demo
