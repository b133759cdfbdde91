// Vietnamese text helpers on top of ICU: NFC, search folding and collation keys.
#include "gopy/text.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace gopy::text {
namespace {

bool isAscii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

icu::UnicodeString toUnicode(std::string_view utf8) {
    // fromUTF8 substitutes U+FFFD for every ill-formed sequence.
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string toUtf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Splits on runs of Unicode white space; no empty words.
std::vector<icu::UnicodeString> words(const icu::UnicodeString& s) {
    std::vector<icu::UnicodeString> out;
    icu::UnicodeString current;
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            if (!current.isEmpty()) out.push_back(current);
            current.remove();
            continue;
        }
        current.append(c);
    }
    if (!current.isEmpty()) out.push_back(current);
    return out;
}

std::vector<std::string> splitAsciiSpaces(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The "vi" collator is expensive to build (it loads and parses the tailoring), so it is
// built once per process and each thread clones it: a Collator is not thread-safe.
const icu::Collator* prototypeCollator() {
    static const std::unique_ptr<icu::Collator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status) || !c) {
            status = U_ZERO_ERROR;
            c.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
        }
        if (c) {
            UErrorCode attrStatus = U_ZERO_ERROR;
            c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, attrStatus);
        }
        return c;
    }();
    return prototype.get();
}

icu::Collator* threadCollator() {
    thread_local std::unique_ptr<icu::Collator> collator;
    if (!collator) {
        const icu::Collator* proto = prototypeCollator();
        if (proto) collator.reset(proto->clone());
    }
    // The analyzer models the thread_local's destructor as running on return; it runs at
    // thread exit.
    return collator.get();  // NOLINT(clang-analyzer-cplusplus.NewDelete)
}

// Vietnamese line-break opportunities; one iterator per thread, since building one costs more
// than cutting a paragraph and a Welcome cuts every paragraph of the draft. nullptr if ICU
// cannot make one.
icu::BreakIterator* threadLineBreaks() {
    thread_local std::unique_ptr<icu::BreakIterator> lines;
    if (!lines) {
        UErrorCode status = U_ZERO_ERROR;
        lines.reset(icu::BreakIterator::createLineInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status)) lines.reset();
    }
    // As threadCollator: the thread_local is destroyed at thread exit, not on return.
    return lines.get();  // NOLINT(clang-analyzer-cplusplus.NewDelete)
}

// Sort key bytes without ICU's terminating NUL, so keys can be concatenated.
std::string sortKey(const icu::UnicodeString& s) {
    icu::Collator* collator = threadCollator();
    if (!collator) return toUtf8(s);
    std::string key(64, '\0');
    int32_t length = collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                          static_cast<int32_t>(key.size()));
    if (length > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(length));
        length = collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                      static_cast<int32_t>(key.size()));
    }
    // The returned length counts the terminating NUL.
    key.resize(length > 0 ? static_cast<std::size_t>(length - 1) : 0);
    return key;
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    if (static_cast<std::size_t>(length) != bytes.size()) return false;
    int32_t i = 0;
    while (i < length) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c = 0;
        // U8_NEXT rejects overlong forms, surrogates and code points above U+10FFFF.
        U8_NEXT(p, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string nfc(std::string_view utf8) {
    if (isAscii(utf8)) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return toUtf8(toUnicode(utf8));
    if (!isValidUtf8(utf8)) {
        icu::UnicodeString u = toUnicode(utf8);
        icu::UnicodeString out = normalizer->normalize(u, status);
        return U_SUCCESS(status) ? toUtf8(out) : toUtf8(u);
    }
    const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
        return std::string(utf8);
    }
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) {
        icu::UnicodeString u = toUnicode(utf8);
        UErrorCode retry = U_ZERO_ERROR;
        icu::UnicodeString normalised = normalizer->normalize(u, retry);
        return U_SUCCESS(retry) ? toUtf8(normalised) : toUtf8(u);
    }
    return out;
}

