// libFuzzer target: every importer the office feeds files into (public comments as CSV and
// JSON, grassroots reports as CSV, the draft as Markdown and .docx, the invited delegates as
// .xlsx or CSV, the campaign file as TOML). The first byte of the input picks the importer; the
// rest is the file's bytes.
// Properties checked beyond "no crash, no sanitizer report":
//   - a file-level refusal is one of the importer's typed errors, with a message;
//   - every refused row names its line ("dòng N: …") and every accepted row has a line;
//   - every accepted text is valid UTF-8 in NFC (what the database stores).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/text.h"
#include "server/intake/campaign_file.h"
#include "server/intake/draft_import.h"
#include "server/intake/grassroots_import.h"
#include "server/intake/participant_import.h"
#include "server/intake/public_import.h"

namespace {

void check(bool condition) {
    if (!condition) std::abort();
}

void checkText(const std::string& text) {
    check(gopy::text::isValidUtf8(text));
    check(gopy::text::nfc(text) == text);
}

void checkErrors(const std::vector<gopy::intake::RowError>& errors) {
    for (const auto& error : errors) {
        check(error.line > 0);
        check(error.reason.rfind("dòng ", 0) == 0);
        checkText(error.reason);
    }
}

const gopy::intake::PublicImportOptions& publicOptions() {
    static const gopy::intake::PublicImportOptions options{
        {"Phúc Xá", "Trúc Bạch", "Vĩnh Phúc", "Cống Vị", "Liễu Giai", "Nguyễn Trung Trực",
         "Quán Thánh", "Ngọc Hà", "Điện Biên", "Đội Cấn", "Ngọc Khánh", "Kim Mã", "Giảng Võ"},
        {"I", "I.1", "II", "II.3", "II.4", "II.4.a"},
        "2025-02-03",
        "2025-06-15",
        {},
        1000};
    return options;
}

void checkPublic(const gopy::intake::PublicImportResult& result) {
    checkErrors(result.errors);
    check(result.rows.size() + result.errors.size() <= result.records);
    for (const auto& row : result.rows) {
        check(row.line > 0);
        check(!row.text.empty());
        checkText(row.text);
        checkText(row.name);
        check(row.dedupeKey.size() == 64);
    }
}

void fuzzPublic(std::string_view bytes, bool json) {
    try {
        checkPublic(json ? gopy::intake::parsePublicJson(bytes, publicOptions())
                         : gopy::intake::parsePublicCsv(bytes, publicOptions()));
    } catch (const gopy::intake::PublicImportError& error) {
        check(std::string_view(error.what()).size() > 0);
    }
}

void fuzzGrassroots(std::string_view bytes) {
    static const gopy::intake::GrassrootsImportOptions options{
        {{1, "Đảng bộ phường Phúc Xá", "2025-05-31", 0},
         {2, "Chi bộ Khu dân cư số 3, phường Trúc Bạch", "2025-05-31", 0}},
        {"I", "II.3", "II.4.a"}};
    try {
        const auto result = gopy::intake::parseGrassrootsCsv(bytes, options);
        checkErrors(result.errors);
        for (const auto& row : result.rows) {
            check(row.line > 0);
            check(row.organisationId == 1 || row.organisationId == 2);
            check(!row.text.empty());
            checkText(row.text);
        }
    } catch (const gopy::intake::PublicImportError& error) {
        check(std::string_view(error.what()).size() > 0);
    }
}

void checkOutline(const gopy::intake::DraftOutline& outline) {
    checkText(outline.title);
    for (const auto& section : outline.sections) {
        checkText(section.title);
        checkText(section.code);
    }
    for (const auto& paragraph : outline.paragraphs) {
        check(paragraph.number > 0);
        checkText(paragraph.text);
    }
}

void fuzzDraft(std::string_view bytes, bool docx) {
    try {
        checkOutline(docx ? gopy::intake::importDocx(bytes) : gopy::intake::importMarkdown(bytes));
    } catch (const gopy::intake::DraftImportError& error) {
        check(std::string_view(error.what()).size() > 0);
    }
}

void fuzzParticipants(std::string_view bytes) {
    try {
        const auto result = gopy::intake::parseParticipantBytes(bytes);
        checkErrors(result.errors);
        for (const auto& row : result.rows) {
            check(row.line > 0 && !row.fullName.empty());
            checkText(row.fullName);
            checkText(row.title);
        }
    } catch (const gopy::intake::PublicImportError& error) {
        check(std::string_view(error.what()).size() > 0);
    }
}

void fuzzCampaign(std::string_view bytes) {
    try {
        const auto file = gopy::intake::parseCampaignToml(bytes, "x.toml");
        // What init stores, campaign show prints back to the same campaign.
        check(gopy::intake::parseCampaignToml(gopy::intake::campaignToToml(file), "y.toml") == file);
        checkText(file.campaign.title);
    } catch (const gopy::intake::CampaignFileError& error) {
        check(std::string_view(error.what()).rfind("x.toml", 0) == 0);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 7) {
    case 0: fuzzPublic(bytes, false); break;
    case 1: fuzzPublic(bytes, true); break;
    case 2: fuzzGrassroots(bytes); break;
    case 3: fuzzDraft(bytes, false); break;
    case 4: fuzzDraft(bytes, true); break;
    case 5: fuzzParticipants(bytes); break;
    default: fuzzCampaign(bytes); break;
    }
    return 0;
}
