// RAII wrapper over one libharu document: Liberation Serif in four faces, embedded (libharu
// 2.3.0 writes CID TrueType fonts with only the glyphs used, see docs/benchmarks.md), UTF-8
// text, compression on, metadata; draws laid-out pages. libharu errors become PdfError.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "gopy/model.h"
#include "server/report/layout_types.h"
#include "server/report/text_measurer.h"

namespace gopy::server::report {

class PdfError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where the Liberation Serif TTF files are: $GOPY_FONT_DIR if set, else share/gopy/fonts beside
/// an installed binary's bin/ (the Debian package's /usr/share/gopy/fonts), else the build's
/// assets/fonts directory (GOPY_REPORT_FONT_DIR).
std::filesystem::path defaultFontDir();

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string creator = "GopY";
    Millis created = 0;  ///< written as local time in Việt Nam (UTC+7)
};

class PdfDocument final : public TextMeasurer {
public:
    /// Creates a document and loads the four faces from `fontDir`. Throws PdfError naming the
    /// file when a font cannot be loaded.
    explicit PdfDocument(const std::filesystem::path& fontDir = defaultFontDir());
    ~PdfDocument() override;
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    /// Title, author, subject, creator and creation date of the file.
    void setInfo(const DocumentInfo& info);
    /// Advance width from the embedded font's metrics (cached per code point).
    double advance(char32_t codePoint, Face face) const override;
    /// Appends an A4 page with the given text and rules.
    void drawPage(const Page& page, const PageGeometry& geometry);
    /// The finished PDF file's bytes. The document is unusable afterwards.
    std::string save();

private:
    void check(const char* what) const;

    struct Handle;
    std::unique_ptr<Handle> handle_;
    std::array<void*, 4> fonts_{};  // HPDF_Font per Face
    mutable std::array<std::vector<float>, 4> widthCache_;
};

}  // namespace gopy::server::report
