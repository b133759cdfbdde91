// The concluded session of conference 1 in the demo campaign: fictional delegates, realistic
// comments of every kind, recorded through the engine's own operations.
#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

#include "gopy/text.h"
#include "server/demo/demo.h"
#include "server/sync/engine.h"

namespace gopy::server::demo {

namespace {

enum class Topic { Whole, Economy, Urban, Society, Security, PartyBuilding, Administration, Any };

/// A comment as the secretary typed it; `speaker` indexes the speaking order, -1 = written.
struct Line {
    int speaker;
    CommentKind kind;
    int part;  // 0 whole draft, 1 assessment (Phần I), 2 directions (Phần II), 3 Phần III
    Topic topic;
    const char* text;
    const char* wording = nullptr;  // proposed wording, verbatim
    int paragraph = 0;              // for the proposal's location (and the comment's paragraph)
    int page = 0;
    int line = 0;
};

// Forty comments of a morning session; written submissions carry speaker -1 .. -4.
const std::vector<Line>& script() {
    static const std::vector<Line> lines = {
        {0, CommentKind::Agreement, 0, Topic::Whole,
         "Nhất trí cao với bố cục và nội dung cơ bản của Dự thảo Báo cáo chính trị. Dự thảo đã "
         "đánh giá khách quan, toàn diện kết quả nhiệm kỳ 2020–2025, chỉ rõ hạn chế, nguyên nhân "
         "và bài học kinh nghiệm."},
        {0, CommentKind::Addition, 1, Topic::Economy,
         "Đề nghị bổ sung số liệu cụ thể về tốc độ tăng trưởng thu ngân sách bình quân và tỷ trọng "
         "ngành dịch vụ trong cơ cấu kinh tế để phần đánh giá có sức thuyết phục hơn."},
        {1, CommentKind::Agreement, 1, Topic::Economy,
         "Đồng tình với nhận định kinh tế của quận tiếp tục tăng trưởng khá, cơ cấu chuyển dịch "
         "đúng hướng thương mại – dịch vụ chất lượng cao."},
        {1, CommentKind::Amendment, 2, Topic::Economy,
         "Câu về mục tiêu phát triển kinh tế còn chung chung, chưa thể hiện vị thế của quận trung "
         "tâm chính trị – hành chính quốc gia.",
         "Phát triển kinh tế dịch vụ chất lượng cao, kinh tế số, kinh tế đêm phù hợp với vị thế "
         "trung tâm chính trị – hành chính quốc gia; phấn đấu thu ngân sách trên địa bàn tăng bình "
         "quân 8%/năm trở lên.",
         1, 15, 4},
        {2, CommentKind::Addition, 1, Topic::Urban,
         "Phần đánh giá công tác quản lý đô thị cần nêu rõ hơn hạn chế trong xử lý vi phạm trật tự "
         "xây dựng ở các khu tập thể cũ, tình trạng lấn chiếm vỉa hè tại một số tuyến phố."},
        {2, CommentKind::Amendment, 2, Topic::Urban,
         "Đề nghị làm rõ lộ trình cải tạo, xây dựng lại chung cư cũ, vì đây là vấn đề người dân "
         "rất quan tâm.",
         "Tập trung cải tạo, xây dựng lại các khu chung cư cũ xuống cấp, nguy hiểm theo quy hoạch "
         "được duyệt; hoàn thành di dời các hộ dân tại chung cư nguy hiểm cấp D trước năm 2027.",
         3, 17, 12},
        {2, CommentKind::Recommendation, 2, Topic::Urban,
         "Kiến nghị Thành phố sớm phê duyệt quy hoạch phân khu nội đô lịch sử để quận có căn cứ "
         "triển khai các dự án chỉnh trang đô thị."},
        {3, CommentKind::Agreement, 1, Topic::Society,
         "Nhất trí với đánh giá về lĩnh vực văn hóa – xã hội; công tác an sinh xã hội, chăm lo "
         "người có công được thực hiện tốt, không để hộ nghèo tái nghèo."},
        {3, CommentKind::Addition, 2, Topic::Society,
         "Cần bổ sung nhiệm vụ phát triển hệ thống trường học đạt chuẩn quốc gia và giải quyết "
         "tình trạng quá tải sĩ số ở bậc tiểu học, trung học cơ sở."},
        {3, CommentKind::Other, 2, Topic::Society,
         "Lưu ý thống nhất cách dùng thuật ngữ “chuyển đổi số” và “số hóa” trong toàn văn Dự thảo, "
         "tránh dùng lẫn lộn hai khái niệm."},
        {4, CommentKind::Agreement, 1, Topic::Security,
         "Đồng tình với đánh giá công tác quốc phòng, an ninh được giữ vững, bảo vệ tuyệt đối an "
         "toàn các sự kiện chính trị quan trọng diễn ra trên địa bàn."},
        {4, CommentKind::Amendment, 2, Topic::Security,
         "Đề nghị sửa lại câu về nhiệm vụ quốc phòng, an ninh cho sát với yêu cầu bảo vệ khu vực "
         "trung tâm.",
         "Bảo đảm tuyệt đối an ninh, an toàn các mục tiêu, công trình trọng điểm, các hoạt động "
         "của lãnh đạo Đảng, Nhà nước và khách quốc tế trên địa bàn quận.",
         2, 19, 7},
        {4, CommentKind::Deletion, 2, Topic::Security,
         "Đề nghị bỏ đoạn liệt kê các loại tội phạm cụ thể ở phần phương hướng vì đã có trong báo "
         "cáo chuyên đề của Công an quận, để Báo cáo chính trị ngắn gọn, khái quát."},
        {5, CommentKind::Addition, 1, Topic::PartyBuilding,
         "Phần xây dựng Đảng cần đánh giá sâu hơn chất lượng sinh hoạt chi bộ ở khu dân cư, nhất "
         "là các chi bộ có nhiều đảng viên cao tuổi."},
        {5, CommentKind::Agreement, 2, Topic::PartyBuilding,
         "Nhất trí với phương hướng tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng, gắn với thực hiện "
         "Kết luận 21-KL/TW của Trung ương."},
        {5, CommentKind::Amendment, 2, Topic::PartyBuilding,
         "Chỉ tiêu kết nạp đảng viên nên diễn đạt theo số lượng cả nhiệm kỳ để dễ kiểm tra, đánh "
         "giá.",
         "Kết nạp từ 1.500 đảng viên mới trở lên trong nhiệm kỳ; hằng năm có trên 90% tổ chức cơ "
         "sở đảng hoàn thành tốt nhiệm vụ trở lên.",
         1, 22, 3},
        {6, CommentKind::Addition, 2, Topic::Administration,
         "Đề nghị bổ sung nội dung về xây dựng chính quyền số, cung cấp dịch vụ công trực tuyến "
         "toàn trình và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."},
        {6, CommentKind::Recommendation, 2, Topic::Administration,
         "Đề xuất Thành phố phân cấp mạnh hơn cho quận trong quản lý đầu tư công và quản lý trật "
         "tự xây dựng, đi đôi với tăng cường kiểm tra, giám sát."},
        {7, CommentKind::Other, 0, Topic::Whole,
         "Dự thảo còn dài, một số đoạn trùng lặp giữa phần đánh giá và phần phương hướng; đề nghị "
         "tổ biên tập rà soát, biên tập lại cho cô đọng."},
        {7, CommentKind::Addition, 1, Topic::Society,
         "Cần bổ sung đánh giá về việc giữ gìn, phát huy giá trị di sản văn hóa trên địa bàn, đặc "
         "biệt là khu di tích Hoàng thành Thăng Long và các di tích lịch sử cách mạng."},
        {8, CommentKind::Agreement, 0, Topic::Whole,
         "Nhất trí với tên gọi, chủ đề Đại hội và các chỉ tiêu chủ yếu nhiệm kỳ 2025–2030 nêu "
         "trong Dự thảo."},
        {8, CommentKind::Amendment, 1, Topic::Economy,
         "Câu đánh giá thu hút đầu tư còn nặng về liệt kê; đề nghị viết lại cho khái quát.",
         "Môi trường đầu tư, kinh doanh tiếp tục được cải thiện; số doanh nghiệp thành lập mới "
         "tăng, chất lượng doanh nghiệp được nâng lên.",
         4, 6, 9},
        {9, CommentKind::Deletion, 1, Topic::Urban,
         "Đề nghị bỏ cụm từ “cơ bản hoàn thành” khi đánh giá công tác giải phóng mặt bằng vì thực "
         "tế nhiều dự án còn chậm tiến độ, nói như vậy chưa chính xác."},
        {9, CommentKind::Addition, 2, Topic::Urban,
         "Bổ sung giải pháp phát triển không gian xanh, không gian công cộng, cải tạo hồ, vườn hoa "
         "gắn với quản lý chất lượng không khí."},
        {10, CommentKind::Recommendation, 3, Topic::Any,
         "Kiến nghị có cơ chế theo dõi việc thực hiện các nhiệm vụ đột phá theo từng năm và báo "
         "cáo công khai tại kỳ họp Hội đồng nhân dân quận."},
        {10, CommentKind::Agreement, 2, Topic::Administration,
         "Đồng tình với nhiệm vụ đột phá về cải cách hành chính, nâng cao chỉ số hài lòng của "
         "người dân, doanh nghiệp."},
        {11, CommentKind::Amendment, 2, Topic::Society,
         "Đề nghị thay cụm từ “phấn đấu” bằng chỉ tiêu định lượng về y tế cơ sở.",
         "100% trạm y tế phường đạt chuẩn quốc gia về y tế; tỷ lệ dân số được quản lý sức khỏe "
         "điện tử đạt trên 95%.",
         2, 18, 1},
        {11, CommentKind::Other, 1, Topic::Society,
         "Số liệu về lao động được giải quyết việc làm trong Dự thảo chưa khớp với báo cáo của Ủy "
         "ban nhân dân quận; đề nghị đối chiếu, thống nhất."},
        {12, CommentKind::Addition, 2, Topic::PartyBuilding,
         "Cần bổ sung nhiệm vụ phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc và "
         "các đoàn thể, gắn với tiếp thu ý kiến của Nhân dân."},
        {12, CommentKind::Deletion, 2, Topic::Economy,
         "Đề nghị bỏ chỉ tiêu “phát triển mới 10 tuyến phố kinh tế đêm” vì chưa có quy hoạch và "
         "đánh giá tác động đến an ninh trật tự, đời sống dân cư."},
        {13, CommentKind::Recommendation, 2, Topic::Society,
         "Đề xuất đầu tư xây dựng trung tâm văn hóa – thể thao quận và dành quỹ đất cho sân chơi "
         "thiếu nhi tại các khu dân cư đông đúc."},
        {13, CommentKind::Agreement, 1, Topic::PartyBuilding,
         "Nhất trí với phần đánh giá công tác xây dựng Đảng; công tác kiểm tra, giám sát được tăng "
         "cường, xử lý nghiêm các trường hợp vi phạm."},
        {14, CommentKind::Addition, 1, Topic::Administration,
         "Phần đánh giá cần nêu rõ kết quả sắp xếp đơn vị hành chính cấp phường và những tác động "
         "đến tổ chức bộ máy, đội ngũ cán bộ cơ sở."},
        {14, CommentKind::Amendment, 2, Topic::Administration,
         "Đề nghị diễn đạt lại mục tiêu chuyển đổi số cho cụ thể.",
         "Đến năm 2030, 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến; dữ "
         "liệu dân cư, đất đai, xây dựng được kết nối, dùng chung giữa các cơ quan của quận.",
         3, 21, 6},
        {-1, CommentKind::Addition, 2, Topic::Society,
         "Đề nghị bổ sung chính sách chăm sóc người cao tuổi, phát triển mô hình câu lạc bộ liên "
         "thế hệ tự giúp nhau tại các phường."},
        {-1, CommentKind::Amendment, 1, Topic::Society,
         "Câu đánh giá công tác giảm nghèo nên nêu kết quả cụ thể.",
         "Hoàn thành mục tiêu không còn hộ nghèo theo chuẩn của Thành phố từ năm 2023; 100% gia "
         "đình chính sách có mức sống bằng hoặc cao hơn mức sống trung bình của dân cư trên địa "
         "bàn.",
         5, 9, 14},
        {-2, CommentKind::Recommendation, 2, Topic::Urban,
         "Kiến nghị nghiên cứu tổ chức giao thông một chiều và bố trí thêm bãi đỗ xe ngầm tại khu "
         "vực phố cổ và các tuyến phố quanh hồ Trúc Bạch."},
        {-3, CommentKind::Agreement, 0, Topic::Whole,
         "Hoàn toàn nhất trí với Dự thảo; đề nghị sớm hoàn thiện để lấy ý kiến rộng rãi của Nhân "
         "dân trên Cổng thông tin điện tử quận."},
        {-3, CommentKind::Recommendation, 2, Topic::Security,
         "Đề xuất nhân rộng mô hình “camera an ninh tổ dân phố” kết nối với Công an phường, gắn "
         "với phong trào toàn dân bảo vệ an ninh Tổ quốc."},
        {-4, CommentKind::Other, 2, Topic::Economy,
         "Nên có phụ lục so sánh các chỉ tiêu nhiệm kỳ 2020–2025 và 2025–2030 để đại biểu dễ theo "
         "dõi."},
    };
    return lines;
}

const char* keywords(Topic t) {
    switch (t) {
        case Topic::Economy:
            return "kinh te|dau tu|thuong mai|dich vu|ngan sach";
        case Topic::Urban:
            return "do thi|quy hoach|xay dung do thi|moi truong|ha tang";
        case Topic::Society:
            return "van hoa|xa hoi|giao duc|y te|an sinh";
        case Topic::Security:
            return "quoc phong|an ninh|trat tu";
        case Topic::PartyBuilding:
            return "xay dung dang|chinh don|to chuc co so dang|he thong chinh tri";
        case Topic::Administration:
            return "chinh quyen|cai cach hanh chinh|chuyen doi so|hanh chinh";
        case Topic::Whole:
        case Topic::Any:
            return "";
    }
    return "";
}

/// Vietnam local time of a conference date at hh:mm, as epoch milliseconds.
Millis at(const std::string& isoDate, int hour, int minute, int second = 0) {
    std::tm tm{};
    tm.tm_year = 2025 - 1900;
    tm.tm_mon = 2;
    tm.tm_mday = 14;
    if (isoDate.size() == 10) {
        tm.tm_year = std::stoi(isoDate.substr(0, 4)) - 1900;
        tm.tm_mon = std::stoi(isoDate.substr(5, 2)) - 1;
        tm.tm_mday = std::stoi(isoDate.substr(8, 2));
    }
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return (static_cast<Millis>(timegm(&tm)) - 7LL * 3600) * 1000;
}

class SessionRecorder {
public:
    SessionRecorder(Engine& engine, std::int64_t conferenceId)
        : engine_(engine), conferenceId_(conferenceId) {
        device_.id = "demo";
        device_.name = "Thư ký hội nghị (dữ liệu mẫu)";
        device_.role = Role::Organiser;
        device_.conferenceId = 0;
    }
    void add(proto::Operation op) {
        proto::OpRequest r;
        r.clientId = device_.id;
        r.clientSeq = ++seq_;
        r.conferenceId = conferenceId_;
        r.op = std::move(op);
        pending_.emplace_back(device_, std::move(r));
    }
    /// Applies what was added as one batch at `now`; any refusal is a bug in the script.
    void commit(Millis now) {
        if (pending_.empty()) return;
        const auto results = engine_.applyBatch(pending_, now);
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (results[i].nack) {
                throw std::runtime_error(
                    "demo session: " + std::string(proto::kindName(pending_[i].second.op)) +
                    " refused: " + results[i].nack->message);
            }
        }
        pending_.clear();
    }
    [[nodiscard]] const Device& device() const { return device_; }

private:
    Engine& engine_;
    std::int64_t conferenceId_;
    Device device_;
    std::int64_t seq_ = 0;
    std::vector<std::pair<Device, proto::OpRequest>> pending_;
};

struct OutlineIndex {
    std::vector<const Section*> parts;                  // level 1, draft order
    std::vector<std::vector<const Section*>> children;  // level ≥ 2 under each part

