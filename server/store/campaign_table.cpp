#include "server/store/campaign_table.h"

#include <boost/json.hpp>

#include "server/store/database.h"

namespace gopy::server::store {
namespace {

std::string toJsonArray(const std::vector<std::string>& items) {
    boost::json::array array;
    for (const auto& item : items) array.emplace_back(item);
    return boost::json::serialize(array);
}

std::vector<std::string> fromJsonArray(const std::string& text) {
    std::vector<std::string> items;
    boost::system::error_code ec;
    const auto value = boost::json::parse(text, ec);
    // A damaged column yields an empty list rather than a failed welcome.
    if (ec || !value.is_array()) return items;
    for (const auto& item : value.as_array()) {
        if (item.is_string()) items.emplace_back(item.as_string().c_str());
    }
    return items;
}

}  // namespace

std::optional<Campaign> CampaignTable::get() {
    auto q = db_.query(
        "SELECT title, draft_title, plan_number, parent_body, issuing_body, issuing_code, "
        "place_name, signer_on_behalf, signer_role, signer_name, recipients, conferences_from, "
        "conferences_to, public_from, public_to, grassroots_due, synthesis_due, wards "
        "FROM campaign WHERE id = 1");
    if (!q->step()) return std::nullopt;
    Campaign c;
    c.title = q->getText(0);
    c.draftTitle = q->getText(1);
    c.planNumber = q->getText(2);
    c.letterhead.parentBody = q->getText(3);
    c.letterhead.issuingBody = q->getText(4);
    c.letterhead.issuingCode = q->getText(5);
    c.letterhead.placeName = q->getText(6);
    c.letterhead.signerOnBehalf = q->getText(7);
    c.letterhead.signerRole = q->getText(8);
    c.letterhead.signerName = q->getText(9);
    c.letterhead.recipients = fromJsonArray(q->getText(10));
    c.conferencesFrom = q->getText(11);
    c.conferencesTo = q->getText(12);
    c.publicFrom = q->getText(13);
    c.publicTo = q->getText(14);
    c.grassrootsDue = q->getText(15);
    c.synthesisDue = q->getText(16);
    c.wards = fromJsonArray(q->getText(17));
    return c;
}

void CampaignTable::put(const Campaign& c) {
    auto q = db_.query(
        "INSERT OR REPLACE INTO campaign (id, title, draft_title, plan_number, parent_body, "
        "issuing_body, issuing_code, place_name, signer_on_behalf, signer_role, signer_name, "
        "recipients, conferences_from, conferences_to, public_from, public_to, grassroots_due, "
        "synthesis_due, wards) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, c.title)
        .bind(2, c.draftTitle)
        .bind(3, c.planNumber)
        .bind(4, c.letterhead.parentBody)
        .bind(5, c.letterhead.issuingBody)
        .bind(6, c.letterhead.issuingCode)
        .bind(7, c.letterhead.placeName)
        .bind(8, c.letterhead.signerOnBehalf)
        .bind(9, c.letterhead.signerRole)
        .bind(10, c.letterhead.signerName)
        .bind(11, toJsonArray(c.letterhead.recipients))
        .bind(12, c.conferencesFrom)
        .bind(13, c.conferencesTo)
        .bind(14, c.publicFrom)
        .bind(15, c.publicTo)
        .bind(16, c.grassrootsDue)
        .bind(17, c.synthesisDue)
        .bind(18, toJsonArray(c.wards));
    q->exec();
}

}  // namespace gopy::server::store
