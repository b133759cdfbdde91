#include "server/report/pdf_document.h"

#include <hpdf.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace gopy::server::report {

namespace {

// Every code point we cache densely: Latin, Vietnamese (Latin Extended Additional), punctuation.
constexpr char32_t kCachedCodePoints = 0x2100;

constexpr std::array<const char*, 4> kFaceFiles = {
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf"};

}  // namespace

std::filesystem::path defaultFontDir() {
    if (const char* env = std::getenv("GOPY_FONT_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    // An installed gopy-server (/usr/bin) finds the fonts its package put in /usr/share/gopy.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "gopy" / "fonts";
        if (std::filesystem::exists(installed / kFaceFiles[0], ec)) return installed;
    }
    return GOPY_REPORT_FONT_DIR;
}

struct PdfDocument::Handle {
    HPDF_Doc doc = nullptr;
    // libharu calls the handler from C code: unwinding through it is undefined, so the handler
    // only records the error and check() throws once libharu has returned.
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;

    static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
        auto* h = static_cast<Handle*>(self);
        if (h->error == HPDF_OK) {
            h->error = error;
            h->detail = detail;
        }
    }
    ~Handle() {
        if (doc != nullptr) HPDF_Free(doc);
    }
};

PdfDocument::PdfDocument(const std::filesystem::path& fontDir)
    : handle_(std::make_unique<Handle>()) {
    handle_->doc = HPDF_New(&Handle::onError, handle_.get());
    if (handle_->doc == nullptr) throw PdfError("libharu: cannot create a document");
    HPDF_SetCompressionMode(handle_->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(handle_->doc);
    HPDF_SetCurrentEncoder(handle_->doc, "UTF-8");
    check("setting up UTF-8");
    for (std::size_t f = 0; f < kFaceFiles.size(); ++f) {
        const std::string path = (fontDir / kFaceFiles[f]).string();
        if (!std::filesystem::exists(path)) throw PdfError("font not found: " + path);
        const char* name = HPDF_LoadTTFontFromFile(handle_->doc, path.c_str(), HPDF_TRUE);
        check(("loading font " + path).c_str());
        HPDF_Font font = HPDF_GetFont(handle_->doc, name, "UTF-8");
        check(("opening font " + path).c_str());
        fonts_[f] = font;
        widthCache_[f].assign(kCachedCodePoints, -1.0F);
    }
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::check(const char* what) const {
    if (handle_->error == HPDF_OK) return;
    std::array<char, 48> code{};
    std::snprintf(code.data(), code.size(), " (libharu error 0x%04X, detail %u)",
                  static_cast<unsigned>(handle_->error), static_cast<unsigned>(handle_->detail));
    const std::string message = std::string("PDF: ") + what + code.data();
    handle_->error = HPDF_OK;
    HPDF_ResetError(handle_->doc);
    throw PdfError(message);
}

void PdfDocument::setInfo(const DocumentInfo& info) {
    HPDF_Doc doc = handle_->doc;
    HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, info.title.c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, info.author.c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, info.subject.c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, info.creator.c_str());
    // Việt Nam keeps UTC+7 all year.
    const std::time_t seconds = static_cast<std::time_t>(info.created / 1000) + 7L * 3600;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    HPDF_Date date{};
    date.year = tm.tm_year + 1900;
    date.month = tm.tm_mon + 1;
    date.day = tm.tm_mday;
    date.hour = tm.tm_hour;
    date.minutes = tm.tm_min;
    date.seconds = tm.tm_sec;
    date.ind = '+';
    date.off_hour = 7;
    date.off_minutes = 0;
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
    check("writing metadata");
}

double PdfDocument::advance(char32_t cp, Face face) const {
    const auto f = static_cast<std::size_t>(face);
    if (cp < kCachedCodePoints) {
        float& cached = widthCache_[f][cp];
        if (cached < 0) {
            cached = static_cast<float>(HPDF_Font_GetUnicodeWidth(static_cast<HPDF_Font>(fonts_[f]),
                                                                  static_cast<HPDF_UNICODE>(cp)));
        }
        return cached;
    }
    if (cp > 0xFFFF) return 0;  // libharu's UTF-8 path handles the Basic Multilingual Plane only
    return HPDF_Font_GetUnicodeWidth(static_cast<HPDF_Font>(fonts_[f]),
                                     static_cast<HPDF_UNICODE>(cp));
}

void PdfDocument::drawPage(const Page& page, const PageGeometry& geometry) {
    HPDF_Page p = HPDF_AddPage(handle_->doc);
    check("adding a page");
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(geometry.width));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(geometry.height));
    if (!page.rules.empty()) {
        double thickness = -1;
        bool open = false;
        for (const PlacedRule& r : page.rules) {
            if (r.thickness != thickness) {
                // the line width may only change outside a path
                if (open) HPDF_Page_Stroke(p);
                thickness = r.thickness;
                HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(thickness));
            }
            open = true;
            HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(r.x1), static_cast<HPDF_REAL>(r.y1));
            HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(r.x2), static_cast<HPDF_REAL>(r.y2));
        }
        HPDF_Page_Stroke(p);
    }
    if (!page.texts.empty()) {
        HPDF_Page_BeginText(p);
        int face = -1;
        double size = -1;
        double spacing = 0;
        double x = 0;
        double y = 0;
        for (const PlacedText& t : page.texts) {
            if (static_cast<int>(t.face) != face || t.size != size) {
                face = static_cast<int>(t.face);
                size = t.size;
                HPDF_Page_SetFontAndSize(
                    p, static_cast<HPDF_Font>(fonts_[static_cast<std::size_t>(face)]),
                    static_cast<HPDF_REAL>(size));
            }
            if (t.charSpacing != spacing) {
                spacing = t.charSpacing;
                HPDF_Page_SetCharSpace(p, static_cast<HPDF_REAL>(spacing));
            }
            // relative moves (Td) keep the content stream short
            HPDF_Page_MoveTextPos(p, static_cast<HPDF_REAL>(t.x - x),
                                  static_cast<HPDF_REAL>(t.y - y));
            x = t.x;
            y = t.y;
            HPDF_Page_ShowText(p, t.text.c_str());
        }
        HPDF_Page_EndText(p);
    }
    check("drawing a page");
}

std::string PdfDocument::save() {
    HPDF_SaveToStream(handle_->doc);
    check("saving");
    const HPDF_UINT32 size = HPDF_GetStreamSize(handle_->doc);
    std::string bytes(size, '\0');
    HPDF_UINT32 read = size;
    HPDF_ReadFromStream(handle_->doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
    // libharu reports end of stream as an error although the data are complete
    if (handle_->error == HPDF_STREAM_EOF) {
        handle_->error = HPDF_OK;
        HPDF_ResetError(handle_->doc);
    }
    check("reading the saved file");
    bytes.resize(read);
    return bytes;
}

}  // namespace gopy::server::report
