// The gopy-server command line: serve, demo, admit, report, help.
// Exit codes: 0 done, 1 could not do it (message on stderr), 2 bad command line.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gopy::server::app {

class Cli {
public:
    /// Runs one command (`args` without the program name) and returns the exit code.
    int run(const std::vector<std::string>& args);

private:
    struct Parsed {
        std::string command;
        std::map<std::string, std::string> options;  ///< "--data" → "DIR"; flags map to ""
        bool help = false;
    };

    /// Parses "--name value" pairs; flags are the options that take no value. On error prints
    /// the usage of the command and returns nullopt.
    std::optional<Parsed> parse(const std::vector<std::string>& args);

    int serve(const Parsed& parsed);
    int demo(const Parsed& parsed);
    int admit(const Parsed& parsed);
    int report(const Parsed& parsed);

    int usageError(const std::string& command, const std::string& message);
    void printHelp(const std::string& command);
    /// DIR/gopy.db if it exists; otherwise prints the clear error and returns nullopt.
    std::optional<std::filesystem::path> existingDatabase(const std::filesystem::path& dir);
    void openLog(const std::filesystem::path& dir);
};

}  // namespace gopy::server::app
