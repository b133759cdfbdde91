// The combined synthesis across every conference and channel.
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

std::vector<Block> ReportComposer::combined(const CombinedReport& r, const PageGeometry& g) {
    std::vector<Block> out;
    appendLetterhead(out, r.heading, g);
    appendTitle(out, "Tổng hợp chung ý kiến góp ý vào " + r.heading.draftTitle);
    out.emplace_back(
        para({Run{"Thực hiện Kế hoạch số " + r.heading.planNumber + ", ý kiến góp ý vào " +
                      r.heading.draftTitle +
                      " tại các hội nghị, của Nhân dân và của các tổ chức cơ sở đảng được tổng "
                      "hợp chung như sau:",
                  Face::Regular}}));

    out.emplace_back(heading("I. TÌNH HÌNH LẤY Ý KIẾN"));
    out.emplace_back(para(
        {Run{"Tổng số " + count(r.counts.total()) + " ý kiến của " + count(r.contributors) +
                 " người góp ý từ " + count(static_cast<int>(r.sources.size())) + " nguồn" +
                 (r.counts.total() > 0 ? ": " + countsSentence(r.counts) : std::string()) + ".",
             Face::Regular}}));
    ParagraphStyle listStyle = body();
    listStyle.leftIndent = kIndent;
    listStyle.firstIndent = 0;
    listStyle.spaceAfter = 3;
    int conferenceCount = 0;
    for (const SourceInfo& s : r.sources) conferenceCount += s.channel == Channel::Conference;
    bool conferencesLabelled = false;
    for (const SourceInfo& s : r.sources) {
        const std::string tally = count(s.counts.total()) + " ý kiến của " + count(s.contributors);
        if (s.channel == Channel::Conference) {
            if (!conferencesLabelled) {
                out.emplace_back(heading(
                    "1. Các hội nghị (" + count(conferenceCount) + " hội nghị)", Face::Bold, 2, 2));
                conferencesLabelled = true;
            }
            const std::string day = numericDate(parseIsoDate(s.date));
            std::string line = s.title + (day.empty() ? "" : " (ngày " + day + ")") + ": ";
            line += s.state == ConferenceState::Planned && s.counts.total() == 0
                        ? std::string("chưa tổ chức.")
                        : tally + " đại biểu.";
            out.emplace_back(
                para({Run{"- " + s.name + ": ", Face::Bold}, Run{line, Face::Regular}}));
        } else if (s.channel == Channel::Public) {
            out.emplace_back(heading("2. Ý kiến Nhân dân", Face::Bold, 2, 2));
            std::string window;
            if (!r.publicFrom.empty() && !r.publicTo.empty()) {
                window = ", từ ngày " + numericDate(parseIsoDate(r.publicFrom)) + " đến ngày " +
                         numericDate(parseIsoDate(r.publicTo));
            }
            std::string line = s.title + window + ": " + tally + " người góp ý";
            if (!s.byWard.empty()) {
                line += " thuộc " + count(static_cast<int>(s.byWard.size())) + " phường (";
                for (std::size_t i = 0; i < s.byWard.size(); ++i) {
                    if (i > 0) line += ", ";
                    line += s.byWard[i].first + ": " + count(s.byWard[i].second);
                }
                line += ")";
            }
            line += ".";
            out.emplace_back(para({Run{line, Face::Regular}}));
            if (s.outsideWindow > 0) {
                out.emplace_back(
                    para({Run{"Trong đó " + count(s.outsideWindow) + "/" + count(s.counts.total()) +
                                  " ý kiến gửi ngoài thời gian lấy ý kiến; các ý kiến này vẫn được "
                                  "tổng hợp và được ghi chú tại mục II.",
                              Face::Regular}}));
            }
        } else {
            out.emplace_back(heading("3. Ý kiến của các tổ chức cơ sở đảng", Face::Bold, 2, 2));
            int sent = 0;
            for (const OrganisationEntry& o : s.organisations) sent += o.reportedAt > 0;
            std::string line = s.title + ": " + tally + " tổ chức cơ sở đảng";
            if (!s.organisations.empty()) {
                line += "; " + count(sent) + "/" + count(static_cast<int>(s.organisations.size())) +
                        " tổ chức cơ sở đảng đã gửi báo cáo";
            }
            out.emplace_back(para({Run{line + ".", Face::Regular}}));
            std::string sentList;
            std::string missingList;
            for (const OrganisationEntry& o : s.organisations) {
                if (o.reportedAt > 0) {
                    if (!sentList.empty()) sentList += "; ";
                    sentList += o.name + " (ngày " + numericDate(vietnamDate(o.reportedAt)) + ", " +
                                count(o.comments) + " ý kiến)";
                } else {
                    if (!missingList.empty()) missingList += "; ";
                    const std::string due = numericDate(parseIsoDate(o.due));
                    missingList += o.name + (due.empty() ? "" : " (hạn " + due + ")");
                    if (o.comments > 0) missingList += ", đã nhập " + count(o.comments) + " ý kiến";
                }
            }
            if (!s.organisations.empty()) {
                out.emplace_back(
                    para({Run{"- Đã gửi: ", Face::Bold},
                          Run{(sentList.empty() ? std::string("chưa có") : sentList) + ".",
                              Face::Regular}},
                         listStyle));
                out.emplace_back(
                    para({Run{"- Chưa gửi: ", Face::Bold},
                          Run{(missingList.empty() ? std::string("không còn tổ chức nào")
                                                   : missingList) +
                                  ".",
                              Face::Regular}},
                         listStyle));
            }
        }
    }
    const double w = g.bodyWidth();
    auto countsTable = [&](const std::vector<std::pair<std::string, KindCounts>>& rows) {
        Table t;
        t.size = 11;
        const double each = 46;
        t.widths = {w - 7 * each, each, each, each, each, each, each, each};
        t.header = {{{Run{"Nguồn"}}, Align::Centre}, {{Run{"Tổng số"}}, Align::Centre}};
        for (CommentKind k : kKinds) t.header.push_back({{Run{kindLabel(k)}}, Align::Centre});
        for (const auto& [name, counts] : rows) {
            std::vector<TableCell> row{{{Run{name}}, Align::Left},
                                       {{Run{count(counts.total())}}, Align::Centre}};
            for (CommentKind k : kKinds) row.push_back({{Run{count(counts.of(k))}}, Align::Centre});
            t.rows.push_back(std::move(row));
        }
        return t;
    };
    {
        ParagraphStyle labelStyle = body();
        labelStyle.keepWithNext = true;
        labelStyle.spaceBefore = 4;
        out.emplace_back(
            para({Run{"Số ý kiến theo nguồn và loại ý kiến:", Face::Italic}}, labelStyle));
        std::vector<std::pair<std::string, KindCounts>> rows;
        for (const SourceInfo& s : r.sources) rows.emplace_back(s.name, s.counts);
        rows.emplace_back("Cộng", r.counts);
        out.emplace_back(countsTable(rows));
    }

    out.emplace_back(heading("II. Ý KIẾN GÓP Ý THEO TỪNG PHẦN, MỤC CỦA DỰ THẢO"));
    auto sourceOf = [&](const CommentEntry& e) {
        return e.source < r.sources.size() ? r.sources[e.source].name : std::string();
    };
    if (!r.general.empty()) {
        out.emplace_back(heading(
            "Ý kiến về toàn văn Dự thảo (" + count(static_cast<int>(r.general.size())) + " ý kiến)",
            Face::BoldItalic, 4, 2));
        for (std::size_t i : r.general)
            appendComment(out, r.comments[i], "- [" + sourceOf(r.comments[i]) + "] ", "", false);
    }
    if (r.sections.empty() && r.general.empty()) {
        out.emplace_back(para({Run{"Chưa có ý kiến góp ý.", Face::Regular}}));
    }
    std::vector<std::string> printed;
    for (const SectionGroup& g2 : r.sections) {
        appendSectionHeadings(out, r.outline, g2.section, printed);
        std::string from;
        for (std::size_t s = 0; s < g2.bySource.size() && s < r.sources.size(); ++s) {
            if (g2.bySource[s].total() == 0) continue;
            if (!from.empty()) from += ", ";
            from += r.sources[s].name + ": " + count(g2.bySource[s].total());
        }
        out.emplace_back(
            para({Run{"Có " + count(g2.counts.total()) + " ý kiến của " + count(g2.contributors) +
                          " người góp ý (" + from + "): " + countsSentence(g2.counts) + ".",
                      Face::Regular}}));
        std::vector<std::pair<std::string, KindCounts>> rows;
        for (std::size_t s = 0; s < g2.bySource.size() && s < r.sources.size(); ++s) {
            if (g2.bySource[s].total() > 0) rows.emplace_back(r.sources[s].name, g2.bySource[s]);
        }
        out.emplace_back(countsTable(rows));
        for (std::size_t i : g2.comments) {
            appendComment(out, r.comments[i], "- [" + sourceOf(r.comments[i]) + "] ", "", false);
        }
    }

    if (!r.acceptance.empty()) {
        out.emplace_back(heading("III. TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"));
        std::array<int, 4> byDecision{};
        int groups = 0;
        for (const AcceptanceRow& a : r.acceptance) {
            // a counted row stands for that many comments on their own
            byDecision[static_cast<std::size_t>(a.decision)] += a.counted ? a.howMany : 1;
            groups += a.groupId.empty() ? 0 : 1;
        }
        out.emplace_back(
            para({Run{acceptanceSummary(byDecision, groups) + " Chi tiết tại Phụ lục kèm theo.",
                      Face::Regular}}));
    }
    out.emplace_back(
        para({Run{"Trên đây là tổng hợp chung ý kiến góp ý vào " + r.heading.draftTitle + "./.",
                  Face::Regular}}));
    appendSignature(out, r.heading, g);

    if (!r.acceptance.empty()) {
        appendAppendixTitle(out, "PHỤ LỤC", "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý",
                            r.heading);
        // part II quotes every comment in full: the appendix identifies each by its opening
        // words, as the per-meeting appendix does (the table on its own quotes in full)
        if (std::any_of(r.acceptance.begin(), r.acceptance.end(),
                        [](const AcceptanceRow& a) { return a.counted; })) {
            out.emplace_back(para(
                {Run{"Các ý kiến Tổ biên tập chưa xem xét được ghi gộp một dòng cho mỗi mục; bảng "
                     "tổng hợp tiếp thu, giải trình riêng liệt kê từng ý kiến.",
                     Face::Italic}}));
        }
        out.emplace_back(acceptanceTable(r.acceptance, g, 24));
    }
    return out;
}

}  // namespace gopy::server::report
