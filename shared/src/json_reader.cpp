#include "json_reader.h"

#include <cmath>
#include <limits>

#include "gopy/text.h"

namespace gopy::proto::detail {

JsonReader::JsonReader(const boost::json::object& object, std::string path)
    : object_(&object), path_(std::move(path)) {}

std::string JsonReader::fieldPath(std::string_view key) const {
    if (path_.empty()) return std::string(key);
    std::string out;
    out.reserve(path_.size() + 1 + key.size());
    out.append(path_).append(".").append(key);
    return out;
}

bool JsonReader::has(std::string_view key) const { return find(key) != nullptr; }

void JsonReader::fail(ErrorCode code, std::string message) {
    throw DecodeFailure{code, std::move(message)};
}

std::string JsonReader::checkedText(std::string_view raw, const std::string& where) {
    if (!text::isValidUtf8(raw)) fail(ErrorCode::BadField, where + ": invalid UTF-8");
    return text::nfc(raw);
}

JsonReader JsonReader::elementObject(const boost::json::array& array, const std::string& base,
                                     std::size_t i) {
    std::string where = base + "[" + std::to_string(i) + "]";
    const boost::json::object* o = array[i].if_object();
    if (!o) fail(ErrorCode::BadField, where + ": expected object");
    return {*o, std::move(where)};
}

const boost::json::value* JsonReader::find(std::string_view key) const {
    const boost::json::value* v = object_->if_contains(key);
    // An explicit null is treated like an absent key, so clients may write either.
    if (v && v->is_null()) return nullptr;
    return v;
}

const boost::json::value& JsonReader::require(std::string_view key) const {
    const boost::json::value* v = object_->if_contains(key);
    if (!v) fail(ErrorCode::MissingField, fieldPath(key) + ": missing");
    if (v->is_null()) fail(ErrorCode::BadField, fieldPath(key) + ": must not be null");
    return *v;
}

std::string JsonReader::requiredString(std::string_view key) const {
    const boost::json::value& v = require(key);
    const boost::json::string* s = v.if_string();
    if (!s) fail(ErrorCode::BadField, fieldPath(key) + ": expected string");
    return checkedText(std::string_view(s->data(), s->size()), fieldPath(key));
}

std::string JsonReader::optionalString(std::string_view key) const {
    if (!find(key)) return {};
    return requiredString(key);
}

std::int64_t JsonReader::toInt(const boost::json::value& v, const std::string& where,
                               std::int64_t min, std::int64_t max) const {
    std::int64_t n = 0;
    if (const std::int64_t* i = v.if_int64()) {
        n = *i;
    } else if (const std::uint64_t* u = v.if_uint64()) {
        if (*u > static_cast<std::uint64_t>(max))
            fail(ErrorCode::BadField, where + ": out of range");
        n = static_cast<std::int64_t>(*u);
    } else {
        fail(ErrorCode::BadField, where + ": expected integer");
    }
    if (n < min) {
        fail(ErrorCode::BadField, where + ": must be at least " + std::to_string(min));
    }
    if (n > max) fail(ErrorCode::BadField, where + ": out of range");
    return n;
}

std::int64_t JsonReader::requiredInt(std::string_view key, std::int64_t min) const {
    return toInt(require(key), fieldPath(key), min, std::numeric_limits<std::int64_t>::max());
}

std::int64_t JsonReader::optionalInt(std::string_view key, std::int64_t min,
                                     std::int64_t absent) const {
    if (!find(key)) return absent;
    return requiredInt(key, min);
}

int JsonReader::requiredInt32(std::string_view key, int min) const {
    return static_cast<int>(
        toInt(require(key), fieldPath(key), min, std::numeric_limits<int>::max()));
}

std::optional<int> JsonReader::optionalInt32(std::string_view key, int min) const {
    if (!find(key)) return std::nullopt;
    return requiredInt32(key, min);
}

double JsonReader::requiredNumber(std::string_view key) const {
    const boost::json::value& v = require(key);
    double d = 0;
    if (const double* p = v.if_double()) {
        d = *p;
    } else if (const std::int64_t* i = v.if_int64()) {
        d = static_cast<double>(*i);
    } else if (const std::uint64_t* u = v.if_uint64()) {
        d = static_cast<double>(*u);
    } else {
        fail(ErrorCode::BadField, fieldPath(key) + ": expected number");
    }
    if (!std::isfinite(d)) fail(ErrorCode::BadField, fieldPath(key) + ": expected finite number");
    return d;
}

bool JsonReader::requiredBool(std::string_view key) const {
    const boost::json::value& v = require(key);
    const bool* b = v.if_bool();
    if (!b) fail(ErrorCode::BadField, fieldPath(key) + ": expected boolean");
    return *b;
}

bool JsonReader::optionalBool(std::string_view key, bool absent) const {
    if (!find(key)) return absent;
    return requiredBool(key);
}

JsonReader JsonReader::requiredObject(std::string_view key) const {
    const boost::json::value& v = require(key);
    const boost::json::object* o = v.if_object();
    if (!o) fail(ErrorCode::BadField, fieldPath(key) + ": expected object");
    return {*o, fieldPath(key)};
}

std::optional<JsonReader> JsonReader::optionalObject(std::string_view key) const {
    if (!find(key)) return std::nullopt;
    return requiredObject(key);
}

const boost::json::array* JsonReader::optionalArray(std::string_view key) const {
    const boost::json::value* v = find(key);
    if (!v) return nullptr;
    const boost::json::array* a = v->if_array();
    if (!a) fail(ErrorCode::BadField, fieldPath(key) + ": expected array");
    return a;
}

std::vector<std::string> JsonReader::stringArray(std::string_view key) const {
    std::vector<std::string> out;
    const boost::json::array* array = optionalArray(key);
    if (!array) return out;
    out.reserve(array->size());
    const std::string base = fieldPath(key);
    for (std::size_t i = 0; i < array->size(); ++i) {
        const boost::json::string* s = (*array)[i].if_string();
        if (!s) fail(ErrorCode::BadField, base + "[" + std::to_string(i) + "]: expected string");
        out.push_back(checkedText(std::string_view(s->data(), s->size()),
                                  base + "[" + std::to_string(i) + "]"));
    }
    return out;
}

std::vector<std::int64_t> JsonReader::intArray(std::string_view key, std::int64_t min) const {
    std::vector<std::int64_t> out;
    const boost::json::array* array = optionalArray(key);
    if (!array) return out;
    out.reserve(array->size());
    const std::string base = fieldPath(key);
    for (std::size_t i = 0; i < array->size(); ++i) {
        out.push_back(toInt((*array)[i], base + "[" + std::to_string(i) + "]", min,
                            std::numeric_limits<std::int64_t>::max()));
    }
    return out;
}

}  // namespace gopy::proto::detail
