// Runs the installed PDF tools (poppler-utils, qpdf) on real output.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gopy::testing {

struct CommandResult {
    int exitCode = -1;
    std::string output;  ///< stdout
};

/// Runs `command` through the shell and captures stdout.
CommandResult run(const std::string& command);

/// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

void writeFile(const std::filesystem::path& path, const std::string& bytes);

/// pdftotext output (UTF-8, reading order) with runs of whitespace collapsed to one space.
std::string pdfText(const std::filesystem::path& pdf);
/// Collapses runs of whitespace (including newlines) to single spaces.
std::string collapse(const std::string& text);

struct WordBox {
    int page = 0;
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0;  ///< from the top-left corner, points
    std::string word;
};
struct PageBox {
    double width = 0, height = 0;
};
/// Every word with its box as `pdftotext -bbox` reports it, and the page sizes.
std::vector<WordBox> wordBoxes(const std::filesystem::path& pdf, std::vector<PageBox>& pages);

}  // namespace gopy::testing
