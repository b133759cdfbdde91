// gopy-server draft import, import-public, import-grassroots and import-participants: the
// draft, public comments, grassroots reports and a conference's invited delegates.
#pragma once

#include <string>
#include <vector>

namespace gopy::server::app {

/// True for the commands handled here ("draft", "import-public", "import-grassroots",
/// "import-participants").
bool isImportCommand(const std::string& command);

/// Runs `draft import --data DIR FILE`, `import-public --data DIR FILE` or
/// `import-grassroots --data DIR FILE` (`args` without the program name). Exit code 0 done (refused rows included), 1 the file or database cannot be
/// used, 2 bad command line. Messages in Vietnamese on stderr; results on stdout.
int runImportCommand(const std::vector<std::string>& args);

}  // namespace gopy::server::app
