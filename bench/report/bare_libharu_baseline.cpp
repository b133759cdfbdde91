// Baseline for the report benchmark: a bare libharu program that only wraps and draws text.
// Reads paragraphs (one per line, UTF-8) and writes an A4 PDF with the same font, size and
// margins as the reports: greedy wrapping, left-aligned lines, page breaks; no tables, no
// justification, no model. Prints the milliseconds (wall clock, then CPU time) spent from
// creating the document to the written file (reading the input is not counted).
//   gopy_report_baseline INPUT.txt OUTPUT.pdf
#include <hpdf.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

void onError(HPDF_STATUS error, HPDF_STATUS detail, void*) {
    std::cerr << "libharu error " << std::hex << error << " detail " << detail << "\n";
    std::exit(1);
}

char32_t next(const std::string& s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra && i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: gopy_report_baseline INPUT.txt OUTPUT.pdf\n";
        return 2;
    }
    std::vector<std::string> paragraphs;
    {
        std::ifstream in(argv[1]);
        for (std::string line; std::getline(in, line);) paragraphs.push_back(line);
    }
    const auto start = std::chrono::steady_clock::now();
    timespec cpuStart{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuStart);

    HPDF_Doc pdf = HPDF_New(onError, nullptr);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const std::string fontPath = std::string(GOPY_REPORT_FONT_DIR) + "/LiberationSerif-Regular.ttf";
    const char* name = HPDF_LoadTTFontFromFile(pdf, fontPath.c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");

    const float size = 14, leading = 14 * 1.25F;
    const float width = 595.276F, height = 841.89F;
    const float left = 85.04F, right = 42.52F, top = 56.69F, bottom = 56.69F;
    const float body = width - left - right;
    std::vector<float> widths(0x2100, -1);
    auto advance = [&](char32_t cp) -> float {
        if (cp >= widths.size())
            return static_cast<float>(HPDF_Font_GetUnicodeWidth(font, cp)) * size / 1000;
        if (widths[cp] < 0)
            widths[cp] = static_cast<float>(HPDF_Font_GetUnicodeWidth(font, cp)) * size / 1000;
        return widths[cp];
    };

    HPDF_Page page = nullptr;
    float y = 0;
    auto newPage = [&] {
        if (page != nullptr) HPDF_Page_EndText(page);
        page = HPDF_AddPage(pdf);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, size);
        y = height - top - size;
    };
    newPage();
    const float space = advance(U' ');
    for (const std::string& text : paragraphs) {
        std::string line;
        float lineWidth = 0;
        std::size_t i = 0;
        auto flush = [&] {
            if (y < bottom) newPage();
            HPDF_Page_TextOut(page, left, y, line.c_str());
            y -= leading;
            line.clear();
            lineWidth = 0;
        };
        while (i < text.size()) {
            while (i < text.size() && text[i] == ' ') ++i;
            const std::size_t wordStart = i;
            float w = 0;
            while (i < text.size() && text[i] != ' ') w += advance(next(text, i));
            if (i == wordStart) break;
            if (!line.empty() && lineWidth + space + w > body) flush();
            if (!line.empty()) {
                line += ' ';
                lineWidth += space;
            }
            line.append(text, wordStart, i - wordStart);
            lineWidth += w;
        }
        if (!line.empty()) flush();
    }
    HPDF_Page_EndText(page);
    HPDF_SaveToFile(pdf, argv[2]);
    HPDF_Free(pdf);

    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    timespec cpuEnd{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuEnd);
    const double cpuMs = static_cast<double>(cpuEnd.tv_sec - cpuStart.tv_sec) * 1e3 +
                         static_cast<double>(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e6;
    std::cout << ms << " " << cpuMs << "\n";
    return 0;
}
