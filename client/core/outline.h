// The draft's outline (sections in document order) with lookups by code, for tagging
// comments, grouping them in draft order and labelling groups.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "gopy/model.h"

namespace gopy::client {

class Outline {
public:
    Outline() = default;
    /// `sections` in the draft's order (as Welcome sends them).
    explicit Outline(std::vector<Section> sections);

    const std::vector<Section>& sections() const { return sections_; }
    bool contains(const std::string& code) const;
    const Section* find(const std::string& code) const;
    /// Position in document order; sections not in the outline sort after all known ones.
    int order(const std::string& code) const;
    /// "II.3 — Phát triển kinh tế" (code, then title); the code alone when unknown.
    std::string label(const std::string& code) const;
    /// Titles from the part down to the section: "Phần II. … › 3. …".
    std::string fullTitle(const std::string& code) const;

private:
    std::vector<Section> sections_;
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace gopy::client
