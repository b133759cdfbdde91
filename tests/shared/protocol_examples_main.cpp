// Prints every documented example message, pretty-printed from its exact encode() output,
// as Markdown sections for docs/protocol.md.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <iostream>
#include <string>

#include "protocol_examples.h"

namespace {

bool isScalarArray(const boost::json::array& a) {
    for (const auto& v : a) {
        if (v.is_object() || v.is_array()) return false;
    }
    return true;
}

void pretty(std::ostream& out, const boost::json::value& v, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
    if (const auto* o = v.if_object()) {
        if (o->empty()) {
            out << "{}";
            return;
        }
        out << "{\n";
        bool first = true;
        for (const auto& kv : *o) {
            if (!first) out << ",\n";
            first = false;
            out << inner << boost::json::serialize(boost::json::value(kv.key())) << ": ";
            pretty(out, kv.value(), indent + 1);
        }
        out << "\n" << pad << "}";
        return;
    }
    if (const auto* a = v.if_array()) {
        if (isScalarArray(*a)) {
            out << boost::json::serialize(*a);
            return;
        }
        out << "[\n";
        bool first = true;
        for (const auto& item : *a) {
            if (!first) out << ",\n";
            first = false;
            out << inner;
            pretty(out, item, indent + 1);
        }
        out << "\n" << pad << "]";
        return;
    }
    out << boost::json::serialize(v);
}

}  // namespace

int main() {
    for (const auto& [name, message] : gopy::testing::documentedMessages()) {
        std::cout << "#### " << name << "\n\n```json\n";
        pretty(std::cout, boost::json::parse(gopy::proto::encode(message)), 0);
        std::cout << "\n```\n\n";
    }
    return 0;
}
