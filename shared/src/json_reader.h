// Strict, path-aware reading of one JSON object for the protocol decoder (internal).
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/protocol.h"

namespace gopy::proto::detail {

/// Thrown by JsonReader and caught by decode(); never leaves the library.
struct DecodeFailure {
    ErrorCode code = ErrorCode::BadField;
    std::string message;
};

/// Reads the fields of one JSON object. Every getter either returns a valid value or throws
/// DecodeFailure naming the field's full path ("body.op.text: expected string").
/// Strings are checked for well-formed UTF-8 and returned in NFC. Unknown keys are ignored.
class JsonReader {
public:
    /// `path` is the dotted location of `object` in the frame; "" for the root.
    JsonReader(const boost::json::object& object, std::string path);

    [[nodiscard]] const std::string& path() const { return path_; }
    /// "path.key", or "key" at the root.
    [[nodiscard]] std::string fieldPath(std::string_view key) const;
    [[nodiscard]] bool has(std::string_view key) const;

    [[nodiscard]] std::string requiredString(std::string_view key) const;
    /// "" when the key is absent.
    [[nodiscard]] std::string optionalString(std::string_view key) const;

    /// Integers must be JSON integers in [min, INT64_MAX].
    [[nodiscard]] std::int64_t requiredInt(std::string_view key, std::int64_t min = 0) const;
    [[nodiscard]] std::int64_t optionalInt(std::string_view key, std::int64_t min = 0,
                                           std::int64_t absent = 0) const;
    /// As requiredInt, limited to the range of int.
    [[nodiscard]] int requiredInt32(std::string_view key, int min = 0) const;
    [[nodiscard]] std::optional<int> optionalInt32(std::string_view key, int min = 0) const;

    /// Any finite JSON number.
    [[nodiscard]] double requiredNumber(std::string_view key) const;

    [[nodiscard]] bool requiredBool(std::string_view key) const;
    [[nodiscard]] bool optionalBool(std::string_view key, bool absent = false) const;

    [[nodiscard]] JsonReader requiredObject(std::string_view key) const;
    [[nodiscard]] std::optional<JsonReader> optionalObject(std::string_view key) const;

    /// nullptr when absent; throws when present but not an array.
    [[nodiscard]] const boost::json::array* optionalArray(std::string_view key) const;
    [[nodiscard]] std::vector<std::string> stringArray(std::string_view key) const;
    [[nodiscard]] std::vector<std::int64_t> intArray(std::string_view key,
                                                     std::int64_t min = 0) const;

    /// Reads an array of objects with `read(JsonReader&)`; empty when absent.
    template <typename T, typename Read>
    std::vector<T> objectArray(std::string_view key, Read read) const {
        std::vector<T> out;
        const boost::json::array* array = optionalArray(key);
        if (!array) return out;
        out.reserve(array->size());
        const std::string base = fieldPath(key);
        for (std::size_t i = 0; i < array->size(); ++i) {
            out.push_back(read(elementObject(*array, base, i)));
        }
        return out;
    }

    /// Reads a string naming an enum value with `parse(string_view) -> optional<E>`.
    template <typename E, typename Parse>
    E requiredEnum(std::string_view key, Parse parse) const {
        const std::string name = requiredString(key);
        const std::optional<E> value = parse(name);
        if (!value) fail(ErrorCode::BadField, fieldPath(key) + ": unknown value \"" + name + "\"");
        return *value;
    }

    [[noreturn]] static void fail(ErrorCode code, std::string message);

    /// Checks UTF-8 and returns the NFC form; `where` names the field for the error.
    static std::string checkedText(std::string_view raw, const std::string& where);
    /// Element `i` of `array` as an object at path "base[i]".
    static JsonReader elementObject(const boost::json::array& array, const std::string& base,
                                    std::size_t i);

private:
    [[nodiscard]] const boost::json::value* find(std::string_view key) const;
    [[nodiscard]] const boost::json::value& require(std::string_view key) const;
    [[nodiscard]] std::int64_t toInt(const boost::json::value& v, const std::string& where,
                                     std::int64_t min, std::int64_t max) const;

    const boost::json::object* object_;
    std::string path_;
};

}  // namespace gopy::proto::detail
