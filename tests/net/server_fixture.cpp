#include "tests/net/server_fixture.h"

#include <cstdlib>
#include <system_error>

#include "server/demo/demo.h"
#include "server/log/event_log.h"

namespace gopy::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gopy-net-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void ServerFixture::SetUp() {
    dir_ = std::make_unique<TempDir>();
    engine_ = std::make_unique<server::Engine>((dir_->path() / "gopy.db").string());
    ASSERT_TRUE(server::demo::createDemoCampaign(*engine_)) << "demo campaign not created";
    server_ = std::make_unique<server::net::Server>(*engine_, options(dir_->path()));
    std::string error;
    ASSERT_TRUE(server_->start(error)) << error;
    ASSERT_NE(server_->port(), 0);
}

server::net::ServerOptions ServerFixture::options(const std::filesystem::path&) {
    return server::net::ServerOptions{"127.0.0.1", 0, 2};
}

void ServerFixture::TearDown() {
    if (server_) server_->stop();
    server_.reset();
    engine_.reset();
    dir_.reset();
}

std::string ServerFixture::admissionCode(Role role, std::int64_t conferenceId) {
    std::string code;
    server_->withEngine([&](server::Engine& engine) { code = engine.createAdmissionCode(role, conferenceId, 900); });
    return code;
}

std::unique_ptr<TestClient> ServerFixture::admitted(Role role, std::int64_t conferenceId, const std::string& name) {
    auto client = std::make_unique<TestClient>(port());
    EXPECT_TRUE(client->connected()) << "cannot connect to 127.0.0.1:" << port();
    if (!client->connected()) return client;
    const auto welcome = client->admit(admissionCode(role, conferenceId), name);
    EXPECT_TRUE(welcome.has_value()) << "admission of " << name << " failed";
    if (welcome) {
        EXPECT_EQ(welcome->role, role);
        EXPECT_FALSE(welcome->token.empty());
    }
    return client;
}

}  // namespace gopy::test
