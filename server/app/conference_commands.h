// gopy-server conference set: what the organiser sets of a conference (date, time, venue,
// chair, chairing body, audience, invited count) while the campaign runs.
#pragma once

#include <string>
#include <vector>

namespace gopy::server::app {

/// True for the commands handled here ("conference").
bool isConferenceCommand(const std::string& command);

/// Runs `conference set ID --data DIR [--title T] [--date YYYY-MM-DD] [--time HH:MM]
/// [--venue V] [--chair NAME] [--chair-body B] [--audience A] [--invited N|auto]` (`args`
/// without the program name). Works while `serve` runs on the folder; devices see the change
/// when they next connect, and every report generated after it uses it. Exit code 0 done,
/// 1 the database cannot be used or the conference does not exist, 2 bad command line.
int runConferenceCommand(const std::vector<std::string>& args);

}  // namespace gopy::server::app
