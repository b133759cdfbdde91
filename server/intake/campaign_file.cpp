#include "server/intake/campaign_file.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "gopy/text.h"
#include "server/intake/field_text.h"

namespace gopy::intake {

namespace {

class Reader {
public:
    explicit Reader(std::string_view name) : name_(name) {}

    [[noreturn]] void fail(const toml::node* node, const std::string& message) const {
        if (node != nullptr && node->source().begin.line > 0) {
            throw CampaignFileError(name_ + ", dòng " + std::to_string(node->source().begin.line) +
                                    ": " + message);
        }
        throw CampaignFileError(name_ + ": " + message);
    }

    const toml::table& table(const toml::table& root, std::string_view key, bool required) const {
        static const toml::table empty;
        const toml::node* node = root.get(key);
        if (node == nullptr) {
            if (required) fail(&root, "thiếu mục [" + std::string(key) + "]");
            return empty;
        }
        if (!node->is_table()) fail(node, "[" + std::string(key) + "] phải là một mục (bảng)");
        return *node->as_table();
    }

    /// Refuses keys that are not in `keys` (a misspelt key would otherwise do nothing).
    void onlyKeys(const toml::table& t, std::initializer_list<std::string_view> keys,
                  std::string_view where) const {
        for (auto&& [key, node] : t) {
            if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
                std::string known;
                for (const auto k : keys) known += (known.empty() ? "" : ", ") + std::string(k);
                fail(&node, "khóa không hợp lệ \"" + std::string(key.str()) + "\" trong " +
                                std::string(where) + " (các khóa: " + known + ")");
            }
        }
    }

    std::string text(const toml::table& t, std::string_view key, bool required,
                     std::string_view where) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) {
            if (required) fail(&t, "thiếu \"" + std::string(key) + "\" trong " + std::string(where));
            return {};
        }
        const auto value = node->value<std::string>();
        if (!value) fail(node, "\"" + std::string(key) + "\" phải là chuỗi chữ trong dấu ngoặc kép");
        if (!text::isValidUtf8(*value)) fail(node, "\"" + std::string(key) + "\" không phải UTF-8");
        std::string clean = cleanField(*value);
        if (required && clean.empty()) {
            fail(node, "\"" + std::string(key) + "\" không được để trống trong " + std::string(where));
        }
        return clean;
    }

    std::string date(const toml::table& t, std::string_view key, bool required,
                     std::string_view where) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) {
            if (required) fail(&t, "thiếu ngày \"" + std::string(key) + "\" trong " + std::string(where));
            return {};
        }
        if (const auto* d = node->as_date()) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(d->get().year),
                          static_cast<int>(d->get().month), static_cast<int>(d->get().day));
            return buffer;
        }
        static const std::regex iso(R"((\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
        const auto value = node->value<std::string>();
        if (!value || !std::regex_match(*value, iso)) {
            fail(node, "\"" + std::string(key) + "\" phải là ngày dạng 2025-03-12");
        }
        return *value;
    }

    std::string time(const toml::table& t, std::string_view key) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) return {};
        if (const auto* clock = node->as_time()) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(clock->get().hour),
                          static_cast<int>(clock->get().minute));
            return buffer;
        }
        static const std::regex hhmm(R"(([01]\d|2[0-3]):[0-5]\d)");
        const auto value = node->value<std::string>();
        if (!value || !std::regex_match(*value, hhmm)) {
            fail(node, "\"" + std::string(key) + "\" phải là giờ dạng \"08:00\"");
        }
        return *value;
    }

    std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, bool required,
                                        std::string_view where, std::int64_t min,
                                        std::int64_t max) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) {
            if (required) fail(&t, "thiếu \"" + std::string(key) + "\" trong " + std::string(where));
            return std::nullopt;
        }
        const auto value = node->value_exact<std::int64_t>();
        if (!value || *value < min || *value > max) {
            fail(node, "\"" + std::string(key) + "\" phải là số nguyên từ " + std::to_string(min) +
                           " đến " + std::to_string(max));
        }
        return value;
    }

    std::vector<std::string> strings(const toml::table& t, std::string_view key, bool required,
                                     std::string_view where) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) {
            if (required) fail(&t, "thiếu \"" + std::string(key) + "\" trong " + std::string(where));
            return {};
        }
        const auto* array = node->as_array();
        if (array == nullptr) fail(node, "\"" + std::string(key) + "\" phải là danh sách chuỗi [\"…\", \"…\"]");
        std::vector<std::string> out;
        for (const toml::node& item : *array) {
            const auto value = item.value<std::string>();
            if (!value || !text::isValidUtf8(*value)) {
                fail(&item, "mỗi phần tử của \"" + std::string(key) + "\" phải là một chuỗi");
            }
            std::string clean = cleanField(*value);
            if (clean.empty()) fail(&item, "\"" + std::string(key) + "\" có phần tử trống");
            out.push_back(std::move(clean));
        }
        if (required && out.empty()) fail(node, "\"" + std::string(key) + "\" không được để trống");
        return out;
    }

    template <class Each>
    void tables(const toml::table& t, std::string_view key, std::string_view where, Each&& each) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) return;
        const auto* array = node->as_array();
        if (array == nullptr || !array->is_array_of_tables()) {
            fail(node, "dùng [[" + std::string(where) + "]] cho mỗi mục");
        }
        for (const toml::node& item : *array) each(*item.as_table());
    }

