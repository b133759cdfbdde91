// The demo campaign of Plan 273-KH/QU (Ba Đình District Party Committee, 03/02/2025).
#pragma once

#include <string>

namespace gopy::server {
class Engine;
}

namespace gopy::server::demo {

/// Creates (or recreates, if empty) the demo campaign in `engine`'s database: the campaign and
/// letterhead, the draft outline, conferences 1–5 in the plan's order, the public and grassroots
/// channels, participant lists, the concluded session of conference 1 (seedDemoSession), three
/// grassroots reports, public comments and the drafting team's first answers.
/// Does nothing and returns false if the database already holds a campaign.
bool createDemoCampaign(Engine& engine);

/// Records a realistic, concluded session of conference 1 through the engine's own operations
/// (so it is exactly what secretaries would have produced): about 15 speakers, 40 comments of
/// every kind, verbatim amendments, written submissions. Implemented in demo_session.cpp.
void seedDemoSession(Engine& engine);

/// Imports the demo's public comments (the 13 ward pages) through the public import path:
/// some without a section, two topics said several times, one sent after the window.
/// Throws std::runtime_error if the campaign is missing. Implemented in demo_channels.cpp.
void seedPublicComments(Engine& engine);

/// The drafting team's first answers: the near-duplicate group on old apartment blocks
/// confirmed and answered "in part", two grassroots comments answered. Run after
/// seedPublicComments and the grassroots reports. Throws std::runtime_error if the demo data
/// does not have what it answers.
void seedDraftingWork(Engine& engine);

}  // namespace gopy::server::demo
