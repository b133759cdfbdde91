// Markdown: line by line, enough of CommonMark's block structure for a draft document.
#include "server/intake/markdown_reader.h"

#include <cctype>
#include <string>

#include "server/intake/docx_body_reader.h"
#include "server/intake/heading_label.h"

namespace gopy::intake {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string stripEmphasis(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 1 < s.size() &&
            ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_'))) {
            ++i;
            continue;
        }
        out.push_back(s[i]);
    }
    return out;
}

// "## Title ##" → level 2, "Title"; 0 if the line is not an ATX heading.
int atxHeading(std::string_view line, std::string_view& title) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    if (indent > 3) return 0;
    std::size_t hashes = indent;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    const std::size_t level = hashes - indent;
    if (level == 0 || level > 6) return 0;
    if (hashes < line.size() && line[hashes] != ' ' && line[hashes] != '\t') return 0;
    std::string_view rest = trim(line.substr(hashes));
    // A closing run of '#' preceded by a space is not part of the title.
    std::size_t end = rest.size();
    while (end > 0 && rest[end - 1] == '#') --end;
    if (end < rest.size() && (end == 0 || rest[end - 1] == ' ')) rest = trim(rest.substr(0, end));
    title = rest;
    return static_cast<int>(level);
}

// "- item", "* item", "+ item" → "item"; "3. item", "3) item" → "3. item" (number kept).
bool listItem(std::string_view line, std::string& item) {
    const std::string_view t = trim(line);
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
        item = std::string(trim(t.substr(2)));
        return true;
    }
    std::size_t digits = 0;
    while (digits < t.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(t[digits]))) {
        ++digits;
    }
    if (digits > 0 && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') &&
        t[digits + 1] == ' ') {
        item = std::string(t);
        return true;
    }
    return false;
}

bool tableRow(std::string_view line, std::string& row) {
    const std::string_view t = trim(line);
    if (t.empty() || t.front() != '|') return false;
    row.clear();
    bool separator = true;
    std::string_view rest = t.substr(1);
    while (!rest.empty()) {
        const std::size_t bar = rest.find('|');
        const std::string_view cell = trim(rest.substr(0, bar));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        if (cell.empty()) continue;
        if (cell.find_first_not_of("-: ") != std::string_view::npos) separator = false;
        if (!row.empty()) row += " | ";
        row += cell;
    }
    if (separator) row.clear();
    return true;
}

}  // namespace

std::vector<DraftBlock> readMarkdown(std::string_view utf8) {
    if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
    std::vector<DraftBlock> blocks;
    std::string paragraph;
    auto flush = [&] {
        std::string text = cleanText(stripEmphasis(paragraph));
        paragraph.clear();
        if (text.empty()) return;
        DraftBlock block;
        block.text = std::move(text);
        blocks.push_back(std::move(block));
    };
    bool fenced = false;
    while (!utf8.empty()) {
        const std::size_t nl = utf8.find('\n');
        const std::string_view line = utf8.substr(0, nl);
        utf8 = nl == std::string_view::npos ? std::string_view() : utf8.substr(nl + 1);

        const std::string_view t = trim(line);
        if (t.starts_with("```") || t.starts_with("~~~")) {
            // A fenced block's lines are body text; the fence itself is not.
            flush();
            fenced = !fenced;
            continue;
        }
        if (fenced) {
            paragraph = std::string(t);
            flush();
            continue;
        }
        if (t.empty()) {
            flush();
            continue;
        }
        std::string_view title;
        if (const int level = atxHeading(line, title); level > 0) {
            flush();
            DraftBlock block;
            block.headingLevel = level;
            block.text = cleanText(stripEmphasis(title));
            if (!block.text.empty()) blocks.push_back(std::move(block));
            continue;
        }
        std::string item;
        if (tableRow(line, item)) {
            flush();
            paragraph = std::move(item);
            flush();
            continue;
        }
        if (listItem(line, item)) {
            flush();
            paragraph = std::move(item);
            continue;
        }
        if (!paragraph.empty()) paragraph.push_back(' ');
        paragraph += t;
    }
    flush();

    int levelOnes = 0;
    bool deeper = false;
    for (const DraftBlock& b : blocks) {
        if (b.headingLevel == 1) ++levelOnes;
        if (b.headingLevel > 1) deeper = true;
    }
    for (DraftBlock& b : blocks) {
        if (b.headingLevel == 0) continue;
        // "# Phần I. …" is a part even when it is the only one.
        if (b.headingLevel == 1 && levelOnes == 1 && deeper &&
            parseHeadingLabel(b.text).kind == LabelKind::None) {
            b.headingLevel = 0;
            b.title = true;
        }
        break;
    }
    return blocks;
}

}  // namespace gopy::intake
