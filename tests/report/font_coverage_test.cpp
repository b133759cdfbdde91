// The report fonts must have a real glyph for every letter the reports draw. pdftotext reads
// text back even when the glyph is missing (it uses the character codes), so coverage is
// checked on the font files themselves with FreeType: Liberation Serif 1.07 lacks the
// Vietnamese letters of Latin Extended Additional (ả, ậ, ự, …); 2.x has them.
#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H

#include <array>

#include "sample_data.h"
#include "server/report/pdf_document.h"
#include "server/report/text_measurer.h"

namespace gopy::server::report {
namespace {

class FontCoverage : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        ASSERT_EQ(FT_Init_FreeType(&library), 0);
        const std::string path = (defaultFontDir() / GetParam()).string();
        ASSERT_EQ(FT_New_Face(library, path.c_str(), 0, &face), 0) << path;
    }
    void TearDown() override {
        if (face != nullptr) FT_Done_Face(face);
        if (library != nullptr) FT_Done_FreeType(library);
    }
    FT_Library library = nullptr;
    FT_Face face = nullptr;
};

TEST_P(FontCoverage, EveryVietnameseLetterAndReportPunctuationHasAGlyph) {
    const std::string text = gopy::testing::vietnameseAlphabet() + "“”–…*/():;,.-0123456789%";
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t cp = nextCodePoint(text, i);
        if (cp == U' ') continue;
        EXPECT_NE(FT_Get_Char_Index(face, cp), 0U)
            << GetParam() << " has no glyph for U+" << std::hex << static_cast<unsigned>(cp) << " '"
            << text.substr(at, i - at) << "'";
    }
}

INSTANTIATE_TEST_SUITE_P(Faces, FontCoverage,
                         ::testing::Values("LiberationSerif-Regular.ttf",
                                           "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                                           "LiberationSerif-BoldItalic.ttf"));

}  // namespace
}  // namespace gopy::server::report
