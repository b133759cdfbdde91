// An in-memory zip archive written with libzip (deflate), for the parts of a .docx package.
// An entry is either a string or a stream read piece by piece while the archive is written,
// so a large part (document.xml) need not be held as one more string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gopy::docx {

/// The content of one entry, read from the start each time the archive is written.
class ZipStream {
public:
    virtual ~ZipStream() = default;
    /// Total size in bytes.
    [[nodiscard]] virtual std::uint64_t size() const = 0;
    /// Goes back to the first byte. Returns false on an I/O failure.
    virtual bool rewind() = 0;
    /// Copies up to `length` next bytes into `out`; returns the count (0 at the end) or -1 on
    /// an I/O failure.
    virtual std::int64_t read(char* out, std::size_t length) = 0;
};

class ZipPackage {
public:
    /// Adds an entry; entries are written in the order added.
    void add(std::string name, std::string content);
    /// Adds an entry streamed from `content` when the archive is written.
    void add(std::string name, std::unique_ptr<ZipStream> content);
    /// The archive bytes. Throws DocxError if libzip fails or a stream cannot be read.
    [[nodiscard]] std::string bytes() const;

private:
    struct Entry {
        std::string name;
        std::string content;
        std::unique_ptr<ZipStream> stream;
    };
    std::vector<Entry> entries_;
};

}  // namespace gopy::docx
