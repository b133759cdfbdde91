// libzip over an in-memory buffer: one zip_source owned by the archive once opened.
#include "server/intake/zip_reader.h"

#include <zip.h>

#include <array>

namespace gopy::intake {

ZipReader::ZipReader(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return;
    }
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    // On failure the source is still ours to free; on success the archive owns it.
    if (!archive_) zip_source_free(source);
    zip_error_fini(&error);
}

ZipReader::~ZipReader() {
    if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipReader::read(const std::string& name) const {
    if (!archive_) return std::nullopt;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_, name.c_str(), 0, &stat) != 0) return std::nullopt;
    if ((stat.valid & ZIP_STAT_SIZE) == 0) return std::nullopt;
    // The size in the archive is the sender's word: a part that claims (or inflates to) more
    // than any real document needs is refused rather than allocated (a zip bomb, a forged
    // header). Read in chunks, never trusting the declared size for the allocation.
    if (stat.size > kMaxPartBytes) return std::nullopt;
    zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
    if (!file) return std::nullopt;
    std::string content;
    std::array<char, 1 << 16> chunk{};
    bool ok = true;
    for (;;) {
        const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
        if (n < 0) ok = false;
        if (n <= 0) break;
        if (content.size() + static_cast<std::size_t>(n) > kMaxPartBytes) {
            ok = false;
            break;
        }
        content.append(chunk.data(), static_cast<std::size_t>(n));
    }
    zip_fclose(file);
    if (!ok || content.size() != stat.size) return std::nullopt;
    return content;
}

}  // namespace gopy::intake