    explicit OutlineIndex(const std::vector<Section>& sections) {
        std::vector<const Section*> sorted;
        for (const Section& s : sections) sorted.push_back(&s);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Section* a, const Section* b) { return a->ord < b->ord; });
        for (const Section* s : sorted) {
            if (s->level == 1) {
                parts.push_back(s);
                children.emplace_back();
            }
        }
        for (const Section* s : sorted) {
            if (s->level != 2) continue;
            for (std::size_t p = 0; p < parts.size(); ++p) {
                if (s->parentCode == parts[p]->code) children[p].push_back(s);
            }
        }
    }

    /// The section a comment belongs to: within the part, the first whose title matches the
    /// topic; else one chosen by `salt`; the part itself when it has no sections.
    [[nodiscard]] const Section* pick(int part, Topic topic, std::size_t salt) const {
        if (parts.empty() || part <= 0) return nullptr;
        const std::size_t p = std::min(parts.size(), static_cast<std::size_t>(part)) - 1;
        const auto& list = children[p];
        if (list.empty()) return parts[p];
        const std::string keys = keywords(topic);
        std::size_t start = 0;
        while (start <= keys.size() && !keys.empty()) {
            const std::size_t end = std::min(keys.find('|', start), keys.size());
            const std::string key = keys.substr(start, end - start);
            for (const Section* s : list) {
                if (text::fold(s->title).find(key) != std::string::npos) return s;
            }
            start = end + 1;
        }
        return list[salt % list.size()];
    }
};

