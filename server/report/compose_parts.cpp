#include "server/report/compose_parts.h"

#include <algorithm>
#include <ranges>
#include <string>
#include <unordered_map>

#include "server/report/date_words.h"
#include "server/report/report_composer.h"

namespace gopy::server::report::compose {

ParagraphStyle body() {
    ParagraphStyle s;
    s.size = kBody;
    s.align = Align::Justify;
    s.firstIndent = kIndent;
    s.spaceAfter = 6;
    return s;
}

ParagraphStyle centred(double size, double spaceBefore, double spaceAfter) {
    ParagraphStyle s;
    s.size = size;
    s.align = Align::Centre;
    s.spaceBefore = spaceBefore;
    s.spaceAfter = spaceAfter;
    s.leading = 1.2;
    return s;
}

Paragraph para(std::vector<Run> runs, ParagraphStyle style) {
    return Paragraph{std::move(runs), style};
}

Paragraph heading(const std::string& text, Face face, double spaceBefore, int outlineLevel) {
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
                   const std::string& where, bool comrade) {
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

void appendTitle(std::vector<Block>& out, const std::string& subject, const std::string& type) {
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

}  // namespace gopy::server::report::compose

namespace gopy::server::report {

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

}  // namespace gopy::server::report
