// Outline diff by code, with moves detected by folded title.
#include "server/intake/outline_diff.h"

#include <map>
#include <set>

#include "gopy/text.h"

namespace gopy::intake {

OutlineDiff diffOutline(const std::vector<Section>& older, const std::vector<Section>& newer) {
    std::set<std::string> newCodes;
    for (const Section& s : newer) newCodes.insert(s.code);
    std::set<std::string> oldCodes;
    for (const Section& s : older) oldCodes.insert(s.code);

    // Candidate targets: sections new in `newer`, by folded title; a title shared by several
    // new sections is ambiguous and moves nothing.
    std::map<std::string, std::string> newByTitle;
    std::set<std::string> ambiguous;
    for (const Section& s : newer) {
        if (oldCodes.contains(s.code)) continue;
        const std::string key = text::fold(s.title);
        if (key.empty()) continue;
        if (!newByTitle.emplace(key, s.code).second) ambiguous.insert(key);
    }
    for (const std::string& key : ambiguous) newByTitle.erase(key);

    OutlineDiff diff;
    std::set<std::string> moveTargets;
    for (const Section& s : older) {
        if (newCodes.contains(s.code)) {
            diff.kept.push_back(s.code);
            continue;
        }
        const auto target = newByTitle.find(text::fold(s.title));
        if (target != newByTitle.end() && !moveTargets.contains(target->second)) {
            diff.moved.push_back({s.code, target->second});
            moveTargets.insert(target->second);
            continue;
        }
        diff.removed.push_back(s.code);
    }
    for (const Section& s : newer) {
        if (!oldCodes.contains(s.code) && !moveTargets.contains(s.code))
            diff.added.push_back(s.code);
    }
    return diff;
}

}  // namespace gopy::intake
