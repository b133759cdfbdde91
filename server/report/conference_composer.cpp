// The per-meeting synthesis (báo cáo tổng hợp ý kiến của một hội nghị).
#include <algorithm>
#include <array>
#include <ranges>
#include <string>
#include <unordered_map>

#include "server/report/compose_parts.h"
#include "server/report/date_words.h"
#include "server/report/report_composer.h"

namespace gopy::server::report {

using namespace compose;

std::vector<Block> ReportComposer::conference(const ConferenceReport& r, const PageGeometry& g) {
    std::vector<Block> out;
    const Conference& conf = r.conference;
    appendLetterhead(out, r.heading, g);
    appendTitle(out, "Tổng hợp ý kiến góp ý vào " + r.heading.draftTitle + " tại " + conf.title);

    const std::string day = numericDate(parseIsoDate(conf.date));
    out.emplace_back(para({Run{
        "Thực hiện Kế hoạch số " + r.heading.planNumber +
            " về tổ chức thảo luận, lấy ý kiến góp ý và tổng hợp ý kiến góp ý vào " +
            r.heading.draftTitle + ", " + (day.empty() ? std::string() : "ngày " + day + ", ") +
            conf.chairBody + " đã tổ chức " + conf.title +
            ". Kết quả tổng hợp ý kiến góp ý tại Hội nghị như sau:",
        Face::Regular}}));

    // I
    out.emplace_back(heading("I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ"));
    std::string when = day.empty() ? std::string("chưa ghi") : "ngày " + day;
    if (r.sessionStart > 0 && r.sessionEnd > r.sessionStart) {
        when += ", từ " + clockTime(r.sessionStart) + " đến " + clockTime(r.sessionEnd);
    } else if (!conf.time.empty()) {
        when += ", khai mạc lúc " + conf.time;
    }
    out.emplace_back(para({Run{"- Thời gian: ", Face::Bold}, Run{when + ".", Face::Regular}}));
    out.emplace_back(para(
        {Run{"- Địa điểm: ", Face::Bold},
         Run{(conf.place.empty() ? std::string("chưa ghi") : conf.place) + ".", Face::Regular}}));
    std::string chair = conf.chairPerson.empty() ? conf.chairBody : "Đồng chí " + conf.chairPerson;
    if (!conf.chairPerson.empty() && !conf.chairBody.empty())
        chair += " (thay mặt " + conf.chairBody + ")";
    out.emplace_back(para({Run{"- Chủ trì: ", Face::Bold}, Run{chair + ".", Face::Regular}}));
    if (!conf.audience.empty()) {
        out.emplace_back(
            para({Run{"- Thành phần: ", Face::Bold}, Run{conf.audience + ".", Face::Regular}}));
    }
    out.emplace_back(para(
        {Run{"- Số đại biểu có mặt: ", Face::Bold},
         Run{count(r.present) + "/" + count(r.invited) + " đại biểu được mời.", Face::Regular}}));
    out.emplace_back(
        para({Run{"- Số đại biểu phát biểu: ", Face::Bold},
              Run{count(r.speakers) + " đại biểu; số ý kiến bằng văn bản: " +
                      count(r.writtenSubmissions) + " ý kiến của " + count(r.writtenAuthors) +
                      " đại biểu; tổng số ý kiến được ghi nhận: " + count(r.counts.total()) + ".",
                  Face::Regular}}));

    // II
    out.emplace_back(heading("II. KẾT QUẢ GÓP Ý VÀO DỰ THẢO"));
    out.emplace_back(heading("1. Đánh giá chung", Face::Bold, 2, 2));
    std::string general = "Có " + count(r.contributors) +
                          " đại biểu tham gia góp ý (phát biểu hoặc bằng văn bản), trong đó " +
                          count(r.agreeing) + "/" + count(r.contributors) +
                          " đại biểu bày tỏ sự nhất trí với Dự thảo. Tổng số " +
                          count(r.counts.total()) + " ý kiến";
    const std::string sentence = countsSentence(r.counts);
    general += sentence.empty() ? "." : ": " + sentence + ".";
    out.emplace_back(para({Run{general, Face::Regular}}));
    if (!r.general.empty()) {
        ParagraphStyle labelStyle = body();
        labelStyle.keepWithNext = true;
        out.emplace_back(para({Run{"Ý kiến về toàn văn Dự thảo (" +
                                       count(static_cast<int>(r.general.size())) + " ý kiến):",
                                   Face::Italic}},
                              labelStyle));
        for (std::size_t i : r.general) appendComment(out, r.comments[i], "- ", "");
    }

    out.emplace_back(heading("2. Ý kiến góp ý vào từng phần, mục của Dự thảo", Face::Bold, 2, 2));
    if (r.sections.empty()) {
        out.emplace_back(
            para({Run{"Không có ý kiến góp ý vào phần, mục cụ thể của Dự thảo.", Face::Regular}}));
    }
    std::vector<std::string> printed;
    for (const SectionGroup& g2 : r.sections) {
        appendSectionHeadings(out, r.outline, g2.section, printed);
        out.emplace_back(
            para({Run{"Có " + count(g2.counts.total()) + " ý kiến của " + count(g2.contributors) +
                          " đại biểu: " + countsSentence(g2.counts) + ".",
                      Face::Regular}}));
        const int majority = g2.counts.of(CommentKind::Agreement);
        for (CommentKind k : kKinds) {
            // recommendations are reported together in part III
            if (k == CommentKind::Recommendation || g2.counts.of(k) == 0) continue;
            std::string label = kindLabel(k) + " (" + count(g2.counts.of(k)) + " ý kiến)";
            if (k != CommentKind::Agreement && 2 * majority > g2.counts.total()) {
                label += " – ý kiến thiểu số";
            }
            ParagraphStyle labelStyle = body();
            labelStyle.keepWithNext = true;
            out.emplace_back(para({Run{label + ":", Face::Italic}}, labelStyle));
            for (std::size_t i : g2.comments) {
                if (r.comments[i].kind == k) appendComment(out, r.comments[i], "- ", "");
            }
        }
        if (g2.counts.of(CommentKind::Recommendation) > 0) {
            out.emplace_back(para(
                {Run{"Kiến nghị, đề xuất (" + count(g2.counts.of(CommentKind::Recommendation)) +
                         " ý kiến): xem mục III.",
                     Face::Italic}}));
        }
    }

    // III
    out.emplace_back(heading("III. ĐỀ XUẤT, KIẾN NGHỊ"));
    if (r.recommendations.empty()) {
        out.emplace_back(para({Run{"Không có đề xuất, kiến nghị.", Face::Regular}}));
    }
    for (std::size_t i : r.recommendations) {
        const CommentEntry& e = r.comments[i];
        appendComment(out, e, "- ",
                      e.sectionCodes.empty() ? std::string() : locationsOf(r.outline, e));
    }
    out.emplace_back(para({Run{"Trên đây là tổng hợp ý kiến góp ý vào " + r.heading.draftTitle +
                                   " tại " + conf.title + "./.",
                               Face::Regular}}));
    appendSignature(out, r.heading, g);

    // Appendix 1: speakers
    appendAppendixTitle(out, "PHỤ LỤC 1", "DANH SÁCH ĐẠI BIỂU PHÁT BIỂU VÀ GỬI Ý KIẾN BẰNG VĂN BẢN",
                        r.heading);
    Table speakers;
    const double w = g.bodyWidth();
    speakers.widths = {32, 118, w - 32 - 118 - 92 - 55, 92, 55};
    speakers.header = {{{Run{"STT"}}, Align::Centre},
                       {{Run{"Họ và tên"}}, Align::Centre},
                       {{Run{"Chức danh, đơn vị"}}, Align::Centre},
                       {{Run{"Thời gian phát biểu"}}, Align::Centre},
                       {{Run{"Số ý kiến"}}, Align::Centre}};
    for (std::size_t i = 0; i < r.speakerList.size(); ++i) {
        const SpeakerEntry& s = r.speakerList[i];
        std::string role = s.title;
        if (!s.organisation.empty() && s.title.find(s.organisation) == std::string::npos) {
            role += role.empty() ? s.organisation : ", " + s.organisation;
        }
        speakers.rows.push_back(
            {{{Run{count(static_cast<int>(i + 1))}}, Align::Centre},
             {{Run{s.name.empty() ? std::string("Không ghi tên") : s.name}}, Align::Left},
             {{Run{role}}, Align::Left},
             {{Run{s.spoke ? durationInWords(s.spokenMs) : std::string("Bằng văn bản")}},
              Align::Centre},
             {{Run{count(s.comments)}}, Align::Centre}});
    }
    out.emplace_back(std::move(speakers));

    // Appendix 2: every comment
    appendAppendixTitle(out, "PHỤ LỤC 2", "BẢNG TỔNG HỢP Ý KIẾN GÓP Ý", r.heading);
    Table all;
    all.size = 11;
    all.widths = {30, 76, 98, 62, w - 30 - 76 - 98 - 62};
    all.header = {{{Run{"STT"}}, Align::Centre},
                  {{Run{"Vị trí trong Dự thảo"}}, Align::Centre},
                  {{Run{"Người góp ý"}}, Align::Centre},
                  {{Run{"Loại ý kiến"}}, Align::Centre},
                  {{Run{"Nội dung (trích)"}}, Align::Centre}};
    for (const CommentEntry& e : r.comments) {
        std::string kind = kindLabel(e.kind);
        if (e.written) kind += "\n(văn bản)";
        all.rows.push_back({{{Run{count(e.number)}}, Align::Centre},
                            {{Run{locationsOf(r.outline, e)}}, Align::Left},
                            {{Run{speakerCell(e)}}, Align::Left},
                            {{Run{kind}}, Align::Left},
                            {{Run{contentCell(e)}}, Align::Left}});
    }
    out.emplace_back(std::move(all));
    return out;
}

}  // namespace gopy::server::report