private:
    std::string name_;
};

void checkOrder(const Reader& reader, const toml::table& where, const std::string& from,
                const std::string& to, const std::string& what) {
    if (!from.empty() && !to.empty() && to < from) {
        reader.fail(&where, what + ": ngày kết thúc " + to + " trước ngày bắt đầu " + from);
    }
}

// A TOML basic string: quotes and backslashes escaped, every control character as \uXXXX (a
// basic string may hold none of them raw), so that init reads back exactly what show wrote.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04X", byte);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "\n  " : ",\n  ") + quoted(items[i]);
    }
    return out + (items.empty() ? "]" : ",\n]");
}

}  // namespace

CampaignFile parseCampaignToml(std::string_view text, std::string_view name) {
    const Reader reader(name);
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& error) {
        throw CampaignFileError(std::string(name) + ", dòng " +
                                std::to_string(error.source().begin.line) +
                                ": không đọc được TOML (" + std::string(error.description()) + ")");
    }
    reader.onlyKeys(root, {"campaign", "letterhead", "plan", "conference", "public", "grassroots"},
                    "tệp chiến dịch");
    CampaignFile out;
    Campaign& c = out.campaign;

    const auto& campaign = reader.table(root, "campaign", true);
    reader.onlyKeys(campaign, {"title", "draft_title", "plan_number"}, "[campaign]");
    c.title = reader.text(campaign, "title", true, "[campaign]");
    c.draftTitle = reader.text(campaign, "draft_title", true, "[campaign]");
    c.planNumber = reader.text(campaign, "plan_number", true, "[campaign]");

    const auto& letterhead = reader.table(root, "letterhead", true);
    reader.onlyKeys(letterhead, {"parent_body", "issuing_body", "issuing_code", "place",
                                 "signer_on_behalf", "signer_role", "signer_name", "recipients"},
                    "[letterhead]");
    c.letterhead.parentBody = reader.text(letterhead, "parent_body", true, "[letterhead]");
    c.letterhead.issuingBody = reader.text(letterhead, "issuing_body", true, "[letterhead]");
    c.letterhead.issuingCode = reader.text(letterhead, "issuing_code", true, "[letterhead]");
    c.letterhead.placeName = reader.text(letterhead, "place", true, "[letterhead]");
    c.letterhead.signerOnBehalf = reader.text(letterhead, "signer_on_behalf", true, "[letterhead]");
    c.letterhead.signerRole = reader.text(letterhead, "signer_role", true, "[letterhead]");
    c.letterhead.signerName = reader.text(letterhead, "signer_name", true, "[letterhead]");
    c.letterhead.recipients = reader.strings(letterhead, "recipients", false, "[letterhead]");

    const auto& plan = reader.table(root, "plan", true);
    reader.onlyKeys(plan, {"conferences_from", "conferences_to", "grassroots_due", "synthesis_due"},
                    "[plan]");
    c.conferencesFrom = reader.date(plan, "conferences_from", true, "[plan]");
    c.conferencesTo = reader.date(plan, "conferences_to", true, "[plan]");
    c.grassrootsDue = reader.date(plan, "grassroots_due", false, "[plan]");
    c.synthesisDue = reader.date(plan, "synthesis_due", true, "[plan]");
    checkOrder(reader, plan, c.conferencesFrom, c.conferencesTo, "[plan] các hội nghị");

    std::set<std::int64_t> ids;
    const auto uniqueId = [&](const toml::table& t, std::string_view where) {
        const std::int64_t id = *reader.integer(t, "id", true, where, 1, 1'000'000);
        if (!ids.insert(id).second) {
            reader.fail(t.get("id"), "mã số " + std::to_string(id) + " đã dùng cho một hội nghị hoặc kênh khác");
        }
        return id;
    };
    reader.tables(root, "conference", "conference", [&](const toml::table& t) {
        reader.onlyKeys(t, {"id", "title", "chair_body", "audience", "date", "time", "venue", "chair",
                            "invited"},
                        "[[conference]]");
        Conference conference;
        conference.id = uniqueId(t, "[[conference]]");
        conference.channel = Channel::Conference;
        conference.title = reader.text(t, "title", true, "[[conference]]");
        conference.chairBody = reader.text(t, "chair_body", true, "[[conference]]");
        conference.audience = reader.text(t, "audience", false, "[[conference]]");
        conference.date = reader.date(t, "date", false, "[[conference]]");
        conference.time = reader.time(t, "time");
        conference.place = reader.text(t, "venue", false, "[[conference]]");
        conference.chairPerson = reader.text(t, "chair", false, "[[conference]]");
        if (auto invited = reader.integer(t, "invited", false, "[[conference]]", 0, 100'000)) {
            conference.invitedCount = static_cast<int>(*invited);
        }
        out.conferences.push_back(std::move(conference));
    });
    if (out.conferences.empty()) reader.fail(&root, "chiến dịch cần ít nhất một [[conference]]");

    if (root.contains("public")) {
        const auto& t = reader.table(root, "public", false);
        reader.onlyKeys(t, {"id", "title", "chair_body", "audience", "venue", "from", "to", "wards"},
                        "[public]");
        Conference channel;
        channel.id = uniqueId(t, "[public]");
        channel.channel = Channel::Public;
        channel.title = reader.text(t, "title", true, "[public]");
        channel.chairBody = reader.text(t, "chair_body", false, "[public]");
        channel.audience = reader.text(t, "audience", false, "[public]");
        channel.place = reader.text(t, "venue", false, "[public]");
        c.publicFrom = reader.date(t, "from", true, "[public]");
        c.publicTo = reader.date(t, "to", true, "[public]");
        checkOrder(reader, t, c.publicFrom, c.publicTo, "[public]");
        c.wards = reader.strings(t, "wards", false, "[public]");
        out.conferences.push_back(std::move(channel));
    }
    if (root.contains("grassroots")) {
        const auto& t = reader.table(root, "grassroots", false);
        reader.onlyKeys(t, {"id", "title", "chair_body", "audience", "organisation"}, "[grassroots]");
        Conference channel;
        channel.id = uniqueId(t, "[grassroots]");
        channel.channel = Channel::Grassroots;
        channel.title = reader.text(t, "title", true, "[grassroots]");
        channel.chairBody = reader.text(t, "chair_body", false, "[grassroots]");
        channel.audience = reader.text(t, "audience", false, "[grassroots]");
        out.conferences.push_back(std::move(channel));
        std::set<std::int64_t> organisationIds;
        reader.tables(t, "organisation", "grassroots.organisation", [&](const toml::table& o) {
            reader.onlyKeys(o, {"id", "name", "due"}, "[[grassroots.organisation]]");
            GrassrootsOrganisation organisation;
            organisation.id = *reader.integer(o, "id", true, "[[grassroots.organisation]]", 1, 1'000'000);
            if (!organisationIds.insert(organisation.id).second) {
                reader.fail(o.get("id"), "mã tổ chức " + std::to_string(organisation.id) + " đã dùng");
            }
            organisation.name = reader.text(o, "name", true, "[[grassroots.organisation]]");
            organisation.due = reader.date(o, "due", false, "[[grassroots.organisation]]");
            if (organisation.due.empty()) organisation.due = c.grassrootsDue;
            out.organisations.push_back(std::move(organisation));
        });
    }
    return out;
}

