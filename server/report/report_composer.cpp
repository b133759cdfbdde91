#include "server/report/report_composer.h"

#include <algorithm>
#include <array>
#include <ranges>
#include <string>
#include <unordered_map>

#include "server/report/date_words.h"

namespace gopy::server::report {

namespace {

constexpr double kCm = 72 / 2.54;
constexpr double kBody = 14;
constexpr double kIndent = 1 * kCm;

constexpr std::array<CommentKind, kKindCount> kKinds = {
    CommentKind::Agreement, CommentKind::Addition,       CommentKind::Amendment,
    CommentKind::Deletion,  CommentKind::Recommendation, CommentKind::Other};

ParagraphStyle body() {
    ParagraphStyle s;
    s.size = kBody;
    s.align = Align::Justify;
    s.firstIndent = kIndent;
    s.spaceAfter = 6;
    return s;
}

ParagraphStyle centred(double size, double spaceBefore = 0, double spaceAfter = 0) {
    ParagraphStyle s;
    s.size = size;
    s.align = Align::Centre;
    s.spaceBefore = spaceBefore;
    s.spaceAfter = spaceAfter;
    s.leading = 1.2;
    return s;
}

Paragraph para(std::vector<Run> runs, ParagraphStyle style = body()) {
    return Paragraph{std::move(runs), style};
}

Paragraph heading(const std::string& text, Face face = Face::Bold, double spaceBefore = 6,
                  int outlineLevel = 1) {
    ParagraphStyle s = body();
    s.keepWithNext = true;
    s.spaceBefore = spaceBefore;
    s.outlineLevel = outlineLevel;
    return Paragraph{{Run{text, face}}, s};
}

std::string count(int n) { return std::to_string(n); }

/// "(12) Đồng chí Nguyễn Văn An (Phó Chủ tịch …)" as runs; `comrade` false for sources whose
/// authors are not all Party members (the combined synthesis names people plainly).
void appendAuthor(std::vector<Run>& runs, const CommentEntry& e, const std::string& prefix,
                  bool comrade) {
    runs.push_back(Run{prefix + "(" + count(e.number) + ") ", Face::Regular});
    if (e.speaker.empty()) {
        runs.push_back(Run{"Ý kiến không ghi tên", Face::Bold});
    } else {
        runs.push_back(Run{comrade ? "Đồng chí " + e.speaker : e.speaker, Face::Bold});
    }
    std::string who = e.speakerTitle;
    if (!e.organisation.empty() && e.speakerTitle.find(e.organisation) == std::string::npos) {
        who += who.empty() ? e.organisation : ", " + e.organisation;
    }
    if (!who.empty()) runs.push_back(Run{" (" + who + ")", Face::Italic});
    if (e.written) runs.push_back(Run{" – ý kiến bằng văn bản", Face::Italic});
    if (e.outsideWindow) {
        std::string when = e.submittedAt.substr(0, 10);
        const std::string day = numericDate(parseIsoDate(when));
        runs.push_back(
            Run{" – gửi ngoài thời gian lấy ý kiến" + (day.empty() ? "" : " (" + day + ")"),
                Face::Italic});
    }
}

/// The comment as a paragraph, and its proposed wording verbatim as a second one.
void appendComment(std::vector<Block>& out, const CommentEntry& e, const std::string& prefix,
                   const std::string& where, bool comrade = true) {
    std::vector<Run> runs;
    appendAuthor(runs, e, prefix, comrade);
    if (!where.empty()) runs.push_back(Run{" [" + where + "]", Face::Regular});
    runs.push_back(Run{": " + e.text, Face::Regular});
    out.emplace_back(para(std::move(runs)));
    if (e.proposed) {
        ParagraphStyle s = body();
        s.leftIndent = kIndent;
        s.firstIndent = 0;
        std::vector<Run> p;
        p.push_back(Run{"Đề nghị sửa thành: ", Face::Italic});
        p.push_back(Run{"“" + e.proposed->wording + "”", Face::Regular});
        if (!e.proposed->location.empty()) {
            p.push_back(Run{" (vị trí: " + e.proposed->location + ")", Face::Italic});
        }
        out.emplace_back(para(std::move(p), s));
    }
}

void appendLetterhead(std::vector<Block>& out, const Heading& h, const PageGeometry& g) {
    const double leftWidth = g.bodyWidth() * 0.45;
    Columns c;
    Columns::Column left{0, leftWidth, {}};
    left.paragraphs.push_back(para({Run{h.letterhead.parentBody, Face::Regular}}, centred(14)));
    left.paragraphs.push_back(para({Run{h.letterhead.issuingBody, Face::Bold}}, centred(14)));
    left.paragraphs.push_back(para({Run{"*", Face::Regular}}, centred(14)));
    left.paragraphs.push_back(para({Run{h.number, Face::Regular}}, centred(14)));
    Columns::Column right{leftWidth, g.bodyWidth() - leftWidth, {}};
    ParagraphStyle motto = centred(15);
    motto.underline = true;
    right.paragraphs.push_back(para({Run{"ĐẢNG CỘNG SẢN VIỆT NAM", Face::Bold}}, motto));
    ParagraphStyle date = centred(14, 26);
    right.paragraphs.push_back(para({Run{h.placeAndDate, Face::Italic}}, date));
    c.columns = {std::move(left), std::move(right)};
    c.spaceAfter = 12;
    out.emplace_back(std::move(c));
}

void appendTitle(std::vector<Block>& out, const std::string& subject,
                 const std::string& type = "BÁO CÁO") {
    out.emplace_back(para({Run{type, Face::Bold}}, centred(16, 12, 2)));
    out.emplace_back(para({Run{subject, Face::Bold}}, centred(14)));
    out.emplace_back(Rule{70, 4, 14});
}

void appendSignature(std::vector<Block>& out, const Heading& h, const PageGeometry& g) {
    const double leftWidth = g.bodyWidth() * 0.5;
    Columns c;
    Columns::Column left{0, leftWidth, {}};
    ParagraphStyle label;
    label.size = 12;
    label.align = Align::Left;
    label.leading = 1.15;
    label.spaceBefore = 6;
    left.paragraphs.push_back(para({Run{"Nơi nhận:", Face::BoldItalic}}, label));
    ParagraphStyle line = label;
    line.size = 11;
    line.spaceBefore = 0;
    for (const std::string& r : h.letterhead.recipients) {
        left.paragraphs.push_back(para({Run{r, Face::Regular}}, line));
    }
    Columns::Column right{leftWidth, g.bodyWidth() - leftWidth, {}};
    right.paragraphs.push_back(
        para({Run{h.letterhead.signerOnBehalf, Face::Bold}}, centred(14, 6)));
    right.paragraphs.push_back(
        para({Run{h.letterhead.signerRole, Face::Bold}}, centred(14, 0, 64)));
    right.paragraphs.push_back(para({Run{h.letterhead.signerName, Face::Bold}}, centred(14)));
    c.columns = {std::move(left), std::move(right)};
    out.emplace_back(std::move(c));
}

void appendAppendixTitle(std::vector<Block>& out, const std::string& label,
                         const std::string& title, const Heading& h) {
    out.emplace_back(PageBreak{});
    out.emplace_back(para({Run{label, Face::Bold}}, centred(14)));
    out.emplace_back(para({Run{title, Face::Bold}}, centred(14)));
    std::string number = h.number;
    if (number.rfind("Số", 0) == 0) number.replace(0, std::string("Số").size(), "số");
    out.emplace_back(
        para({Run{"(Kèm theo Báo cáo " + number + ", " + h.placeAndDate + ")", Face::Italic}},
             centred(13, 2, 10)));
}

/// "7/12 ý kiến nhất trí; 2/12 ý kiến đề nghị bổ sung; …" for a section.
std::string countsSentence(const KindCounts& counts) {
    std::string s;
    const int total = counts.total();
    for (CommentKind k : kKinds) {
        if (counts.of(k) == 0) continue;
        if (!s.empty()) s += "; ";
        s += count(counts.of(k)) + "/" + count(total) + " ý kiến " + ReportComposer::kindPhrase(k);
    }
    return s;
}

std::string speakerCell(const CommentEntry& e) {
    std::string who = e.speaker.empty() ? "Không ghi tên" : e.speaker;
    if (!e.speakerTitle.empty()) who += "\n" + e.speakerTitle;
    return who;
}

/// The opening words of a comment, verbatim: part II quotes every comment in full, so the
/// appendix table only has to identify it (and stays a fraction of the document's length).
std::string excerpt(const std::string& text, std::size_t words) {
    std::size_t count = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool space = text[i] == ' ' || text[i] == '\n';
        if (!space && !inWord && ++count > words) return text.substr(0, i) + "…";
        inWord = !space;
    }
    return text;
}

std::string contentCell(const CommentEntry& e) {
    std::string text = excerpt(e.text, 16);
    if (e.proposed) text += "\nCó đề nghị sửa câu chữ (trích nguyên văn tại mục II).";
    return text;
}

std::string locationsOf(const std::vector<Section>& outline, const CommentEntry& e) {
    if (e.sectionCodes.empty()) return "Toàn văn Dự thảo";
    std::string s;
    for (const std::string& code : e.sectionCodes) {
        if (!s.empty()) s += "; ";
        s += ReportComposer::location(outline, code);
    }
    return s;
}

/// Headings of the outline nodes above `pos` not printed yet, then the node's own heading.
void appendSectionHeadings(std::vector<Block>& out, const std::vector<Section>& outline,
                           const Section& section, std::vector<std::string>& printed) {
    std::vector<const Section*> chain;
    std::unordered_map<std::string, const Section*> byCode;
    for (const Section& s : outline) byCode.emplace(s.code, &s);
    for (const Section* s = &section; s != nullptr;) {
        chain.push_back(s);
        auto it = byCode.find(s->parentCode);
        s = (s->parentCode.empty() || it == byCode.end()) ? nullptr : it->second;
    }
    std::reverse(chain.begin(), chain.end());
    for (const Section* s : chain) {
        if (std::find(printed.begin(), printed.end(), s->code) != printed.end()) continue;
        printed.push_back(s->code);
        const Face face = s->level <= 1   ? Face::Bold
                          : s->level == 2 ? Face::BoldItalic
                                          : Face::Italic;
        std::string label = s->label;
        // "Phần I" reads "Phần I. …"; labels like "1." and "a)" carry their own punctuation
        if (!label.empty() && label.back() != '.' && label.back() != ')' && label.back() != ':')
            label += '.';
        out.emplace_back(heading(label + " " + s->title, face, 4, std::min(s->level + 1, 3)));
    }
}

}  // namespace

