// Heading labels of Vietnamese Party documents: parts, Roman and Arabic numbering, letters.
#include "server/intake/heading_label.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>
#include <vector>

#include "gopy/text.h"

namespace gopy::intake {
namespace {

struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::vector<Word> splitWords(std::string_view s, std::size_t maxWords) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < s.size() && words.size() < maxWords) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        if (i >= s.size()) break;
        const std::size_t begin = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
        words.push_back({begin, i});
    }
    return words;
}

bool isSeparatorPunct(char c) { return c == ':' || c == '.' || c == ')' || c == ','; }

std::string_view stripTrailingPunct(std::string_view w) {
    while (!w.empty() && isSeparatorPunct(w.back())) w.remove_suffix(1);
    return w;
}

// The rest of the heading after the label: leading separators and dashes removed.
std::string restAfter(std::string_view s, std::size_t pos) {
    std::string_view rest = s.substr(std::min(pos, s.size()));
    for (;;) {
        if (rest.empty()) break;
        const char c = rest.front();
        if (c == ' ' || c == '\t' || c == ':' || c == '.' || c == '-' || c == ')') {
            rest.remove_prefix(1);
            continue;
        }
        if (rest.starts_with("\u2013") || rest.starts_with("\u2014")) {
            rest.remove_prefix(3);
            continue;
        }
        break;
    }
    return std::string(rest);
}

int parseDecimal(std::string_view s) {
    if (s.empty() || s.size() > 4) return 0;
    int value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) return 0;
    return value;
}

int ordinalWord(std::string_view folded) {
    static constexpr std::array<std::pair<std::string_view, int>, 10> kOrdinals = {{
        {"nhat", 1},
        {"hai", 2},
        {"ba", 3},
        {"tu", 4},
        {"nam", 5},
        {"sau", 6},
        {"bay", 7},
        {"tam", 8},
        {"chin", 9},
        {"muoi", 10},
    }};
    for (const auto& [word, value] : kOrdinals) {
        if (folded == word) return value;
    }
    return 0;
}

// Byte length of the first UTF-8 code point of s.
std::size_t firstCodePointLength(std::string_view s) {
    if (s.empty()) return 0;
    const auto c = static_cast<unsigned char>(s[0]);
    std::size_t n = 1;
    if (c >= 0xF0)
        n = 4;
    else if (c >= 0xE0)
        n = 3;
    else if (c >= 0xC0)
        n = 2;
    return std::min(n, s.size());
}

}  // namespace

std::string toRoman(int value) {
    if (value < 1 || value > 3999) return std::to_string(value);
    static constexpr std::array<std::pair<int, std::string_view>, 13> kDigits = {{
        {1000, "M"},
        {900, "CM"},
        {500, "D"},
        {400, "CD"},
        {100, "C"},
        {90, "XC"},
        {50, "L"},
        {40, "XL"},
        {10, "X"},
        {9, "IX"},
        {5, "V"},
        {4, "IV"},
        {1, "I"},
    }};
    std::string out;
    for (const auto& [n, digits] : kDigits) {
        while (value >= n) {
            out += digits;
            value -= n;
        }
    }
    return out;
}

int fromRoman(std::string_view numeral) {
    if (numeral.empty() || numeral.size() > 15) return 0;
    int value = 0;
    for (std::size_t i = 0; i < numeral.size(); ++i) {
        auto digit = [](char c) {
            switch (std::toupper(static_cast<unsigned char>(c))) {
                case 'I':
                    return 1;
                case 'V':
                    return 5;
                case 'X':
                    return 10;
                case 'L':
                    return 50;
                case 'C':
                    return 100;
                case 'D':
                    return 500;
                case 'M':
                    return 1000;
                default:
                    return 0;
            }
        };
        const int d = digit(numeral[i]);
        if (d == 0) return 0;
        const int nextDigit = i + 1 < numeral.size() ? digit(numeral[i + 1]) : 0;
        value += d < nextDigit ? -d : d;
    }
    // Only the canonical spelling counts, so "IIII" or "VX" are words, not numerals.
    std::string upper(numeral);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return toRoman(value) == upper ? value : 0;
}

HeadingLabel parseHeadingLabel(std::string_view heading) {
    HeadingLabel out;
    const std::vector<Word> words = splitWords(heading, 3);
    if (words.empty()) return out;
    auto word = [&](std::size_t i) {
        return heading.substr(words[i].begin, words[i].end - words[i].begin);
    };

    // "Phần I", "PHẦN 2:", "Phần thứ nhất"
    if (text::fold(word(0)) == "phan" && words.size() >= 2) {
        const std::string_view second = stripTrailingPunct(word(1));
        if (const int roman = fromRoman(second); roman > 0) {
            out.kind = LabelKind::Roman;
            out.number = roman;
        } else if (const int decimal = parseDecimal(second); decimal > 0) {
            out.kind = LabelKind::Roman;
            out.number = decimal;
        } else if (text::fold(second) == "thu" && words.size() >= 3) {
            if (const int ordinal = ordinalWord(text::fold(stripTrailingPunct(word(2))));
                ordinal > 0) {
                out.kind = LabelKind::Roman;
                out.number = ordinal;
                out.label = std::string(stripTrailingPunct(heading.substr(0, words[2].end)));
                out.title = restAfter(heading, words[2].end);
                return out;
            }
        }
        if (out.kind != LabelKind::None) {
            out.label = std::string(stripTrailingPunct(heading.substr(0, words[1].end)));
            out.title = restAfter(heading, words[1].end);
            return out;
        }
    }

    // "II.", "3.", "3)", "2.3.", "a)", "đ."
    const std::string_view first = word(0);
    const std::string_view core = stripTrailingPunct(first);
    const bool punctuated = core.size() < first.size() &&
                            (first.back() == '.' || first.back() == ')' || first.back() == ':');
    if (!punctuated || core.empty()) return out;

    std::string_view lastComponent = core;
    if (const std::size_t dot = core.rfind('.'); dot != std::string_view::npos) {
        lastComponent = core.substr(dot + 1);
    }
    if (const int decimal = parseDecimal(lastComponent); decimal > 0) {
        out.kind = LabelKind::Number;
        out.number = decimal;
    } else if (const int roman = fromRoman(core);
               roman > 0 && (core.size() > 1 || core == "I" || core == "V" || core == "X")) {
        // One lower-case letter ("i)", "c)") or "C.", "D.", "L.", "M." is a letter item.
        out.kind = LabelKind::Roman;
        out.number = roman;
    } else if (firstCodePointLength(core) == core.size()) {
        const std::string lower = text::fold(core);
        const bool letter = lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z';
        if (!letter) return out;
        out.kind = LabelKind::Letter;
        // Keep "đ" distinct from "d": the fold would merge them.
        std::string printed(core);
        if (printed == "Đ") printed = "đ";
        for (char& c : printed) {
            if (static_cast<unsigned char>(c) < 0x80) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
        }
        out.letter = printed;
    } else {
        return out;
    }
    out.label = std::string(first.back() == ':' ? core : first);
    out.title = restAfter(heading, words[0].end);
    return out;
}

}  // namespace gopy::intake
