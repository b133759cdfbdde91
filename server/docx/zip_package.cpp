// libzip writing into a buffer source kept alive past zip_close, then read back as bytes.
#include "server/docx/zip_package.h"

#include <zip.h>

#include <ctime>
#include <memory>
#include <vector>

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

// The state libzip's callback sees for one streamed entry; owned by bytes() until zip_close.
struct StreamSource {
    ZipStream* stream;
    zip_error_t error;
    explicit StreamSource(ZipStream* s) : stream(s) { zip_error_init(&error); }
    ~StreamSource() { zip_error_fini(&error); }
    StreamSource(const StreamSource&) = delete;
    StreamSource& operator=(const StreamSource&) = delete;
};

zip_int64_t streamCallback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    auto* source = static_cast<StreamSource*>(state);
    switch (cmd) {
        case ZIP_SOURCE_OPEN:
            if (source->stream->rewind()) return 0;
            zip_error_set(&source->error, ZIP_ER_READ, 0);
            return -1;
        case ZIP_SOURCE_READ: {
            const std::int64_t n =
                source->stream->read(static_cast<char*>(data), static_cast<std::size_t>(length));
            if (n >= 0) return n;
            zip_error_set(&source->error, ZIP_ER_READ, 0);
            return -1;
        }
        case ZIP_SOURCE_CLOSE:
        case ZIP_SOURCE_FREE:
            return 0;
        case ZIP_SOURCE_STAT: {
            if (length < sizeof(zip_stat_t)) {
                zip_error_set(&source->error, ZIP_ER_INVAL, 0);
                return -1;
            }
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = source->stream->size();
            st->mtime = std::time(nullptr);
            st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&source->error, data, length);
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(
                ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS, -1);
        default:
            zip_error_set(&source->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
    }
}

}  // namespace

void ZipPackage::add(std::string name, std::string content) {
    entries_.push_back(Entry{std::move(name), std::move(content), nullptr});
}

void ZipPackage::add(std::string name, std::unique_ptr<ZipStream> content) {
    entries_.push_back(Entry{std::move(name), std::string(), std::move(content)});
}

std::string ZipPackage::bytes() const {
    ErrorGuard guard;
    SourcePtr source(zip_source_buffer_create(nullptr, 0, 0, &guard.error));
    if (!source) throw DocxError(std::string("zip: ") + zip_error_strerror(&guard.error));
    zip_t* archive = zip_open_from_source(source.get(), ZIP_TRUNCATE, &guard.error);
    if (!archive) throw DocxError(std::string("zip: ") + zip_error_strerror(&guard.error));
    // The archive now holds a reference; keep ours so the written bytes survive zip_close.
    zip_source_keep(source.get());

    // Declared after the archive's source so they outlive every use by zip_close/zip_discard.
    std::vector<std::unique_ptr<StreamSource>> streams;
    for (const auto& [name, content, stream] : entries_) {
        zip_source_t* data = nullptr;
        if (stream) {
            streams.push_back(std::make_unique<StreamSource>(stream.get()));
            data = zip_source_function(archive, streamCallback, streams.back().get());
        } else {
            data = zip_source_buffer(archive, content.data(), content.size(), 0);
        }
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