std::string ReportComposer::kindPhrase(CommentKind kind) {
    switch (kind) {
        case CommentKind::Agreement:
            return "nhất trí";
        case CommentKind::Addition:
            return "đề nghị bổ sung";
        case CommentKind::Amendment:
            return "đề nghị sửa đổi";
        case CommentKind::Deletion:
            return "đề nghị bỏ";
        case CommentKind::Recommendation:
            return "kiến nghị, đề xuất";
        case CommentKind::Other:
            return "khác";
    }
    return "khác";
}

std::string ReportComposer::kindLabel(CommentKind kind) {
    switch (kind) {
        case CommentKind::Agreement:
            return "Nhất trí";
        case CommentKind::Addition:
            return "Bổ sung";
        case CommentKind::Amendment:
            return "Sửa đổi";
        case CommentKind::Deletion:
            return "Đề nghị bỏ";
        case CommentKind::Recommendation:
            return "Kiến nghị, đề xuất";
        case CommentKind::Other:
            return "Ý kiến khác";
    }
    return "Ý kiến khác";
}

std::string ReportComposer::location(const std::vector<Section>& outline, const std::string& code) {
    std::unordered_map<std::string, const Section*> byCode;
    for (const Section& s : outline) byCode.emplace(s.code, &s);
    auto it = byCode.find(code);
    if (it == byCode.end()) return code;
    std::vector<const Section*> chain;
    for (const Section* s = it->second; s != nullptr;) {
        chain.push_back(s);
        auto parent = byCode.find(s->parentCode);
        s = (s->parentCode.empty() || parent == byCode.end()) ? nullptr : parent->second;
    }
    std::string out;
    for (auto& s : std::ranges::reverse_view(chain)) {
        std::string label = s->label;
        while (!label.empty() && (label.back() == '.' || label.back() == ')')) label.pop_back();
        if (!out.empty()) out += ", ";
        if (s->level == 2) out += "mục ";
        if (s->level >= 3) out += "điểm ";
        out += label;
    }
    return out;
}

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

