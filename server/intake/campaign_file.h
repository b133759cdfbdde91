// A campaign as the office writes it: one TOML file (read with toml++, Debian's
// libtomlplusplus-dev) holding the letterhead, the plan and its deadlines, the conferences,
// the public channel with its wards and window, and the grassroots organisations. TOML because
// an office worker can edit it in any text editor, it has real dates, comments and Unicode, and
// toml++ names the line of every fault. No database access: `gopy-server init` stores it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/model.h"

namespace gopy::intake {

struct CampaignFile {
    Campaign campaign;
    /// The conferences in order, then the public channel and the grassroots channel (each a
    /// conference of its channel), with the ids the file gives.
    std::vector<Conference> conferences;
    std::vector<GrassrootsOrganisation> organisations;
    bool operator==(const CampaignFile&) const = default;
};

/// A refused file: a Vietnamese message that starts with "FILE, dòng N: " where a line is known.
class CampaignFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses and checks a campaign file (`name` is used in messages). Every text is NFC and
/// trimmed. Required: [campaign] title, draft_title, plan_number; [letterhead] parent_body,
/// issuing_body, issuing_code, place, signer_on_behalf, signer_role, signer_name; at least one
/// [[conference]] with id, title, chair_body. Dates are TOML dates (2025-03-12) or "YYYY-MM-DD"
/// strings; times "HH:MM". Unknown keys are refused (a misspelt key would silently do nothing).
/// Throws CampaignFileError.
CampaignFile parseCampaignToml(std::string_view text, std::string_view name);

/// The campaign back as a TOML file that parseCampaignToml reads to the same value.
std::string campaignToToml(const CampaignFile& file);

}  // namespace gopy::intake
