#include "client/core/suggestion_model.h"

#include "client/core/qt_text.h"

namespace gopy::client {

SuggestionModel::SuggestionModel(QObject* parent)
    : MapListModel({"section", "sectionLabel", "memberCount", "memberIds", "texts", "key"}, "key", parent)
{
}

void SuggestionModel::setSuggestions(std::vector<SuggestionRow> suggestions)
{
    suggestions_ = std::move(suggestions);
    std::vector<QVariantMap> rows;
    rows.reserve(suggestions_.size());
    for (const SuggestionRow& s : suggestions_) {
        QVariantMap row;
        const QStringList ids = toQ(s.memberIds);
        row.insert(QStringLiteral("section"), toQ(s.section));
        row.insert(QStringLiteral("sectionLabel"), toQ(s.sectionLabel));
        row.insert(QStringLiteral("memberCount"), static_cast<int>(s.memberIds.size()));
        row.insert(QStringLiteral("memberIds"), ids);
        row.insert(QStringLiteral("texts"), toQ(s.texts));
        row.insert(QStringLiteral("key"), toQ(s.section) + QLatin1Char('|') + ids.join(QLatin1Char(',')));
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

const SuggestionRow* SuggestionModel::at(int row) const
{
    if (row < 0 || row >= static_cast<int>(suggestions_.size()))
        return nullptr;
    return &suggestions_[static_cast<std::size_t>(row)];
}

}  // namespace gopy::client
