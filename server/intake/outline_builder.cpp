// Outline building: levels, codes, labels, paragraph numbering.
#include "server/intake/outline_builder.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "server/intake/heading_label.h"

namespace gopy::intake {
namespace {

constexpr int kLevels = 3;

// The code component a label gives at `level`, or empty when the order must decide.
std::string componentFromLabel(const HeadingLabel& h, int level) {
    switch (h.kind) {
        case LabelKind::Roman:
            return level == 1 ? toRoman(h.number) : std::to_string(h.number);
        case LabelKind::Number:
            return level == 1 ? toRoman(h.number) : std::to_string(h.number);
        case LabelKind::Letter:
            return level == 3 ? h.letter : std::string();
        case LabelKind::None:
            break;
    }
    return {};
}

std::string componentFromOrder(int ordinal, int level) {
    return level == 1 ? toRoman(ordinal) : std::to_string(ordinal);
}

}  // namespace

DraftOutline buildOutline(std::vector<DraftBlock> blocks) {
    std::set<int> depths;
    for (const DraftBlock& b : blocks) {
        if (b.headingLevel > 0 && !b.title) depths.insert(b.headingLevel);
    }
    if (depths.empty()) {
        throw DraftImportError(DraftError::NoHeadings,
                               "Không tìm thấy đề mục nào trong dự thảo (cần các đoạn kiểu "
                               "Heading 1–3 hoặc dòng bắt đầu bằng #, ##, ###)");
    }
    std::map<int, int> levelOf;  // source depth → 1..3
    for (const int depth : depths) {
        if (static_cast<int>(levelOf.size()) == kLevels) break;
        levelOf[depth] = static_cast<int>(levelOf.size()) + 1;
    }

    DraftOutline out;
    std::array<std::string, kLevels + 1> open;  // open[level] = code of the open section
    std::map<std::string, int> childCount;      // parent code → children so far
    std::set<std::string> usedCodes;
    std::map<std::string, int> paragraphCount;
    std::string current;  // innermost open section

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        DraftBlock& block = blocks[i];
        const auto levelIt = block.title ? levelOf.end() : levelOf.find(block.headingLevel);
        if (levelIt == levelOf.end()) {
            std::string text = block.label.empty() ? block.text : block.label + " " + block.text;
            if (block.title && out.title.empty()) {
                out.title = std::move(text);
                continue;
            }
            if (current.empty()) {
                out.preamble.push_back(std::move(text));
                continue;
            }
            out.paragraphs.push_back({current, ++paragraphCount[current], std::move(text)});
            continue;
        }

        int level = levelIt->second;
        // A section without an open parent moves up to the deepest open ancestor.
        while (level > 1 && open[static_cast<std::size_t>(level - 1)].empty()) --level;

        const std::string heading =
            block.label.empty() ? block.text : block.label + " " + block.text;
        HeadingLabel parsed = parseHeadingLabel(heading);
        if (parsed.kind == LabelKind::None) {
            parsed.title = heading;
        }
        // "PHẦN I" on its own line: the next heading of the same depth is its title.
        if (parsed.kind != LabelKind::None && parsed.title.empty() && i + 1 < blocks.size() &&
            blocks[i + 1].headingLevel == block.headingLevel && !blocks[i + 1].title &&
            blocks[i + 1].label.empty() &&
            parseHeadingLabel(blocks[i + 1].text).kind == LabelKind::None) {
            parsed.title = blocks[i + 1].text;
            ++i;
        }

        const std::string parent = level > 1 ? open[static_cast<std::size_t>(level - 1)] : "";
        const int ordinal = ++childCount[parent];
        const std::string prefix = parent.empty() ? "" : parent + ".";
        std::string component = componentFromLabel(parsed, level);
        if (component.empty() || usedCodes.contains(prefix + component)) {
            component = componentFromOrder(ordinal, level);
        }
        // Order-based codes can still collide with a labelled sibling ("3." then an unlabelled
        // third heading): count on until free.
        for (int n = ordinal + 1; usedCodes.contains(prefix + component); ++n) {
            component = componentFromOrder(n, level);
        }
        const std::string code = prefix + component;
        usedCodes.insert(code);

        Section section;
        section.code = code;
        section.parentCode = parent;
        section.level = level;
        section.ord = static_cast<int>(out.sections.size()) + 1;
        section.label = parsed.label;
        section.title = parsed.title;
        out.sections.push_back(std::move(section));

        open[static_cast<std::size_t>(level)] = code;
        for (int deeper = level + 1; deeper <= kLevels; ++deeper) {
            open[static_cast<std::size_t>(deeper)].clear();
        }
        current = code;
    }
    return out;
}

}  // namespace gopy::intake
