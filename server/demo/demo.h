// The demo campaign of Plan 273-KH/QU (Ba Đình District Party Committee, 03/02/2025).
#pragma once

#include <string>

namespace gopy::server {
class Engine;
}

namespace gopy::server::demo {

/// Creates (or recreates, if empty) the demo campaign in `engine`'s database: the campaign and
/// letterhead, the draft outline, conferences 1–5 in the plan's order, the public and grassroots
/// channels, participant lists, and the concluded session of conference 1 (seedDemoSession).
/// Does nothing and returns false if the database already holds a campaign.
bool createDemoCampaign(Engine& engine);

/// Records a realistic, concluded session of conference 1 through the engine's own operations
/// (so it is exactly what secretaries would have produced): about 15 speakers, 40 comments of
/// every kind, verbatim amendments, written submissions. Implemented in demo_session.cpp.
void seedDemoSession(Engine& engine);

}  // namespace gopy::server::demo
