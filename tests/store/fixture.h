// Shared test fixture: a temporary folder with a real database file and a small campaign.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "server/store/store.h"
#include "server/sync/engine.h"

namespace gopy::server::testing {

/// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

/// Current wall-clock time in milliseconds.
Millis wallNow();

/// Writes a small campaign through the store: outline I, I.1, I.2, II, II.1; conferences 1
/// and 2; participants p1, p2 (conference 1) and p3 (conference 2); body paragraphs 1–3 of
/// I.1 and 1–4 of II.1.
void seedSmallCampaign(Store& store);

Device organiser();
Device secretary(const std::string& id = "d-secretary", std::int64_t conference = 0);
Device chair(const std::string& id = "d-chair", std::int64_t conference = 0);
Device delegate(const std::string& id = "d-delegate", std::int64_t conference = 0);

proto::OpRequest request(const Device& device, std::int64_t clientSeq, std::int64_t conference,
                         proto::Operation op);
Comment comment(const std::string& id, const std::string& text,
                std::vector<std::string> sections = {"I.1"}, const std::string& participant = "p1");

/// An engine on a database file in a temp dir with the small campaign.
class EngineTest : public ::testing::Test {
protected:
    void SetUp() override;
    void reopen();
    /// Applies one op and asserts it was acknowledged; returns its server seq.
    std::int64_t applyOk(const Device& device, std::int64_t clientSeq, std::int64_t conference,
                         proto::Operation op);
    /// Number of rows in `table` (a literal name).
    std::int64_t rows(const std::string& table);

    TempDir dir_;
    std::string dbPath_;
    std::unique_ptr<Engine> engine_;
    Millis now_ = 1'741'755'600'000;  // 2025-03-12 05:00 UTC
};

}  // namespace gopy::server::testing
