// Draft import entry points: .docx (zip of WordprocessingML parts) or Markdown.
#include "server/intake/draft_import.h"

#include <fstream>
#include <iterator>

#include "server/intake/docx_body_reader.h"
#include "server/intake/docx_numbering.h"
#include "server/intake/docx_styles.h"
#include "server/intake/markdown_reader.h"
#include "server/intake/outline_builder.h"
#include "server/intake/zip_reader.h"

namespace gopy::intake {

DraftImportError::DraftImportError(DraftError error, const std::string& message)
    : std::runtime_error(message), error_(error) {}

DraftOutline importDocx(std::string_view bytes) {
    const ZipReader zip(bytes);
    if (!zip.ok()) {
        throw DraftImportError(DraftError::NotZip,
                               "Tệp không phải là tệp .docx (không đọc được dạng nén zip)");
    }
    const std::optional<std::string> document = zip.read("word/document.xml");
    if (!document) {
        throw DraftImportError(DraftError::NoDocument,
                               "Tệp .docx không có phần nội dung word/document.xml");
    }
    DocxStyles styles;
    if (const std::optional<std::string> xml = zip.read("word/styles.xml")) {
        if (std::string error = styles.load(*xml); !error.empty()) {
            throw DraftImportError(DraftError::MalformedXml, "XML không hợp lệ: " + error);
        }
    }
    DocxNumbering numbering;
    if (const std::optional<std::string> xml = zip.read("word/numbering.xml")) {
        if (std::string error = numbering.load(*xml); !error.empty()) {
            throw DraftImportError(DraftError::MalformedXml, "XML không hợp lệ: " + error);
        }
    }
    std::vector<DraftBlock> blocks;
    DocxBodyReader reader(styles, numbering);
    if (std::string error = reader.read(*document, blocks); !error.empty()) {
        throw DraftImportError(DraftError::MalformedXml, "XML không hợp lệ: " + error);
    }
    return buildOutline(std::move(blocks));
}

DraftOutline importMarkdown(std::string_view utf8) { return buildOutline(readMarkdown(utf8)); }

DraftOutline importDraftFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw DraftImportError(DraftError::Unreadable, "Không mở được tệp " + path.string());
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        throw DraftImportError(DraftError::Unreadable, "Không đọc được tệp " + path.string());
    }
    if (bytes.starts_with("PK")) return importDocx(bytes);
    const std::string ext = path.extension().string();
    if (ext == ".docx" || ext == ".DOCX") return importDocx(bytes);
    if (bytes.find('\0') != std::string::npos) {
        throw DraftImportError(DraftError::UnknownFormat,
                               "Tệp không phải .docx cũng không phải văn bản Markdown");
    }
    return importMarkdown(bytes);
}

}  // namespace gopy::intake
