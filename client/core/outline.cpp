#include "client/core/outline.h"

#include <limits>

namespace gopy::client {

Outline::Outline(std::vector<Section> sections) : sections_(std::move(sections))
{
    for (std::size_t i = 0; i < sections_.size(); ++i)
        index_.emplace(sections_[i].code, i);
}

bool Outline::contains(const std::string& code) const
{
    return index_.contains(code);
}

const Section* Outline::find(const std::string& code) const
{
    auto it = index_.find(code);
    return it == index_.end() ? nullptr : &sections_[it->second];
}

int Outline::order(const std::string& code) const
{
    auto it = index_.find(code);
    if (it == index_.end())
        return std::numeric_limits<int>::max();
    // The index in the list is the document order (Welcome sends sections in draft order).
    return static_cast<int>(it->second);
}

std::string Outline::label(const std::string& code) const
{
    const Section* section = find(code);
    if (section == nullptr || section->title.empty())
        return code;
    return code + " — " + section->title;
}

std::string Outline::fullTitle(const std::string& code) const
{
    std::string result;
    const Section* section = find(code);
    // Bounded by the depth of the outline; guards against a parent cycle in bad data.
    for (int depth = 0; section != nullptr && depth < 8; ++depth) {
        std::string part = section->label.empty() ? section->title : section->label + " " + section->title;
        result = result.empty() ? part : part + " › " + result;
        section = section->parentCode.empty() ? nullptr : find(section->parentCode);
    }
    return result.empty() ? code : result;
}

}  // namespace gopy::client