std::vector<Block> ReportComposer::acceptance(const AcceptanceReport& r, const PageGeometry& g) {
    std::vector<Block> out;
    appendLetterhead(out, r.heading, g);
    appendTitle(out, "Tiếp thu, giải trình ý kiến góp ý vào " + r.heading.draftTitle,
                "BẢNG TỔNG HỢP");
    int groups = 0;
    for (const AcceptanceRow& a : r.rows) groups += a.groupId.empty() ? 0 : 1;
    out.emplace_back(
        para({Run{"Thực hiện Kế hoạch số " + r.heading.planNumber +
                      ", Tổ biên tập tổng hợp việc tiếp thu, giải trình ý kiến góp ý "
                      "vào " +
                      r.heading.draftTitle + " như sau. " + acceptanceSummary(r.byDecision, groups),
                  Face::Regular}}));
    if (r.rows.empty()) {
        out.emplace_back(
            para({Run{"Chưa có ý kiến góp ý vào phần, mục cụ thể của Dự thảo.", Face::Regular}}));
    } else {
        out.emplace_back(acceptanceTable(r.rows, g));
    }
    appendSignature(out, r.heading, g);
    return out;
}

std::string ReportComposer::acceptanceSummary(const std::array<int, 4>& byDecision, int groups) {
    int total = 0;
    for (int n : byDecision) total += n;
    std::string s = "Có " + count(total) + " nội dung cần tiếp thu, giải trình (" + count(groups) +
                    " nhóm ý kiến giống nhau và " + count(total - groups) + " ý kiến riêng): ";
    const std::array<Acceptance, 4> order = {Acceptance::Accepted, Acceptance::Partly,
                                             Acceptance::NotAccepted, Acceptance::Pending};
    bool first = true;
    for (Acceptance a : order) {
        if (!first) s += "; ";
        first = false;
        s += count(byDecision[static_cast<std::size_t>(a)]) + " " + std::string(labelVi(a));
    }
    return s + ".";
}

