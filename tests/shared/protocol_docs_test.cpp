// docs/protocol.md must show the exact encoder output of every documented example, and every
// example frame in it must decode.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "gopy/protocol.h"
#include "protocol_examples.h"

namespace gopy::proto {
namespace {

std::vector<std::string> jsonBlocks(const std::string& markdown) {
    std::vector<std::string> blocks;
    const std::string open = "```json\n";
    std::size_t at = 0;
    while ((at = markdown.find(open, at)) != std::string::npos) {
        at += open.size();
        const std::size_t end = markdown.find("```", at);
        if (end == std::string::npos) break;
        blocks.push_back(markdown.substr(at, end - at));
        at = end + 3;
    }
    return blocks;
}

std::string readDoc() {
    std::ifstream in(GOPY_PROTOCOL_DOC, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(ProtocolDocs, EveryExampleIsExactEncoderOutput) {
    const std::string doc = readDoc();
    ASSERT_FALSE(doc.empty()) << "cannot read " << GOPY_PROTOCOL_DOC;
    std::set<std::string> compact;
    for (const std::string& block : jsonBlocks(doc)) {
        boost::system::error_code ec;
        const boost::json::value v = boost::json::parse(block, ec);
        ASSERT_FALSE(ec) << "not JSON in docs/protocol.md:\n" << block;
        compact.insert(boost::json::serialize(v));
    }
    for (const auto& [name, message] : testing::documentedMessages()) {
        EXPECT_TRUE(compact.count(encode(message)))
            << "docs/protocol.md lacks the example \"" << name
            << "\"; regenerate with gopy_protocol_examples:\n"
            << encode(message);
    }
}

TEST(ProtocolDocs, EveryFrameInTheDocDecodes) {
    const std::string doc = readDoc();
    ASSERT_FALSE(doc.empty());
    int frames = 0;
    for (const std::string& block : jsonBlocks(doc)) {
        const boost::json::value v = boost::json::parse(block);
        if (!v.is_object() || !v.as_object().contains("v")) continue;
        ++frames;
        const DecodeResult r = decode(block);
        EXPECT_TRUE(r) << toString(r.error.code) << ": " << r.error.message << "\n" << block;
    }
    EXPECT_GE(frames, static_cast<int>(testing::documentedMessages().size()));
}

TEST(ProtocolDocs, EveryTypeKindAndErrorCodeIsDescribed) {
    const std::string doc = readDoc();
    ASSERT_FALSE(doc.empty());
    for (int t = static_cast<int>(MessageType::Admit); t <= static_cast<int>(MessageType::Error);
         ++t) {
        const std::string name(toString(static_cast<MessageType>(t)));
        EXPECT_NE(doc.find("### " + name + " ("), std::string::npos) << name;
    }
    for (const Operation& op : testing::fullOperations()) {
        EXPECT_NE(doc.find("| `" + std::string(kindName(op)) + "` |"), std::string::npos)
            << kindName(op);
        EXPECT_NE(doc.find("### " + std::string(kindName(op)) + "\n"), std::string::npos)
            << kindName(op);
    }
    for (int c = 0; c <= static_cast<int>(ErrorCode::Internal); ++c) {
        const std::string name(toString(static_cast<ErrorCode>(c)));
        EXPECT_NE(doc.find("| `" + name + "` |"), std::string::npos) << name;
    }
}

}  // namespace
}  // namespace gopy::proto
