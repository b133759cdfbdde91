#include "pdf_tools.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>

namespace gopy::testing {

CommandResult run(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 65536> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("gopy-report-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string collapse(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string pdfText(const std::filesystem::path& pdf) {
    const CommandResult r =
        run(std::string(GOPY_PDFTOTEXT) + " -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null");
    // Drop the page numbers at the top of pages 2…, so text running across a page reads on.
    std::string text;
    std::size_t start = 0;
    while (start <= r.output.size()) {
        std::size_t end = r.output.find('\f', start);
        if (end == std::string::npos) end = r.output.size();
        std::string page = r.output.substr(start, end - start);
        const std::size_t firstLine = page.find('\n');
        const std::string head = page.substr(0, firstLine);
        if (!head.empty() && head.find_first_not_of("0123456789") == std::string::npos) {
            page.erase(0, firstLine == std::string::npos ? page.size() : firstLine + 1);
        }
        text += page;
        text += '\n';
        start = end + 1;
    }
    return collapse(text);
}

namespace {

std::string unescape(std::string s) {
    const std::array<std::pair<const char*, const char*>, 5> entities = {
        {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}};
    for (const auto& [from, to] : entities) {
        for (std::size_t pos = s.find(from); pos != std::string::npos;
             pos = s.find(from, pos + 1)) {
            s.replace(pos, std::char_traits<char>::length(from), to);
        }
    }
    return s;
}

}  // namespace

namespace {

double attribute(const std::string& line, const char* name) {
    const std::string key = std::string(name) + "=\"";
    const std::size_t at = line.find(key);
    if (at == std::string::npos) return 0;
    return std::stod(line.substr(at + key.size()));
}

}  // namespace

std::vector<WordBox> wordBoxes(const std::filesystem::path& pdf, std::vector<PageBox>& pages) {
    const CommandResult r =
        run(std::string(GOPY_PDFTOTEXT) + " -enc UTF-8 -bbox '" + pdf.string() + "' - 2>/dev/null");
    std::vector<WordBox> words;
    std::size_t lineStart = 0;
    const std::string& out = r.output;
    while (lineStart < out.size()) {
        std::size_t lineEnd = out.find('\n', lineStart);
        if (lineEnd == std::string::npos) lineEnd = out.size();
        const std::string line = out.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        if (line.find("<page ") != std::string::npos) {
            pages.push_back(PageBox{attribute(line, "width"), attribute(line, "height")});
        } else if (line.find("<word ") != std::string::npos) {
            const std::size_t open = line.find('>');
            const std::size_t close = line.rfind("</word>");
            if (open == std::string::npos || close == std::string::npos || close < open) continue;
            words.push_back(WordBox{static_cast<int>(pages.size()), attribute(line, "xMin"),
                                    attribute(line, "yMin"), attribute(line, "xMax"),
                                    attribute(line, "yMax"),
                                    unescape(line.substr(open + 1, close - open - 1))});
        }
    }
    return words;
}

}  // namespace gopy::testing