std::string ReportComposer::decisionLabel(Acceptance decision) {
    switch (decision) {
        case Acceptance::Accepted:
            return "Tiếp thu";
        case Acceptance::Partly:
            return "Tiếp thu một phần";
        case Acceptance::NotAccepted:
            return "Không tiếp thu";
        case Acceptance::Pending:
            return "Chưa xem xét";
    }
    return "Chưa xem xét";
}

Table ReportComposer::acceptanceTable(const std::vector<AcceptanceRow>& rows, const PageGeometry& g,
                                      std::size_t excerptWords) {
    Table t;
    t.size = 11;
    const double w = g.bodyWidth();
    t.widths = {28, 82, w - 28 - 82 - 92 - 58 - 92, 92, 58, 92};
    t.header = {{{Run{"STT"}}, Align::Centre},
                {{Run{"Vị trí trong Dự thảo"}}, Align::Centre},
                {{Run{"Nội dung ý kiến"}}, Align::Centre},
                {{Run{"Người góp ý (số ý kiến)"}}, Align::Centre},
                {{Run{"Tiếp thu"}}, Align::Centre},
                {{Run{"Giải trình"}}, Align::Centre}};
    t.rows.reserve(rows.size());
    for (const AcceptanceRow& a : rows) {
        t.rows.push_back(
            {{{Run{count(a.number)}}, Align::Centre},
             {{Run{a.location}}, Align::Left},
             {{Run{excerptWords > 0 ? excerpt(a.comment, excerptWords) : a.comment}}, Align::Left},
             {{Run{a.who + " (" + count(a.howMany) + ")"}}, Align::Left},
             {{Run{decisionLabel(a.decision)}}, Align::Left},
             {{Run{a.reason}}, Align::Left}});
    }
    return t;
}

}  // namespace gopy::server::report
