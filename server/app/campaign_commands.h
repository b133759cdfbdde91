// gopy-server init, campaign show and conference set: the organiser's campaign from its TOML
// file, printed back, and what the organiser sets of a conference (date, time, venue, chair,
// chairing body, audience, invited count) while the campaign runs.
#pragma once

#include <string>
#include <vector>

namespace gopy::server::app {

/// True for the commands handled here ("init", "campaign", "conference").
bool isCampaignCommand(const std::string& command);

/// Runs `init --data DIR FILE.toml` (a new campaign from its file: refused if the folder
/// already holds one or a server serves it) or `campaign show --data DIR` (the campaign as a
/// TOML file that init reads back). Exit code 0 done, 1 refused, 2 bad command line.
int runCampaignCommand(const std::vector<std::string>& args);

/// Runs `conference set ID --data DIR [--title T] [--date YYYY-MM-DD] [--time HH:MM]
/// [--venue V] [--chair NAME] [--chair-body B] [--audience A] [--invited N|auto]` (`args`
/// without the program name). Works while `serve` runs on the folder; devices see the change
/// when they next connect, and every report generated after it uses it. Exit code 0 done,
/// 1 the database cannot be used or the conference does not exist, 2 bad command line.
int runConferenceCommand(const std::vector<std::string>& args);

}  // namespace gopy::server::app
