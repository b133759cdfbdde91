#include "sample_data.h"

#include <array>
#include <vector>

namespace gopy::testing {

namespace {

constexpr std::array<const char*, 48> kWords = {
    "phát",   "triển", "kinh", "tế",    "đô",    "thị",   "văn",   "minh", "hiện",  "đại",
    "nâng",   "cao",   "chất", "lượng", "cuộc",  "sống",  "Nhân",  "dân",  "quận",  "Ba",
    "Đình",   "xây",   "dựng", "Đảng",  "chính", "quyền", "trong", "sạch", "vững",  "mạnh",
    "chuyển", "đổi",   "số",   "cải",   "cách",  "hành",  "chính", "quốc", "phòng", "an",
    "ninh",   "giữ",   "vững", "ổn",    "định",  "bền",   "vững",  "nhiệm"};

std::uint32_t next(std::uint32_t& s) {
    s = s * 1664525U + 1013904223U;
    return s >> 8;
}

}  // namespace

std::string vietnameseWords(std::uint32_t seed, int words) {
    std::string out;
    for (int i = 0; i < words; ++i) {
        if (i > 0) out += ' ';
        out += kWords[next(seed) % kWords.size()];
    }
    out += '.';
    return out;
}

std::string vietnameseAlphabet() {
    // Each vowel with its five tones (huyền, sắc, hỏi, ngã, nặng) as one group; groups of
    // single letters separated by spaces read as letter-spaced text to pdftotext.
    return "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ "
           "bcdđghklmnpqrstvx "
           "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ "
           "BCDĐGHKLMNPQRSTVX";
}

proto::Welcome sampleWelcome(int conferences) {
    proto::Welcome w;
    w.role = Role::Organiser;
    Campaign& c = w.campaign;
    c.title = "Lấy ý kiến góp ý vào Dự thảo văn kiện Đại hội XXVII Đảng bộ quận Ba Đình";
    c.draftTitle = "Dự thảo Báo cáo chính trị Đại hội đại biểu lần thứ XXVII Đảng bộ quận Ba Đình";
    c.planNumber = "273-KH/QU";
    c.letterhead = Letterhead{"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
                              "QUẬN ỦY BA ĐÌNH",
                              "QU",
                              "Ba Đình",
                              "T/M BAN THƯỜNG VỤ",
                              "PHÓ BÍ THƯ THƯỜNG TRỰC",
                              "Nguyễn Công Thành",
                              {"- Thường trực Thành ủy,", "- Ban Tuyên giáo Thành ủy,",
                               "- Thường trực Quận ủy,", "- Lưu VPQU."}};
    int ord = 0;
    auto add = [&](std::string code, std::string parent, int level, std::string label,
                   std::string title) {
        w.sections.push_back(Section{std::move(code), std::move(parent), level, ++ord,
                                     std::move(label), std::move(title)});
    };
    add("I", "", 1, "Phần I.", "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI XXVI NHIỆM KỲ 2020–2025");
    add("I.1", "I", 2, "1.", "Về phát triển kinh tế");
    add("I.2", "I", 2, "2.", "Về quản lý đô thị, môi trường");
    add("I.3", "I", 2, "3.", "Về văn hóa, xã hội");
    add("II", "", 1, "Phần II.", "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025–2030");
    add("II.1", "II", 2, "1.", "Mục tiêu tổng quát");
    add("II.2", "II", 2, "2.", "Các chỉ tiêu chủ yếu");
    add("II.2.a", "II.2", 3, "a)", "Chỉ tiêu kinh tế");
    add("II.3", "II", 2, "3.", "Nhiệm vụ, giải pháp về xây dựng Đảng");
    add("III", "", 1, "Phần III.", "TỔ CHỨC THỰC HIỆN");
    for (int i = 1; i <= conferences; ++i) {
        Conference conf;
        conf.id = i;
        conf.title = "Hội nghị lấy ý kiến góp ý số " + std::to_string(i);
        conf.chairBody = "Ban Thường vụ Quận ủy";
        conf.audience = "các ban Đảng và Văn phòng Thành ủy, MTTQ và các đoàn thể";
        conf.date = "2025-03-14";
        conf.place = "Hội trường Quận ủy Ba Đình";
        conf.chairPerson = "Nguyễn Công Thành";
        conf.state = ConferenceState::Concluded;
        w.conferences.push_back(conf);
    }
    Conference pub;
    pub.id = 100;
    pub.title = "Ý kiến của Nhân dân qua Cổng thông tin điện tử quận";
    pub.channel = Channel::Public;
    w.conferences.push_back(pub);
    return w;
}

proto::Snapshot sampleSnapshot(const proto::Welcome& welcome, std::int64_t id, int speakers,
                               int comments, int wordsPerComment) {
    proto::Snapshot s;
    for (const Conference& c : welcome.conferences) {
        if (c.id == id) s.conference = c;
    }
    // 08:00 Việt Nam time on 14/3/2025
    const Millis start = 1741914000000LL;
    s.conference.startedAt = start;
    s.conference.endedAt = start + 3LL * 3600 * 1000;
    const std::array<const char*, 6> given = {"An", "Bình", "Cúc", "Dũng", "Hạnh", "Lan"};
    const std::array<const char*, 5> family = {"Nguyễn Văn", "Trần Thị", "Lê Quang", "Phạm Minh",
                                               "Đỗ Thị"};
    for (int i = 0; i < speakers + 5; ++i) {
        Participant p;
        p.id = "p" + std::to_string(id) + "-" + std::to_string(i + 1);
        p.conferenceId = id;
        p.fullName = std::string(family[static_cast<std::size_t>(i) % family.size()]) + " " +
                     given[static_cast<std::size_t>(i) % given.size()] + " " +
                     std::to_string(i + 1);
        p.title = "Phó Trưởng ban số " + std::to_string(i + 1);
        p.organisation = "Ban Tuyên giáo Thành ủy";
        p.present = i % 7 != 6;
        s.participants.push_back(p);
    }
    for (int i = 0; i < speakers; ++i) {
        Turn t;
        t.id = "t" + std::to_string(id) + "-" + std::to_string(i + 1);
        t.conferenceId = id;
        t.participantId = s.participants[static_cast<std::size_t>(i)].id;
        t.position = i + 1;
        t.state = TurnState::Done;
        t.startedAt = start + (i + 1) * 600000LL;
        t.endedAt = t.startedAt + 300000LL + i * 1000LL;
        s.turns.push_back(t);
    }
    std::vector<std::string> codes;
    for (const Section& sec : welcome.sections) codes.push_back(sec.code);
    const std::array<CommentKind, 6> kinds = {CommentKind::Agreement,      CommentKind::Addition,
                                              CommentKind::Amendment,      CommentKind::Deletion,
                                              CommentKind::Recommendation, CommentKind::Other};
    for (int i = 0; i < comments; ++i) {
        Comment c;
        c.id = "c" + std::to_string(id) + "-" + std::to_string(i + 1);
        c.conferenceId = id;
        const bool written = i % 10 == 9;
        c.participantId =
            s.participants[static_cast<std::size_t>(written ? speakers + (i % 5) : i % speakers)]
                .id;
        c.written = written;
        c.kind = kinds[static_cast<std::size_t>(i) % kinds.size()];
        if (i % 13 != 0)
            c.sections.push_back(codes[static_cast<std::size_t>(i * 7) % codes.size()]);
        c.text = "Ý kiến " + std::to_string(id) + "-" + std::to_string(i + 1) + ": " +
                 vietnameseWords(static_cast<std::uint32_t>(id * 100000 + i), wordsPerComment - 2);
        if (c.kind == CommentKind::Amendment) {
            c.proposed = ProposedWording{
                "Đề nghị ghi: " + vietnameseWords(static_cast<std::uint32_t>(i), 12),
                "Phần II, mục 1, đoạn 2, trang 14, dòng 5"};
        }
        c.rev = 1;
        c.createdAt = start + i * 1000LL;
        c.updatedAt = c.createdAt;
        s.comments.push_back(c);
    }
    return s;
}

}  // namespace gopy::testing
