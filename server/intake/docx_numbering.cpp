// numbering.xml: abstract list definitions, list instances, and the counters while reading.
#include "server/intake/docx_numbering.h"

#include <charconv>

#include "server/intake/heading_label.h"
#include "server/intake/xml_reader.h"

namespace gopy::intake {
namespace {

int toInt(const char* s, int fallback) {
    if (!s) return fallback;
    int value = fallback;
    const std::string_view v(s);
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || ptr != v.data() + v.size()) return fallback;
    return value;
}

class NumberingHandler : public XmlHandler {
public:
    NumberingHandler(std::map<int, DocxNumbering::Abstract>& abstracts,
                     std::map<int, DocxNumbering::Instance>& instances)
        : abstracts_(abstracts), instances_(instances) {}

    void startElement(std::string_view name, const char** attributes) override {
        const std::string_view local = wordLocalName(name);
        const char* val = wordAttribute(attributes, "val");
        if (local == "abstractNum") {
            abstractId_ = toInt(wordAttribute(attributes, "abstractNumId"), -1);
            return;
        }
        if (local == "num") {
            numId_ = toInt(wordAttribute(attributes, "numId"), -1);
            return;
        }
        if (local == "lvl") {
            ilvl_ = toInt(wordAttribute(attributes, "ilvl"), -1);
            return;
        }
        if (local == "lvlOverride") {
            overrideLevel_ = toInt(wordAttribute(attributes, "ilvl"), -1);
            return;
        }
        if (numId_ >= 0 && abstractId_ < 0) {
            if (local == "abstractNumId") instances_[numId_].abstractId = toInt(val, -1);
            if (local == "startOverride" && overrideLevel_ >= 0) {
                instances_[numId_].startOverrides[overrideLevel_] = toInt(val, 1);
            }
            return;
        }
        DocxNumbering::Level* level = currentLevel();
        if (!level) return;
        if (local == "start")
            level->start = toInt(val, 1);
        else if (local == "numFmt" && val)
            level->format = val;
        else if (local == "lvlText" && val)
            level->text = val;
    }

    void endElement(std::string_view name) override {
        const std::string_view local = wordLocalName(name);
        if (local == "abstractNum")
            abstractId_ = -1;
        else if (local == "num")
            numId_ = -1;
        else if (local == "lvl")
            ilvl_ = -1;
        else if (local == "lvlOverride")
            overrideLevel_ = -1;
    }

    void characters(std::string_view) override {}

private:
    DocxNumbering::Level* currentLevel() {
        if (abstractId_ < 0 || ilvl_ < 0 || ilvl_ >= 9) return nullptr;
        return &abstracts_[abstractId_].levels[static_cast<std::size_t>(ilvl_)];
    }

    std::map<int, DocxNumbering::Abstract>& abstracts_;
    std::map<int, DocxNumbering::Instance>& instances_;
    int abstractId_ = -1;
    int numId_ = -1;
    int ilvl_ = -1;
    int overrideLevel_ = -1;
};

}  // namespace

std::string formatListNumber(int value, std::string_view format) {
    if (format == "upperRoman") return toRoman(value);
    if (format == "lowerRoman") {
        std::string s = toRoman(value);
        for (char& c : s) c = static_cast<char>(c - 'A' + 'a');
        return s;
    }
    if (format == "upperLetter" || format == "lowerLetter") {
        // Word repeats the letter: a … z, aa … zz, aaa …
        const int n = value < 1 ? 1 : value;
        const char base = format == "upperLetter" ? 'A' : 'a';
        std::string repeated(static_cast<std::size_t>((n - 1) / 26 + 1),
                             static_cast<char>(base + (n - 1) % 26));
        return repeated;
    }
    if (format == "decimalZero" && value < 10) return "0" + std::to_string(value);
    return std::to_string(value);
}

std::string DocxNumbering::load(std::string_view xml) {
    NumberingHandler handler(abstracts_, instances_);
    return parseXml(xml, "word/numbering.xml", handler);
}

std::string DocxNumbering::next(int numId, int ilvl) {
    if (ilvl < 0 || ilvl >= 9) return {};
    const auto inst = instances_.find(numId);
    if (inst == instances_.end()) return {};
    const auto abs = abstracts_.find(inst->second.abstractId);
    if (abs == abstracts_.end()) return {};
    const auto& levels = abs->second.levels;
    auto counters = counters_.find(inst->second.abstractId);
    if (counters == counters_.end()) {
        std::array<int, 9> initial{};
        for (std::size_t i = 0; i < 9; ++i) initial[i] = levels[i].start - 1;
        counters = counters_.emplace(inst->second.abstractId, initial).first;
    }
    auto& count = counters->second;
    if (!inst->second.used) {
        // A list instance with start overrides restarts those levels the first time it is used.
        inst->second.used = true;
        for (const auto& [level, start] : inst->second.startOverrides) {
            if (level >= 0 && level < 9) count[static_cast<std::size_t>(level)] = start - 1;
        }
    }
    const auto lvl = static_cast<std::size_t>(ilvl);
    ++count[lvl];
    for (std::size_t deeper = lvl + 1; deeper < 9; ++deeper)
        count[deeper] = levels[deeper].start - 1;

    const Level& level = levels[lvl];
    if (level.format == "bullet" || level.format == "none") return {};
    std::string label;
    const std::string& pattern = level.text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const auto ref = static_cast<std::size_t>(pattern[i + 1] - '1');
            label += formatListNumber(count[ref], levels[ref].format);
            ++i;
            continue;
        }
        label.push_back(pattern[i]);
    }
    return label;
}

}  // namespace gopy::intake
