// gopy-server devices and revoke: the organiser sees every admitted device and cuts one off.
#pragma once

#include <string>
#include <vector>

namespace gopy::server::app {

/// True for the commands handled here ("devices", "revoke").
bool isDeviceCommand(const std::string& command);

/// Runs `devices --data DIR` (every device: id, name, role, conference, admitted, last seen,
/// last address, state) or `revoke --data DIR ID` (cuts the device off; a server serving the
/// folder closes its connection within about a second and refuses its token from then on).
/// Both work while `serve` runs. Exit code 0 done, 1 refused, 2 bad command line.
int runDeviceCommand(const std::vector<std::string>& args);

}  // namespace gopy::server::app
