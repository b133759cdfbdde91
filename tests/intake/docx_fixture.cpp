// The fixture generator: the XML sources in tests/data/draft are zipped at test time with the
// project's own zip writer, so the committed sources stay reviewable.
#include "tests/intake/docx_fixture.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "server/docx/zip_package.h"

namespace gopy::test {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string zipEntries(const std::map<std::string, std::string>& entries) {
    docx::ZipPackage zip;
    // [Content_Types].xml first, as Word writes it.
    if (const auto it = entries.find("[Content_Types].xml"); it != entries.end()) {
        zip.add(it->first, it->second);
    }
    for (const auto& [name, content] : entries) {
        if (name != "[Content_Types].xml") zip.add(name, content);
    }
    return zip.bytes();
}

std::string zipFolder(const std::filesystem::path& folder) {
    std::map<std::string, std::string> entries;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        entries[std::filesystem::relative(entry.path(), folder).generic_string()] =
            readFile(entry.path());
    }
    return zipEntries(entries);
}

}  // namespace gopy::test
