// Test read-back: libzip for the package, expat for the parts.
#include "tests/docx/docx_readback.h"

#include <expat.h>
#include <zip.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>

namespace gopy::test {
namespace {

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main|";

std::string_view local(const char* name) {
    const std::string_view n(name);
    return n.starts_with(kW) ? n.substr(kW.size()) : std::string_view();
}

const char* attribute(const char** attrs, std::string_view name) {
    for (const char** a = attrs; a[0]; a += 2) {
        if (local(a[0]) == name) return a[1];
    }
    return nullptr;
}

int toInt(const char* s) { return s ? std::atoi(s) : 0; }

struct Parser {
    using Start = void (*)(void*, const char*, const char**);
    using End = void (*)(void*, const char*);
    using Text = void (*)(void*, const char*, int);

    static std::string run(const std::string& xml, void* data, Start start, End end, Text text) {
        std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(
            XML_ParserCreateNS("UTF-8", '|'), &XML_ParserFree);
        XML_SetUserData(p.get(), data);
        XML_SetElementHandler(p.get(), start, end);
        XML_SetCharacterDataHandler(p.get(), text);
        if (XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR) {
            return std::string(XML_ErrorString(XML_GetErrorCode(p.get()))) + " at line " +
                   std::to_string(XML_GetCurrentLineNumber(p.get()));
        }
        return {};
    }
};

struct BodyState {
    DocxReadback* out = nullptr;
    int tableDepth = 0;
    bool inRunProps = false;
    bool inText = false;
    bool inSectPr = false;
    ParagraphInfo* paragraph = nullptr;
};

void onBodyStart(void* data, const char* name, const char** attrs) {
    auto& s = *static_cast<BodyState*>(data);
    const std::string_view n = local(name);
    if (n == "tbl") {
        ++s.tableDepth;
        s.out->tables.emplace_back();
    } else if (n == "gridCol") {
        s.out->tables.back().gridTwips.push_back(toInt(attribute(attrs, "w")));
    } else if (n == "top" && s.tableDepth > 0 && s.out->tables.back().borderTop.empty()) {
        if (const char* v = attribute(attrs, "val")) s.out->tables.back().borderTop = v;
    } else if (n == "tblHeader") {
        ++s.out->tables.back().headerRows;
    } else if (n == "tr") {
        ++s.out->tables.back().rows;
    } else if (n == "tc") {
        ++s.out->tables.back().cells;
    } else if (n == "p") {
        s.out->paragraphs.emplace_back();
        s.paragraph = &s.out->paragraphs.back();
        s.paragraph->tableDepth = s.tableDepth;
    } else if (n == "pStyle" && s.paragraph) {
        s.paragraph->style = attribute(attrs, "val");
    } else if (n == "jc" && s.paragraph) {
        s.paragraph->justification = attribute(attrs, "val");
    } else if (n == "ind" && s.paragraph) {
        s.paragraph->firstLineTwips = toInt(attribute(attrs, "firstLine"));
    } else if (n == "keepNext" && s.paragraph) {
        s.paragraph->keepNext = true;
    } else if (n == "r" && s.paragraph) {
        s.paragraph->runs.emplace_back();
    } else if (n == "rPr") {
        s.inRunProps = true;
    } else if (s.inRunProps && s.paragraph && !s.paragraph->runs.empty()) {
        RunInfo& run = s.paragraph->runs.back();
        if (n == "b")
            run.bold = true;
        else if (n == "i")
            run.italic = true;
        else if (n == "u")
            run.underline = true;
        else if (n == "sz")
            run.halfPoints = toInt(attribute(attrs, "val"));
    } else if (n == "t") {
        s.inText = true;
    } else if (n == "br" && s.paragraph && !s.paragraph->runs.empty()) {
        const char* type = attribute(attrs, "type");
        if (type && std::string_view(type) == "page")
            s.paragraph->pageBreak = true;
        else
            s.paragraph->runs.back().text += "\n";
    } else if (n == "tab" && s.paragraph && !s.paragraph->runs.empty()) {
        s.paragraph->runs.back().text += "\t";
    } else if (n == "sectPr") {
        s.inSectPr = true;
    } else if (s.inSectPr && (n == "pgSz" || n == "pgMar")) {
        for (const char** a = attrs; a[0]; a += 2) {
            s.out->sectionAttributes[std::string(n) + "/" + std::string(local(a[0]))] = a[1];
        }
    } else if (s.inSectPr && n == "headerReference") {
        s.out->headerReferences.emplace_back(attribute(attrs, "type"));
    } else if (s.inSectPr && n == "titlePg") {
        s.out->titlePage = true;
    }
}

void onBodyEnd(void* data, const char* name) {
    auto& s = *static_cast<BodyState*>(data);
    const std::string_view n = local(name);
    if (n == "tbl")
        --s.tableDepth;
    else if (n == "rPr")
        s.inRunProps = false;
    else if (n == "t")
        s.inText = false;
    else if (n == "p")
        s.paragraph = nullptr;
    else if (n == "sectPr")
        s.inSectPr = false;
}

void onBodyText(void* data, const char* text, int length) {
    auto& s = *static_cast<BodyState*>(data);
    if (s.inText && s.paragraph && !s.paragraph->runs.empty()) {
        s.paragraph->runs.back().text.append(text, static_cast<std::size_t>(length));
    }
}

void noStart(void*, const char*, const char**) {}
void noEnd(void*, const char*) {}
void collectText(void* data, const char* text, int length) {
    static_cast<std::string*>(data)->append(text, static_cast<std::size_t>(length));
}

}  // namespace

std::string ParagraphInfo::text() const {
    std::string out;
    for (const RunInfo& r : runs) out += r.text;
    return out;
}

std::string xmlText(const std::string& xml) {
    std::string out;
    Parser::run(xml, &out, noStart, noEnd, collectText);
    return out;
}

DocxReadback readDocx(const std::string& bytes) {
    DocxReadback out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive =
        source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (source) zip_source_free(source);
        throw std::runtime_error("not a zip archive");
    }
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
        std::string content(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (!f || zip_fread(f, content.data(), content.size()) !=
                      static_cast<zip_int64_t>(content.size())) {
            if (f) zip_fclose(f);
            zip_discard(archive);
            throw std::runtime_error(std::string("cannot read ") + st.name);
        }
        zip_fclose(f);
        out.entryNames.emplace_back(st.name);
        out.entries[st.name] = std::move(content);
    }
    zip_discard(archive);

    for (const auto& [name, content] : out.entries) {
        if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
        std::string ignored;
        if (std::string e = Parser::run(content, &ignored, noStart, noEnd, collectText);
            !e.empty()) {
            out.parseError += name + ": " + e + "\n";
        }
    }
    if (const auto doc = out.entries.find("word/document.xml"); doc != out.entries.end()) {
        BodyState state;
        state.out = &out;
        if (std::string e = Parser::run(doc->second, &state, onBodyStart, onBodyEnd, onBodyText);
            !e.empty()) {
            out.parseError += "word/document.xml: " + e + "\n";
        }
    }
    return out;
}

}  // namespace gopy::test
