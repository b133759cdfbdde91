// List numbering of a .docx (word/numbering.xml): turns (numId, ilvl) of each numbered
// paragraph into the label Word would print ("II.", "1.", "a)").
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

namespace gopy::intake {

class DocxNumbering {
public:
    /// Reads numbering.xml. Returns an empty string on success, else the XML error.
    std::string load(std::string_view xml);

    /// Counts one paragraph of list `numId` at level `ilvl` and returns its label; empty for
    /// bullets, unnumbered levels and unknown lists.
    std::string next(int numId, int ilvl);

    struct Level {
        int start = 1;
        std::string format = "decimal";  ///< w:numFmt
        std::string text;                ///< w:lvlText, "%1." style
    };
    struct Abstract {
        std::array<Level, 9> levels;
    };
    struct Instance {
        int abstractId = -1;
        std::map<int, int> startOverrides;  ///< ilvl → start
        bool used = false;
    };

private:
    std::map<int, Abstract> abstracts_;
    std::map<int, Instance> instances_;
    // Word counts per abstract list: two w:num of one w:abstractNum continue each other.
    std::map<int, std::array<int, 9>> counters_;
};

/// A number in a w:numFmt: 3 → "3", "III", "iii", "C", "c"; 28 lowerLetter → "bb".
std::string formatListNumber(int value, std::string_view format);

}  // namespace gopy::intake