std::string locationOf(const OutlineIndex& outline, const Section* s, const Line& l) {
    std::string where;
    if (s != nullptr) {
        for (const Section* part : outline.parts) {
            if (part->code == s->parentCode) where = part->label + ", ";
        }
        std::string label = s->label;
        while (!label.empty() && (label.back() == '.' || label.back() == ')')) label.pop_back();
        where += (s->level == 1 ? "" : "mục ") + label + ", ";
    }
    return where + "đoạn " + std::to_string(l.paragraph) + ", trang " + std::to_string(l.page) +
           ", dòng " + std::to_string(l.line);
}

// A proposed wording names its paragraph; where the draft has that paragraph in the comment's
// section, the comment points at it (the secretary picked it from the list).
int paragraphOf(const proto::Welcome& welcome, const Section* section, const Line& l) {
    if (section == nullptr || l.wording == nullptr || l.paragraph <= 0) return 0;
    for (const ParagraphHead& head : welcome.paragraphs) {
        if (head.section == section->code && head.number == l.paragraph) return l.paragraph;
    }
    return 0;
}

std::string commentId(std::size_t i) {
    std::array<char, 64> buf{};
    std::snprintf(buf.data(), buf.size(), "de300000-0001-4000-8000-%012zu", i + 1);
    return buf.data();
}

}  // namespace

