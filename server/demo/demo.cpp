// The demo campaign of Plan 273-KH/QU: the campaign file (assets/campaign-demo.toml: letterhead,
// plan, the five conferences, the public and grassroots channels), the draft outline and
// fictional participant lists, created through Engine::createCampaign.
#include "server/demo/demo.h"

#include <string>
#include <string_view>
#include <vector>

#include "demo_campaign_toml.h"
#include "server/intake/campaign_file.h"
#include "server/sync/engine.h"

namespace gopy::server::demo {
namespace {

// A sample outline of a district political report: assessment of 2020–2025, directions for
// 2025–2030, and the organisation of implementation.
std::vector<Section> outline() {
    struct Node {
        const char* code;
        const char* parent;
        int level;
        const char* label;
        const char* title;
    };
    static const std::vector<Node> nodes = {
        {"I", "", 1, "Phần I",
         "Đánh giá kết quả thực hiện Nghị quyết Đại hội đại biểu lần thứ XXVI Đảng bộ quận, "
         "nhiệm kỳ 2020–2025"},
        {"I.1", "I", 2, "1.",
         "Công tác xây dựng Đảng và hệ thống chính trị"},
        {"I.1.a", "I.1", 3, "a)", "Công tác chính trị, tư tưởng; học tập và làm theo tư tưởng, "
                                  "đạo đức, phong cách Hồ Chí Minh"},
        {"I.1.b", "I.1", 3, "b)", "Công tác tổ chức, cán bộ và đảng viên"},
        {"I.1.c", "I.1", 3, "c)", "Công tác kiểm tra, giám sát, thi hành kỷ luật đảng"},
        {"I.1.d", "I.1", 3, "d)", "Công tác dân vận; hoạt động của Mặt trận Tổ quốc và các "
                                  "đoàn thể chính trị - xã hội"},
        {"I.2", "I", 2, "2.", "Phát triển kinh tế, thu ngân sách; quản lý quy hoạch, trật tự "
                              "xây dựng và đô thị"},
        {"I.3", "I", 2, "3.", "Văn hóa, xã hội, giáo dục, y tế; bảo đảm an sinh xã hội"},
        {"I.4", "I", 2, "4.", "Quốc phòng, an ninh, trật tự an toàn xã hội; công tác nội chính, "
                              "cải cách hành chính"},
        {"I.5", "I", 2, "5.", "Đánh giá chung: ưu điểm, hạn chế, nguyên nhân và bài học kinh "
                              "nghiệm"},
        {"II", "", 1, "Phần II",
         "Phương hướng, mục tiêu, nhiệm vụ và giải pháp nhiệm kỳ 2025–2030"},
        {"II.1", "II", 2, "1.", "Dự báo tình hình"},
        {"II.2", "II", 2, "2.", "Quan điểm chỉ đạo, mục tiêu tổng quát và các chỉ tiêu chủ yếu"},
        {"II.2.a", "II.2", 3, "a)", "Mục tiêu tổng quát"},
        {"II.2.b", "II.2", 3, "b)", "Các chỉ tiêu chủ yếu nhiệm kỳ 2025–2030"},
        {"II.3", "II", 2, "3.", "Xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh"},
        {"II.4", "II", 2, "4.", "Phát triển kinh tế dịch vụ chất lượng cao; xây dựng đô thị văn "
                                "minh, hiện đại"},
        {"II.4.a", "II.4", 3, "a)", "Phát triển thương mại, dịch vụ, du lịch và kinh tế số"},
        {"II.4.b", "II.4", 3, "b)", "Quản lý quy hoạch, chỉnh trang đô thị, cải tạo chung cư cũ"},
        {"II.4.c", "II.4", 3, "c)", "Chuyển đổi số, xây dựng chính quyền số và đô thị thông minh"},
        {"II.5", "II", 2, "5.", "Phát triển văn hóa, xã hội; nâng cao chất lượng giáo dục, y tế "
                                "và đời sống Nhân dân"},
        {"II.6", "II", 2, "6.", "Bảo đảm quốc phòng, an ninh; bảo vệ tuyệt đối an toàn trung tâm "
                                "chính trị - hành chính quốc gia; đẩy mạnh cải cách hành chính"},
        {"III", "", 1, "Phần III", "Tổ chức thực hiện"},
        {"III.1", "III", 2, "1.", "Các chương trình công tác trọng tâm và khâu đột phá"},
        {"III.2", "III", 2, "2.", "Quán triệt, cụ thể hóa và kiểm tra, giám sát việc thực hiện "
                                  "Nghị quyết"},
    };
    std::vector<Section> sections;
    int ord = 0;
    for (const Node& n : nodes) {
        sections.push_back(Section{n.code, n.parent, n.level, ++ord, n.label, n.title});
    }
    return sections;
}

// Body paragraphs of a few sections, numbered from 1 as the draft import numbers them; the
// other sections are headings only in this sample draft.
std::vector<intake::DraftParagraph> draftParagraphs() {
    struct Body {
        const char* section;
        std::vector<const char*> paragraphs;
    };
    static const std::vector<Body> bodies = {
        {"I.1",
         {"Nhiệm kỳ qua, Đảng bộ quận đã lãnh đạo triển khai nghiêm túc các nghị quyết, chỉ thị "
          "của Trung ương và Thành ủy về xây dựng, chỉnh đốn Đảng; nội dung sinh hoạt chi bộ có "
          "nhiều đổi mới, gắn với nhiệm vụ chính trị của từng địa bàn, cơ quan, đơn vị.",
          "Công tác tổ chức, cán bộ được thực hiện chặt chẽ, đúng quy trình; việc sắp xếp tổ "
          "chức bộ máy và đơn vị hành chính cấp phường bảo đảm tiến độ, không làm gián đoạn "
          "việc phục vụ người dân, doanh nghiệp.",
          "Tuy vậy, chất lượng sinh hoạt ở một số chi bộ khu dân cư chưa cao; việc phát triển "
          "đảng viên trong doanh nghiệp ngoài khu vực nhà nước và trong thanh niên còn gặp "
          "nhiều khó khăn."}},
        {"I.2",
         {"Kinh tế của quận duy trì tăng trưởng khá; cơ cấu chuyển dịch theo hướng thương mại, "
          "dịch vụ chất lượng cao, tỷ trọng các ngành dịch vụ tiếp tục chiếm phần lớn giá trị "
          "sản xuất trên địa bàn.",
          "Thu ngân sách hằng năm đều vượt dự toán được giao; công tác quản lý thu, chống thất "
          "thu được tăng cường, nhất là đối với hoạt động kinh doanh thương mại điện tử.",
          "Công tác quản lý quy hoạch, trật tự xây dựng có chuyển biến; song việc xử lý vi phạm "
          "ở một số khu tập thể cũ và tình trạng lấn chiếm vỉa hè còn tái diễn."}},
        {"II.3",
         {"Tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững "
          "mạnh toàn diện; nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và "
          "chất lượng đội ngũ đảng viên.",
          "Đổi mới nội dung, hình thức sinh hoạt chi bộ theo hướng thiết thực; mỗi chi bộ lựa "
          "chọn ít nhất một việc khó, việc mới để tập trung lãnh đạo trong từng năm.",
          "Xây dựng đội ngũ cán bộ các cấp, nhất là cán bộ chủ chốt cấp phường, đủ phẩm chất, "
          "năng lực và uy tín, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.",
          "Tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ được giao; kịp thời phát hiện, "
          "chấn chỉnh những biểu hiện né tránh, đùn đẩy trách nhiệm."}},
        {"II.4",
         {"Phát triển kinh tế dịch vụ chất lượng cao, kinh tế số phù hợp với vị thế của quận "
          "trung tâm; phấn đấu thu ngân sách trên địa bàn tăng bình quân từ 7% mỗi năm trở lên.",
          "Khai thác hiệu quả các tuyến phố thương mại, văn hóa, ẩm thực; gắn phát triển du lịch "
          "với bảo tồn di tích lịch sử, cảnh quan hồ và các công trình kiến trúc có giá trị.",
          "Đẩy mạnh cải tạo, xây dựng lại các khu chung cư cũ theo quy hoạch được duyệt; công "
          "khai tiến độ để người dân theo dõi, giám sát.",
          "Hoàn thành chuyển đổi số trong quản lý đô thị; mọi thủ tục hành chính đủ điều kiện "
          "được cung cấp trực tuyến toàn trình."}},
        {"III.1",
         {"Ban Chấp hành Đảng bộ quận xây dựng các chương trình công tác trọng tâm của nhiệm kỳ, "
          "phân công rõ người, rõ việc, rõ thời hạn và rõ kết quả.",
          "Lựa chọn ba khâu đột phá: cải cách hành chính gắn với chuyển đổi số; chỉnh trang đô "
          "thị, cải tạo chung cư cũ; nâng cao chất lượng tổ chức cơ sở đảng."}},
    };
    std::vector<intake::DraftParagraph> rows;
    for (const Body& body : bodies) {
        int number = 0;
        for (const char* text : body.paragraphs) rows.push_back({body.section, ++number, text});
    }
    return rows;
}

// Three organisations have sent their report with the comments their congress aggregated.
void seedGrassrootsReports(Engine& engine) {
    const Device office{"d-demo-office", "Văn phòng Quận ủy", Role::Organiser, 0};
    struct Entry {
        std::int64_t organisation;
        const char* section;
        const char* text;
    };
    const Entry entries[] = {
        {1, "I.1", "Đại hội nhất trí với đánh giá kết quả phát triển kinh tế; đề nghị bổ sung "
                   "số liệu về thu ngân sách trên địa bàn phường."},
        {1, "II.3", "Đề nghị bổ sung nhiệm vụ chỉnh trang các tuyến phố quanh hồ Trúc Bạch."},
        {2, "II.1", "Đề nghị nêu rõ lộ trình cải tạo chung cư cũ trên địa bàn phường."},
        {2, "I.2", "Nhất trí với đánh giá về an sinh xã hội, chăm lo người có công."},
        {7, "II.1", "Đề nghị bổ sung chỉ tiêu về trường học đạt chuẩn quốc gia."},
    };
    const Millis base = 1'745'971'200'000;  // 2025-04-30 00:00 UTC
    std::int64_t seq = 0;
    int n = 0;
    for (const Entry& e : entries) {
        Comment c;
        c.id = "demo-grassroots-" + std::to_string(++n);
        c.sections = {e.section};
        c.kind = CommentKind::Other;
        c.text = e.text;
        c.createdAt = base + n * 60000;
        c.origin = CommentOrigin{"", "", "", "", false, e.organisation};
        engine.apply(office, proto::OpRequest{office.id, ++seq, 7, proto::CommentCreate{c}},
                     c.createdAt);
    }
    for (const std::int64_t organisation : {1, 2, 7}) {
        engine.apply(office,
                     proto::OpRequest{office.id, ++seq, 7,
                                      proto::GrassrootsReport{organisation, base + 3600000}},
                     base + 3600000);
    }
}

struct Seat {
    const char* title;
    const char* organisation;
    const char* group;
};

// Who sits in each hall: titles and organisations matching the plan's audiences.
std::vector<std::vector<Seat>> seats() {
    const char* cityParty = "Các ban Đảng và Văn phòng Thành ủy";
    const char* cityFront = "MTTQ và các đoàn thể chính trị - xã hội Thành phố";
    const char* cityDepts = "Các sở, ban, ngành Thành phố";
    const char* district = "Lãnh đạo quận";
    const char* veterans = "Cán bộ lão thành cách mạng";
    const char* central = "Nguyên lãnh đạo Trung ương";
    const char* cityFormer = "Nguyên lãnh đạo Thành ủy, Thành phố";
    const char* generals = "Cấp tướng công an, quân sự";
    const char* formerParty = "Nguyên Bí thư, Phó Bí thư Quận ủy";
    const char* formerGov = "Nguyên lãnh đạo HĐND, UBND quận";
    const char* formerStanding = "Nguyên Ủy viên Ban Thường vụ Quận ủy";
    const char* artists = "Văn nghệ sỹ";
    const char* scholars = "Nhà khoa học, trí thức";
    const char* schools = "Bí thư, Hiệu trưởng các trường";
    const char* districtFront = "MTTQ và các đoàn thể quận";
    const char* firms = "Doanh nghiệp";
    const char* households = "Hộ kinh doanh, hợp tác xã";
    return {
        {
            {"Phó Trưởng ban", "Ban Tổ chức Thành ủy", cityParty},
            {"Chuyên viên", "Ban Tổ chức Thành ủy", cityParty},
            {"Phó Trưởng ban", "Ban Tuyên giáo Thành ủy", cityParty},
            {"Trưởng phòng Lý luận chính trị", "Ban Tuyên giáo Thành ủy", cityParty},
            {"Phó Chủ nhiệm", "Ủy ban Kiểm tra Thành ủy", cityParty},
            {"Phó Trưởng ban", "Ban Dân vận Thành ủy", cityParty},
            {"Phó Trưởng ban", "Ban Nội chính Thành ủy", cityParty},
            {"Phó Chánh Văn phòng", "Văn phòng Thành ủy", cityParty},
            {"Chuyên viên Phòng Tổng hợp", "Văn phòng Thành ủy", cityParty},
            {"Phó Chủ tịch", "Ủy ban MTTQ Việt Nam thành phố Hà Nội", cityFront},
            {"Trưởng ban Dân chủ - Pháp luật", "Ủy ban MTTQ Việt Nam thành phố Hà Nội", cityFront},
            {"Phó Chủ tịch", "Liên đoàn Lao động thành phố Hà Nội", cityFront},
            {"Phó Chủ tịch", "Hội Liên hiệp Phụ nữ thành phố Hà Nội", cityFront},
            {"Phó Bí thư", "Thành đoàn Hà Nội", cityFront},
            {"Phó Chủ tịch", "Hội Cựu chiến binh thành phố Hà Nội", cityFront},
            {"Phó Chủ tịch", "Hội Nông dân thành phố Hà Nội", cityFront},
            {"Phó Giám đốc", "Sở Kế hoạch và Đầu tư", cityDepts},
            {"Phó Giám đốc", "Sở Quy hoạch - Kiến trúc", cityDepts},
            {"Phó Giám đốc", "Sở Xây dựng", cityDepts},
            {"Phó Giám đốc", "Sở Giáo dục và Đào tạo", cityDepts},
            {"Phó Giám đốc", "Sở Y tế", cityDepts},
            {"Phó Giám đốc", "Sở Văn hóa và Thể thao", cityDepts},
            {"Phó Giám đốc", "Sở Du lịch", cityDepts},
            {"Phó Giám đốc", "Sở Tài chính", cityDepts},
            {"Phó Giám đốc", "Sở Nội vụ", cityDepts},
            {"Phó Giám đốc", "Sở Thông tin và Truyền thông", cityDepts},
            {"Phó Giám đốc", "Sở Tài nguyên và Môi trường", cityDepts},
            {"Phó Giám đốc", "Công an thành phố Hà Nội", cityDepts},
            {"Phó Tư lệnh", "Bộ Tư lệnh Thủ đô Hà Nội", cityDepts},
            {"Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Quận ủy", "Quận ủy Ba Đình", district},
            {"Chánh Văn phòng Quận ủy", "Quận ủy Ba Đình", district},
            {"Phó Chủ tịch", "Ủy ban nhân dân quận Ba Đình", district},
        },
        {
            {"Cán bộ lão thành cách mạng", "cư trú tại phường Quán Thánh", veterans},
            {"Cán bộ lão thành cách mạng", "cư trú tại phường Điện Biên", veterans},
            {"Cán bộ lão thành cách mạng", "cư trú tại phường Kim Mã", veterans},
            {"Cán bộ lão thành cách mạng", "cư trú tại phường Ngọc Hà", veterans},
            {"Cán bộ lão thành cách mạng", "cư trú tại phường Trúc Bạch", veterans},
            {"nguyên Phó Trưởng Ban Tổ chức Trung ương", "cư trú tại phường Giảng Võ", central},
            {"nguyên Thứ trưởng Bộ Nội vụ", "cư trú tại phường Vĩnh Phúc", central},
            {"nguyên Phó Chủ nhiệm Ủy ban Kiểm tra Trung ương", "cư trú tại phường Ngọc Khánh",
             central},
            {"nguyên Vụ trưởng", "Văn phòng Trung ương Đảng", central},
            {"nguyên Thứ trưởng Bộ Kế hoạch và Đầu tư", "cư trú tại phường Liễu Giai", central},
            {"nguyên Phó Bí thư Thành ủy Hà Nội", "cư trú tại phường Đội Cấn", cityFormer},
            {"nguyên Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy",
             "cư trú tại phường Cống Vị", cityFormer},
            {"nguyên Phó Chủ tịch Ủy ban nhân dân thành phố Hà Nội", "cư trú tại phường Vĩnh Phúc",
             cityFormer},
            {"nguyên Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội", "cư trú tại phường Phúc Xá",
             cityFormer},
            {"Thiếu tướng, nguyên Phó Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội",
             "cư trú tại phường Ngọc Hà", generals},
            {"Trung tướng, nguyên Thứ trưởng Bộ Công an", "cư trú tại phường Quán Thánh",
             generals},
            {"Thiếu tướng, nguyên Giám đốc Công an thành phố Hà Nội",
             "cư trú tại phường Nguyễn Trung Trực", generals},
            {"Thiếu tướng, nguyên Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam",
             "cư trú tại phường Kim Mã", generals},
            {"Trung tướng, nguyên Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam",
             "cư trú tại phường Điện Biên", generals},
            {"Thiếu tướng, nguyên Cục trưởng", "Bộ Công an", generals},
        },
        {
            {"nguyên Bí thư Quận ủy", "Quận ủy Ba Đình", formerParty},
            {"nguyên Bí thư Quận ủy", "Quận ủy Ba Đình", formerParty},
            {"nguyên Phó Bí thư Thường trực Quận ủy", "Quận ủy Ba Đình", formerParty},
            {"nguyên Phó Bí thư Thường trực Quận ủy", "Quận ủy Ba Đình", formerParty},
            {"nguyên Phó Bí thư Quận ủy, Chủ tịch Ủy ban nhân dân quận", "Quận ủy Ba Đình",
             formerParty},
            {"nguyên Phó Bí thư Quận ủy, Chủ tịch Ủy ban nhân dân quận", "Quận ủy Ba Đình",
             formerParty},
            {"nguyên Chủ tịch Hội đồng nhân dân quận", "Hội đồng nhân dân quận Ba Đình", formerGov},
            {"nguyên Phó Chủ tịch Hội đồng nhân dân quận", "Hội đồng nhân dân quận Ba Đình",
             formerGov},
            {"nguyên Phó Chủ tịch Ủy ban nhân dân quận", "Ủy ban nhân dân quận Ba Đình", formerGov},
            {"nguyên Phó Chủ tịch Ủy ban nhân dân quận", "Ủy ban nhân dân quận Ba Đình", formerGov},
            {"nguyên Trưởng Ban Tổ chức Quận ủy", "Quận ủy Ba Đình", formerStanding},
            {"nguyên Trưởng Ban Tuyên giáo Quận ủy", "Quận ủy Ba Đình", formerStanding},
            {"nguyên Chủ nhiệm Ủy ban Kiểm tra Quận ủy", "Quận ủy Ba Đình", formerStanding},
            {"nguyên Trưởng Ban Dân vận Quận ủy", "Quận ủy Ba Đình", formerStanding},
            {"nguyên Chủ tịch Ủy ban MTTQ quận", "Ủy ban MTTQ quận Ba Đình", formerStanding},
            {"nguyên Chỉ huy trưởng Ban Chỉ huy Quân sự quận", "Ban Chỉ huy Quân sự quận Ba Đình",
             formerStanding},
            {"nguyên Trưởng Công an quận", "Công an quận Ba Đình", formerStanding},
            {"nguyên Chánh Văn phòng Quận ủy", "Quận ủy Ba Đình", formerStanding},
        },
        {
            {"Nhà văn", "Hội Nhà văn Hà Nội", artists},
            {"Họa sỹ", "Hội Mỹ thuật Việt Nam", artists},
            {"Nghệ sỹ Nhân dân", "Nhà hát Kịch Việt Nam", artists},
            {"Nhạc sỹ", "Hội Nhạc sỹ Việt Nam", artists},
            {"Nhà báo", "Báo Hà Nội mới", artists},
            {"Nghệ sỹ Ưu tú", "Nhà hát Múa rối Thăng Long", artists},
            {"PGS.TS, Giảng viên cao cấp", "Học viện Chính trị quốc gia Hồ Chí Minh", scholars},
            {"GS.TS", "Trường Đại học Kinh tế quốc dân", scholars},
            {"TS, Nghiên cứu viên chính", "Viện Nghiên cứu phát triển kinh tế - xã hội Hà Nội",
             scholars},
            {"PGS.TS", "Trường Đại học Xây dựng Hà Nội", scholars},
            {"TS", "Viện Hàn lâm Khoa học xã hội Việt Nam", scholars},
            {"Luật sư", "Đoàn Luật sư thành phố Hà Nội", scholars},
            {"ThS, Phó Chủ tịch", "Liên hiệp các Hội Khoa học và Kỹ thuật Hà Nội", scholars},
            {"Bí thư Chi bộ, Hiệu trưởng", "Trường THPT Phan Đình Phùng", schools},
            {"Hiệu trưởng", "Trường THPT Phạm Hồng Thái", schools},
            {"Bí thư Chi bộ, Hiệu trưởng", "Trường THCS Giảng Võ", schools},
            {"Hiệu trưởng", "Trường THCS Thăng Long", schools},
            {"Bí thư Chi bộ, Hiệu trưởng", "Trường Tiểu học Ngọc Hà", schools},
            {"Hiệu trưởng", "Trường Tiểu học Kim Đồng", schools},
            {"Bí thư Chi bộ", "Trường THPT Nguyễn Trãi - Ba Đình", schools},
            {"Hiệu trưởng", "Trường THCS Nguyễn Trãi", schools},
            {"Bí thư Chi bộ, Hiệu trưởng", "Trường Mầm non Họa Mi", schools},
            {"Phó Chủ tịch", "Ủy ban MTTQ quận Ba Đình", districtFront},
            {"Chủ tịch", "Hội Liên hiệp Phụ nữ quận Ba Đình", districtFront},
            {"Bí thư", "Quận đoàn Ba Đình", districtFront},
        },
        {
            {"Giám đốc", "Công ty Cổ phần Thương mại Dịch vụ Kim Mã", firms},
            {"Tổng Giám đốc", "Công ty TNHH Đầu tư Phát triển Liễu Giai", firms},
            {"Chủ tịch Hội đồng quản trị", "Công ty Cổ phần Du lịch Hồ Tây Xanh", firms},
            {"Giám đốc", "Công ty TNHH Công nghệ số Ngọc Khánh", firms},
            {"Phó Tổng Giám đốc", "Tổng công ty Thương mại Thăng Long", firms},
            {"Giám đốc", "Ngân hàng TMCP Sông Hồng - Chi nhánh Ba Đình", firms},
            {"Giám đốc", "Khách sạn Hoàng Thành", firms},
            {"Giám đốc", "Công ty TNHH Kiến trúc và Xây dựng Giảng Võ", firms},
            {"Giám đốc", "Công ty Cổ phần Dược phẩm Vĩnh Phúc", firms},
            {"Giám đốc điều hành", "Công ty Cổ phần Khởi nghiệp Sáng tạo Cống Vị", firms},
            {"Giám đốc", "Trung tâm Thương mại Ngọc Khánh Plaza", firms},
            {"Giám đốc", "Công ty TNHH Nhà hàng Quán Thánh", firms},
            {"Chủ tịch", "Hội Doanh nghiệp quận Ba Đình", firms},
            {"Phó Chủ tịch", "Hội Doanh nghiệp quận Ba Đình", firms},
            {"Giám đốc", "Hợp tác xã Dịch vụ Thương mại Đội Cấn", households},
            {"Chủ hộ kinh doanh", "Chợ Ngọc Hà", households},
            {"Chủ hộ kinh doanh", "Phố Hàng Bún, phường Nguyễn Trung Trực", households},
            {"Chủ hộ kinh doanh", "Chợ Châu Long", households},
            {"Chủ tịch", "Liên đoàn Lao động quận Ba Đình", districtFront},
            {"Phó Chủ tịch", "Ủy ban MTTQ quận Ba Đình", districtFront},
        },
    };
}

// Fictional names: 15 family names × 31 middle-and-given names; the two strides are coprime
// with the list sizes, so no name repeats within a conference.
std::string fictionalName(std::size_t index, std::size_t conference, bool male = false) {
    static const std::vector<const char*> family = {"Nguyễn", "Trần", "Lê",   "Phạm", "Hoàng", "Vũ",  "Đặng", "Bùi",
                                   "Đỗ",     "Ngô",  "Dương", "Lý",  "Phan",  "Đinh", "Trịnh"};
    static const std::vector<const char*> given = {
        "Văn Hùng",   "Thị Lan",    "Minh Tuấn",  "Thị Thu Hà", "Quốc Khánh", "Thanh Bình",
        "Hữu Nghĩa",  "Thị Mai",    "Đức Long",   "Ngọc Anh",   "Xuân Trường", "Thị Hồng",
        "Anh Dũng",   "Thu Hương",  "Văn Cường",  "Kim Oanh",   "Hoàng Nam",  "Thị Hạnh",
        "Mạnh Hải",   "Thùy Linh",  "Công Sơn",   "Thị Phương", "Đình Phúc",  "Bích Ngọc",
        "Văn Thắng",  "Thị Yến",    "Quang Vinh", "Thanh Tâm",  "Trọng Hiếu", "Thị Giang",
        "Việt Hòa"};
    std::size_t pick = (index * 7 + conference * 5) % given.size();
    // The generals of conference 2 were men; skip names that are usually women's.
    const auto female = [](std::string_view name) {
        for (const std::string_view mark : {"Thị", "Thu ", "Kim ", "Thùy", "Bích", "Ngọc Anh"}) {
            if (name.find(mark) != std::string_view::npos) return true;
        }
        return false;
    };
    while (male && female(given[pick])) pick = (pick + 1) % given.size();
    return std::string(family[(index * 4 + conference * 3) % family.size()]) + " " + given[pick];
}

std::string participantId(std::size_t conference, std::size_t index) {
    const std::string number = std::to_string(index + 1);
    return "c" + std::to_string(conference) + "-p" + (number.size() < 2 ? "0" : "") + number;
}

}  // namespace

bool createDemoCampaign(Engine& engine) {
    // The campaign is a file like any office's (assets/campaign-demo.toml, built in).
    const auto file = intake::parseCampaignToml(kDemoCampaignToml, "assets/campaign-demo.toml");
    std::vector<Participant> people;
    const auto halls = seats();
    for (std::size_t c = 0; c < halls.size(); ++c) {
        const std::size_t conferenceId = c + 1;
        for (std::size_t i = 0; i < halls[c].size(); ++i) {
            Participant p;
            p.id = participantId(conferenceId, i);
            p.conferenceId = static_cast<std::int64_t>(conferenceId);
            const std::string_view title = halls[c][i].title;
            p.fullName = fictionalName(i, conferenceId, title.find("tướng") != std::string_view::npos);
            p.title = halls[c][i].title;
            p.organisation = halls[c][i].organisation;
            p.group = halls[c][i].group;
            people.push_back(std::move(p));
        }
    }
    // Outline and paragraphs go in as a draft import writes them.
    if (!engine.createCampaign(file, outline(), draftParagraphs(), people)) return false;
    seedDemoSession(engine);
    seedGrassrootsReports(engine);
    seedPublicComments(engine);
    seedDraftingWork(engine);
    return true;
}

}  // namespace gopy::server::demo
