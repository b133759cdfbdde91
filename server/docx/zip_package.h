// An in-memory zip archive written with libzip (deflate), for the parts of a .docx package.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gopy::docx {

class ZipPackage {
public:
    /// Adds an entry; entries are written in the order added.
    void add(std::string name, std::string content);
    /// The archive bytes. Throws DocxError if libzip fails.
    [[nodiscard]] std::string bytes() const;

private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace gopy::docx