std::string fold(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString source = toUnicode(utf8);
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(source, status) : source;
    if (U_FAILURE(status)) decomposed = source;

    icu::UnicodeString stripped;
    bool pendingSpace = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            pendingSpace = !stripped.isEmpty();
            continue;
        }
        // Tone and vowel marks are non-spacing marks after NFD (U+0300–U+036F and the like).
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (pendingSpace) {
            stripped.append(static_cast<UChar>(u' '));
            pendingSpace = false;
        }
        // đ/Đ have no decomposition, so they are mapped explicitly; U+00D0 (Icelandic Eth)
        // looks the same and is what some keyboards produce for "Đ".
        if (c == 0x0110 || c == 0x0111 || c == 0x00D0) {
            stripped.append(static_cast<UChar>(u'd'));
            continue;
        }
        stripped.append(c);
    }
    stripped.toLower(icu::Locale::getRoot());
    return toUtf8(stripped);
}

bool matches(std::string_view text, std::string_view query) {
    const std::vector<std::string> queryWords = splitAsciiSpaces(fold(query));
    if (queryWords.empty()) return true;
    const std::vector<std::string> textWords = splitAsciiSpaces(fold(text));
    for (const std::string& q : queryWords) {
        bool found = false;
        for (const std::string& w : textWords) {
            if (w.compare(0, q.size(), q) == 0) {
                found = true;
                break;
            }
        }
        if (!found) return false;
    }
    return true;
}

std::string collationKey(std::string_view utf8) { return sortKey(toUnicode(utf8)); }

std::string personSortKey(std::string_view fullName) {
    const std::vector<icu::UnicodeString> parts = words(toUnicode(fullName));
    if (parts.empty()) return {};
    icu::UnicodeString rest;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (!rest.isEmpty()) rest.append(static_cast<UChar>(u' '));
        rest.append(parts[i]);
    }
    // The given name is compared at every level before the family and middle names are
    // looked at; 0x01 sorts below every byte of an ICU key, so a shorter given name whose
    // key is a prefix of a longer one still sorts first.
    std::string key = sortKey(parts.back());
    key.push_back('\x01');
    key += sortKey(rest);
    return key;
}

int comparePersons(std::string_view a, std::string_view b) {
    const int c = personSortKey(a).compare(personSortKey(b));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string opening(std::string_view utf8, std::size_t maxChars) {
    const icu::UnicodeString source = toUnicode(nfc(utf8));
    icu::UnicodeString flat;
    for (const icu::UnicodeString& word : words(source)) {
        if (!flat.isEmpty()) flat.append(static_cast<UChar>(u' '));
        flat.append(word);
    }
    if (maxChars == 0) return {};
    if (static_cast<std::size_t>(flat.countChar32()) <= maxChars) return toUtf8(flat);
    // Room for the ellipsis: the kept text has at most maxChars - 1 characters.
    const int32_t limit = flat.moveIndex32(0, static_cast<int32_t>(maxChars - 1));
    int32_t cut = limit;
    icu::BreakIterator* lines = threadLineBreaks();
    if (lines != nullptr) {
        lines->setText(flat);
        // A break at `limit` itself is fine: the text before it fits.
        const int32_t at = lines->isBoundary(limit) ? limit : lines->preceding(limit);
        if (at != icu::BreakIterator::DONE && at > 0) cut = at;
        // The iterator keeps a reference to its text; `flat` does not outlive this call.
        static const icu::UnicodeString kNothing;
        lines->setText(kNothing);
    }
    icu::UnicodeString head(flat, 0, cut);
    head.trim();
    // A cut right after a comma or a colon reads better without it.
    while (!head.isEmpty()) {
        const UChar32 last = head.char32At(head.length() - 1);
        if (last != u',' && last != u';' && last != u':' && last != u'(' && last != u'-' &&
            last != 0x2013) {
            break;
        }
        head.truncate(head.length() - U16_LENGTH(last));
        head.trim();
    }
    head.append(static_cast<UChar>(0x2026));
    return toUtf8(head);
}

}  // namespace gopy::text
