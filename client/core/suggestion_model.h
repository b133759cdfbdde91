// Near-duplicate comments the server suggests grouping (from the dashboard); a person
// confirms each with DraftingDesk::confirmSuggestion.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <string>
#include <vector>

#include "client/core/map_list_model.h"

namespace gopy::client {

struct SuggestionRow {
    std::string section;
    std::string sectionLabel;
    std::vector<std::string> memberIds;
    std::vector<std::string> texts;  ///< the members' texts, in member order
    bool operator==(const SuggestionRow&) const = default;
};

class SuggestionModel : public MapListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.drafting.suggestions")
public:
    /// Roles: section, sectionLabel, memberCount, memberIds, texts (string list), key.
    explicit SuggestionModel(QObject* parent = nullptr);
    void setSuggestions(std::vector<SuggestionRow> suggestions);
    /// The suggestion shown at `row`; nullptr when out of range.
    const SuggestionRow* at(int row) const;

private:
    std::vector<SuggestionRow> suggestions_;
};

}  // namespace gopy::client
