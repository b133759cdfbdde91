// The draft's outline: parts, sections and sub-sections in document order.
#pragma once

#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class SectionTable {
public:
    explicit SectionTable(Database& db) : db_(db) {}

    /// Adds one node; throws store::Error if the code exists.
    void insert(const Section& section);
    /// Every node in the draft's order (ord).
    std::vector<Section> all();
    /// True if `code` is a node of the outline.
    bool exists(const std::string& code);

private:
    Database& db_;
};

}  // namespace gopy::server::store
