// The campaign (one row): title, plan, letterhead, channel windows and wards.
#pragma once

#include <optional>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class CampaignTable {
public:
    explicit CampaignTable(Database& db) : db_(db) {}

    /// The campaign, or nullopt if none was set up yet.
    std::optional<Campaign> get();
    /// Creates or replaces the campaign.
    void put(const Campaign& campaign);

private:
    Database& db_;
};

}  // namespace gopy::server::store
