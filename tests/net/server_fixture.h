// Starts the real server in-process on 127.0.0.1 with an ephemeral port over a fresh data
// folder holding the demo campaign (Plan 273-KH/QU), and admits test clients through it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "gopy/model.h"
#include "server/net/server.h"
#include "server/sync/engine.h"
#include "tests/net/test_client.h"

namespace gopy::test {

/// A fresh temporary folder, removed with its contents by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

class ServerFixture : public ::testing::Test {
protected:
    /// Conference 2 of the demo: planned, with participants, nothing recorded yet.
    static constexpr std::int64_t kConference = 2;

    void SetUp() override;
    void TearDown() override;
    /// The options the server starts with (plain, default limits); fixtures for TLS and for
    /// the connection limits override it. `dir` is the data folder.
    virtual server::net::ServerOptions options(const std::filesystem::path& dir);

    /// A one-time admission code made by the engine (on the writer thread).
    std::string admissionCode(Role role, std::int64_t conferenceId);
    /// A connected client admitted with a fresh code; asserts on failure via `ok`.
    std::unique_ptr<TestClient> admitted(Role role, std::int64_t conferenceId, const std::string& name);
    /// The server's port.
    std::uint16_t port() const { return server_->port(); }

    std::unique_ptr<TempDir> dir_;
    std::unique_ptr<server::Engine> engine_;
    std::unique_ptr<server::net::Server> server_;
};

}  // namespace gopy::test
