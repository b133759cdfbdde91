// Read access to a zip archive held in memory (libzip), for the parts of a .docx.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace gopy::intake {

class ZipReader {
public:
    /// Opens the archive over `bytes`, which must outlive the reader. Check ok() after.
    explicit ZipReader(std::string_view bytes);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    /// True if the bytes are a readable zip archive.
    [[nodiscard]] bool ok() const noexcept { return archive_ != nullptr; }
    /// Largest part read: far above the document.xml of a 300-page draft (a few MB).
    static constexpr std::size_t kMaxPartBytes = 64u << 20;

    /// The uncompressed content of the entry `name`, or nullopt if absent, unreadable or larger
    /// than kMaxPartBytes (declared or once inflated).
    [[nodiscard]] std::optional<std::string> read(const std::string& name) const;

private:
    struct zip* archive_ = nullptr;
};

}  // namespace gopy::intake