void seedDemoSession(Engine& engine) {
    constexpr std::int64_t kConference = 1;
    Device reader;
    reader.id = "demo";
    reader.role = Role::Organiser;
    const proto::Welcome welcome = engine.welcome(reader);
    const auto sub = engine.subscribe(reader, proto::Subscribe{kConference, 0});
    if (!sub.snapshot) throw std::runtime_error("demo session: conference 1 does not exist");
    const proto::Snapshot& snap = *sub.snapshot;
    if (snap.conference.state == ConferenceState::Concluded) return;
    const std::vector<Participant>& people = snap.participants;
    if (people.size() < 20)
        throw std::runtime_error("demo session: conference 1 needs at least 20 participants");

    const OutlineIndex outline(welcome.sections);
    const std::string& date = snap.conference.date;
    SessionRecorder rec(engine, kConference);

    // Opening at 08:00; everyone but three absentees ticked present, plus the head count.
    rec.add(proto::SessionStart{at(date, 8, 0)});
    int present = 0;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const bool here = i % 9 != 4;
        present += here ? 1 : 0;
        rec.add(proto::AttendanceSet{people[i].id, here});
    }
    rec.add(proto::HeadCount{present});
    rec.commit(at(date, 8, 5));

    // Fifteen speakers take the floor in turn, spread through the list; four others hand in paper.
    constexpr int kSpeakers = 15;
    std::vector<const Participant*> speakers;
    std::vector<const Participant*> writers;
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (i % 9 == 4) continue;  // absent
        if (static_cast<int>(speakers.size()) < kSpeakers && i % 4 != 3) {
            speakers.push_back(&people[i]);
        } else if (writers.size() < 4) {
            writers.push_back(&people[i]);
        }
    }
    for (std::size_t i = speakers.size();
         i < people.size() && static_cast<int>(speakers.size()) < kSpeakers; ++i) {
        speakers.push_back(&people[i]);
    }
    while (writers.size() < 4) writers.push_back(speakers[writers.size()]);

    for (int s = 0; s < kSpeakers; ++s) {
        rec.add(proto::QueueAdd{"demo-turn-" + std::to_string(s + 1),
                                speakers[static_cast<std::size_t>(s)]->id,
                                static_cast<double>(s + 1)});
    }
    rec.commit(at(date, 8, 20));

    const auto& lines = script();
    static constexpr std::array<int, kSpeakers> kMinutes = {9, 7, 11, 8, 10, 8, 6, 7,
                                                            5, 8, 6,  9, 7,  6, 8};
    int minute = 8 * 60 + 30;  // after the opening report
    std::vector<std::string> ids(lines.size());
    for (int s = 0; s < kSpeakers; ++s) {
        const std::string turn = "demo-turn-" + std::to_string(s + 1);
        const int start = minute;
        const int end = minute + kMinutes[static_cast<std::size_t>(s)];
        rec.add(proto::TurnStart{turn, at(date, start / 60, start % 60)});
        rec.commit(at(date, start / 60, start % 60));
        int typed = 0;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            if (lines[k].speaker != s) continue;
            const Line& l = lines[k];
            Comment c;
            c.id = commentId(k);
            ids[k] = c.id;
            c.conferenceId = kConference;
            c.participantId = speakers[static_cast<std::size_t>(s)]->id;
            c.turnId = turn;
            c.kind = l.kind;
            c.text = l.text;
            const Section* section = outline.pick(l.part, l.topic, k);
            if (section != nullptr) c.sections.push_back(section->code);
            if (l.wording != nullptr)
                c.proposed = ProposedWording{l.wording, locationOf(outline, section, l)};
            c.paragraph = paragraphOf(welcome, section, l);
            rec.add(proto::CommentCreate{c});
            rec.commit(at(date, start / 60, start % 60, 50 + 40 * typed++));
        }
        const int seconds = (s * 23 + 11) % 60;
        rec.add(proto::TurnStop{turn, at(date, end / 60, end % 60, seconds)});
        rec.commit(at(date, end / 60, end % 60, seconds));
        minute = end + 1;
    }

    // Written submissions recorded after the floor closes.
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.speaker >= 0) continue;
        Comment c;
        c.id = commentId(k);
        ids[k] = c.id;
        c.conferenceId = kConference;
        c.participantId = writers[static_cast<std::size_t>(-l.speaker - 1)]->id;
        c.kind = l.kind;
        c.text = l.text;
        c.written = true;
        const Section* section = outline.pick(l.part, l.topic, k);
        if (section != nullptr) c.sections.push_back(section->code);
        if (l.wording != nullptr)
            c.proposed = ProposedWording{l.wording, locationOf(outline, section, l)};
        c.paragraph = paragraphOf(welcome, section, l);
        rec.add(proto::CommentCreate{c});
    }
    rec.commit(at(date, minute / 60, minute % 60 + 2));

    // The chair marks points for the closing remarks, then the session ends.
    for (std::size_t k : {std::size_t{5}, std::size_t{12}, std::size_t{29}}) {
        if (k < ids.size()) rec.add(proto::CommentFlag{ids[k], true});
    }
    const int close = minute + 15;
    rec.add(proto::SessionEnd{at(date, close / 60, close % 60)});
    rec.commit(at(date, close / 60, close % 60));
}

}  // namespace gopy::server::demo