std::string campaignToToml(const CampaignFile& file) {
    const Campaign& c = file.campaign;
    std::ostringstream out;
    out << "# Chiến dịch lấy ý kiến: gopy-server init --data DIR TỆP.toml\n\n"
        << "[campaign]\n"
        << "title = " << quoted(c.title) << "\n"
        << "draft_title = " << quoted(c.draftTitle) << "\n"
        << "plan_number = " << quoted(c.planNumber) << "\n\n"
        << "[letterhead]\n"
        << "parent_body = " << quoted(c.letterhead.parentBody) << "\n"
        << "issuing_body = " << quoted(c.letterhead.issuingBody) << "\n"
        << "issuing_code = " << quoted(c.letterhead.issuingCode) << "\n"
        << "place = " << quoted(c.letterhead.placeName) << "\n"
        << "signer_on_behalf = " << quoted(c.letterhead.signerOnBehalf) << "\n"
        << "signer_role = " << quoted(c.letterhead.signerRole) << "\n"
        << "signer_name = " << quoted(c.letterhead.signerName) << "\n"
        << "recipients = " << list(c.letterhead.recipients) << "\n\n"
        << "[plan]\n"
        << "conferences_from = " << c.conferencesFrom << "\n"
        << "conferences_to = " << c.conferencesTo << "\n";
    if (!c.grassrootsDue.empty()) out << "grassroots_due = " << c.grassrootsDue << "\n";
    out << "synthesis_due = " << c.synthesisDue << "\n";
    const auto optional = [&](const char* key, const std::string& value) {
        if (!value.empty()) out << key << " = " << quoted(value) << "\n";
    };
    for (const Conference& conference : file.conferences) {
        if (conference.channel != Channel::Conference) continue;
        out << "\n[[conference]]\n"
            << "id = " << conference.id << "\n"
            << "title = " << quoted(conference.title) << "\n"
            << "chair_body = " << quoted(conference.chairBody) << "\n";
        optional("audience", conference.audience);
        if (!conference.date.empty()) out << "date = " << conference.date << "\n";
        optional("time", conference.time);
        optional("venue", conference.place);
        optional("chair", conference.chairPerson);
        if (conference.invitedCount) out << "invited = " << *conference.invitedCount << "\n";
    }
    for (const Conference& channel : file.conferences) {
        if (channel.channel == Channel::Public) {
            out << "\n[public]\n"
                << "id = " << channel.id << "\n"
                << "title = " << quoted(channel.title) << "\n";
            optional("chair_body", channel.chairBody);
            optional("audience", channel.audience);
            optional("venue", channel.place);
            out << "from = " << c.publicFrom << "\n"
                << "to = " << c.publicTo << "\n"
                << "wards = " << list(c.wards) << "\n";
        }
    }
    for (const Conference& channel : file.conferences) {
        if (channel.channel != Channel::Grassroots) continue;
        out << "\n[grassroots]\n"
            << "id = " << channel.id << "\n"
            << "title = " << quoted(channel.title) << "\n";
        optional("chair_body", channel.chairBody);
        optional("audience", channel.audience);
        for (const GrassrootsOrganisation& o : file.organisations) {
            out << "\n[[grassroots.organisation]]\n"
                << "id = " << o.id << "\n"
                << "name = " << quoted(o.name) << "\n";
            if (!o.due.empty()) out << "due = " << o.due << "\n";
        }
    }
    return out.str();
}

}  // namespace gopy::intake
