// gopy-server report release: the office releases a meeting's synthesis to its delegates.
#pragma once

#include <string>
#include <vector>

namespace gopy::server::app {

/// True for `report release …` (the other `report` forms are the Cli's).
bool isReportReleaseCommand(const std::vector<std::string>& args);

/// Runs `report release --data DIR --conference ID [--version N]`: releases the conference's
/// newest synthesis (PDF) version, or version N, as the office (an organiser's `report.release`
/// through the Engine: logged, audited). Works while `serve` runs on the same folder: the
/// running server's Writer finds the event in the log and pushes it to the conference's
/// devices within about a second, so delegates see the report at once. Releasing a version that
/// is already released changes nothing and says so. Exit code 0 done, 1 refused, 2 bad command
/// line.
int runReportRelease(const std::vector<std::string>& args);

}  // namespace gopy::server::app
