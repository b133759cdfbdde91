#include "server/intake/field_text.h"

#include <openssl/evp.h>

#include <array>

#include "gopy/text.h"

namespace gopy::intake {

std::string_view trimField(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n";
    const std::size_t b = s.find_first_not_of(kSpace);
    if (b == std::string_view::npos) return {};
    const std::size_t e = s.find_last_not_of(kSpace);
    return s.substr(b, e - b + 1);
}

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string cleanField(std::string_view raw) {
    std::string s = text::nfc(trimField(raw));
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            continue;
        }
        out.push_back(s[i]);
    }
    return out;
}

std::string quotedField(std::string_view s) {
    constexpr std::size_t kMax = 60;
    std::string v = text::nfc(trimField(s));
    if (v.size() > kMax) {
        // Cut at a code point boundary.
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
        v = v.substr(0, cut) + "…";
    }
    return "«" + v + "»";
}

std::string sha256Hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
        return {};
    }
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 0x0F]);
    }
    return out;
}

}  // namespace gopy::intake
