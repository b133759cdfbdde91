// libzip writing into a buffer source kept alive past zip_close, then read back as bytes.
#include "server/docx/zip_package.h"

#include <zip.h>

#include <memory>

#include "server/docx/docx_writer.h"

namespace gopy::docx {
namespace {

struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

struct ErrorGuard {
    zip_error_t error;
    ErrorGuard() { zip_error_init(&error); }
    ~ErrorGuard() { zip_error_fini(&error); }
    ErrorGuard(const ErrorGuard&) = delete;
    ErrorGuard& operator=(const ErrorGuard&) = delete;
};

}  // namespace

void ZipPackage::add(std::string name, std::string content) {
    entries_.emplace_back(std::move(name), std::move(content));
}

std::string ZipPackage::bytes() const {
    ErrorGuard guard;
    SourcePtr source(zip_source_buffer_create(nullptr, 0, 0, &guard.error));
    if (!source) throw DocxError(std::string("zip: ") + zip_error_strerror(&guard.error));
    zip_t* archive = zip_open_from_source(source.get(), ZIP_TRUNCATE, &guard.error);
    if (!archive) throw DocxError(std::string("zip: ") + zip_error_strerror(&guard.error));
    // The archive now holds a reference; keep ours so the written bytes survive zip_close.
    zip_source_keep(source.get());

    for (const auto& [name, content] : entries_) {
        zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (!data) {
            zip_discard(archive);
            throw DocxError("zip: cannot add " + name);
        }
        const zip_int64_t index = zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            const std::string message = zip_strerror(archive);
            zip_discard(archive);
            throw DocxError("zip: cannot add " + name + ": " + message);
        }
    }
    if (zip_close(archive) != 0) {
        const std::string message = zip_strerror(archive);
        zip_discard(archive);
        throw DocxError("zip: " + message);
    }

    if (zip_source_open(source.get()) != 0) throw DocxError("zip: cannot reopen the buffer");
    std::string out;
    if (zip_source_seek(source.get(), 0, SEEK_END) == 0) {
        const zip_int64_t size = zip_source_tell(source.get());
        if (size > 0 && zip_source_seek(source.get(), 0, SEEK_SET) == 0) {
            out.resize(static_cast<std::size_t>(size));
            const zip_int64_t n = zip_source_read(source.get(), out.data(), out.size());
            if (n != size) out.clear();
        }
    }
    zip_source_close(source.get());
    if (out.empty()) throw DocxError("zip: cannot read the written archive");
    return out;
}

}  // namespace gopy::docx
