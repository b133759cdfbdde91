// Imports run while the server serves: another connection to the same SQLite file (what the
// `gopy-server import-public` process is) logs one event per imported comment, and the running
// server pushes those events to its subscribers in seq order with its own; a large import
// re-subscribes them instead. A client catching up "since" receives imported comments too.
// Also: a database held busy by another writer refuses an op with a retryable StorageFull,
// and the same op sent again is applied (nothing typed is lost).
#include <csignal>
#include <cstdio>
#include <fstream>
#include <set>

#include <sqlite3.h>
#include <gtest/gtest.h>

#include "server/intake/grassroots_import.h"
#include "server/intake/public_import.h"
#include "server/net/writer.h"
#include "server/store/store.h"
#include "tests/net/server_fixture.h"
#include "tests/net/server_process.h"

namespace gopy::test {
namespace {

using proto::Message;

constexpr std::int64_t kPublicChannel = 6;
constexpr std::int64_t kGrassrootsChannel = 7;

class LiveImportTest : public ServerFixture {
protected:
    std::string databasePath() const { return (dir_->path() / "gopy.db").string(); }

    std::string firstWard() {
        std::string ward;
        server_->withEngine([&](server::Engine& engine) {
            ward = engine.store().campaign().get()->wards.front();
        });
        return ward;
    }

    std::vector<intake::PublicRow> publicRows(int count, const std::string& tag) {
        const std::string ward = firstWard();
        std::vector<intake::PublicRow> rows;
        for (int i = 0; i < count; ++i) {
            intake::PublicRow row;
            row.line = i + 2;
            row.submittedAt = 1741000000000 + i;
            row.ward = ward;
            row.text = "Ý kiến " + tag + " số " + std::to_string(i) + ": đề nghị làm rõ giải pháp";
            // Real keys are SHA-256 hex; ids are made from their first 24 characters.
            char number[16];
            std::snprintf(number, sizeof number, "%08d", i);
            row.dedupeKey = number + tag;
            row.dedupeKey.resize(64, 'a');
            rows.push_back(row);
        }
        return rows;
    }
};

// Every comment.create event of `conference` until `texts` are all seen; checks seq order.
std::set<std::string> receiveCreated(TestClient& client, std::int64_t conference,
                                     const std::set<std::string>& texts, std::int64_t& lastSeq,
                                     std::int64_t& lastHead) {
    std::set<std::string> seen;
    while (seen.size() < texts.size()) {
        auto events = client.receiveType<proto::Events>(
            [conference](const proto::Events& e) { return e.conferenceId == conference; });
        if (!events) break;
        EXPECT_GE(events->head, lastHead) << "an Events frame went back in time";
        lastHead = events->head;
        for (const auto& event : events->events) {
            EXPECT_GT(event.seq, lastSeq) << "events out of seq order";
            lastSeq = event.seq;
            EXPECT_LE(event.seq, events->head);
            if (event.comment && texts.contains(event.comment->text)) {
                EXPECT_EQ(event.deviceId, "import");
                EXPECT_TRUE(std::holds_alternative<proto::CommentCreate>(event.op));
                seen.insert(event.comment->text);
            }
        }
    }
    return seen;
}

TEST_F(LiveImportTest, PublicImportByAnotherProcessReachesSubscribersLiveAndOnCatchUp) {
    auto drafting = admitted(Role::Drafting, 0, "Tổ biên tập");
    const auto first = drafting->subscribe(kPublicChannel, 0);
    ASSERT_TRUE(first && std::holds_alternative<proto::Snapshot>(*first));
    const std::int64_t before = std::get<proto::Snapshot>(*first).head;

    const auto rows = publicRows(3, "live");
    std::set<std::string> texts;
    for (const auto& row : rows) texts.insert(row.text);
    {
        // A second connection to the same file, as the import command opens it.
        server::Engine importer(databasePath());
        const auto summary = importer.importPublic(rows, 0, 1741000000000);
        EXPECT_EQ(summary.imported, 3);
    }

    std::int64_t lastSeq = before;
    std::int64_t lastHead = before;
    EXPECT_EQ(receiveCreated(*drafting, kPublicChannel, texts, lastSeq, lastHead), texts)
        << "the running server did not push the imported comments";

    // The server's own next event comes after them, in order.
    std::string someId;
    server_->withEngine([&](server::Engine& engine) {
        for (const auto& c : engine.store().comments().byConference(kPublicChannel)) {
            if (c.text == rows.front().text) someId = c.id;
        }
    });
    ASSERT_FALSE(someId.empty());
    const auto assigned = drafting->applyOp(kPublicChannel, proto::CommentAssign{{someId}, {"I"}});
    ASSERT_TRUE(assigned && std::holds_alternative<proto::Ack>(*assigned));
    const std::int64_t assignSeq = std::get<proto::Ack>(*assigned).serverSeq;
    EXPECT_GT(assignSeq, lastSeq);
    auto events = drafting->receiveType<proto::Events>([&](const proto::Events& e) {
        return e.conferenceId == kPublicChannel && e.head >= assignSeq;
    });
    ASSERT_TRUE(events);
    EXPECT_GE(events->head, lastHead);

    // A device that was away catches up "since" and gets the imported comments as events.
    auto away = admitted(Role::Drafting, 0, "Tổ biên tập (máy thứ hai)");
    const auto caught = away->subscribe(kPublicChannel, before);
    ASSERT_TRUE(caught && std::holds_alternative<proto::Events>(*caught));
    std::set<std::string> caughtTexts;
    for (const auto& event : std::get<proto::Events>(*caught).events) {
        if (event.comment && texts.contains(event.comment->text)) caughtTexts.insert(event.comment->text);
    }
    EXPECT_EQ(caughtTexts, texts);
}

TEST_F(LiveImportTest, LargeImportResubscribesWithASnapshot) {
    auto drafting = admitted(Role::Drafting, 0, "Tổ biên tập");
    const auto first = drafting->subscribe(kPublicChannel, 0);
    ASSERT_TRUE(first && std::holds_alternative<proto::Snapshot>(*first));
    const auto before = std::get<proto::Snapshot>(*first);

    const int count = static_cast<int>(server::net::Writer::kMaxLiveExternal) + 500;
    const auto rows = publicRows(count, "lon");
    // Run on the writer thread so that it sees the whole import at once (otherwise it may
    // pick up the first chunk alone and push it as events).
    server_->withEngine([&](server::Engine&) {
        server::Engine importer(databasePath());
        EXPECT_EQ(importer.importPublic(rows, 0, 1741000000000).imported, count);
    });
    const auto snapshot = drafting->receiveType<proto::Snapshot>(
        [&](const proto::Snapshot& s) { return s.conference.id == kPublicChannel && s.head > before.head; });
    ASSERT_TRUE(snapshot) << "a large import must re-subscribe the public channel's subscribers";
    EXPECT_EQ(snapshot->comments.size(), before.comments.size() + static_cast<std::size_t>(count));
}

TEST_F(LiveImportTest, GrassrootsImportMarksTheOrganisationReportedLive) {
    auto organiser = admitted(Role::Drafting, 0, "Tổ biên tập");
    const auto first = organiser->subscribe(kGrassrootsChannel, 0);
    ASSERT_TRUE(first && std::holds_alternative<proto::Snapshot>(*first));

    std::int64_t organisation = 0;
    server_->withEngine([&](server::Engine& engine) {
        for (const auto& o : engine.store().grassroots().all()) {
            if (o.reportedAt == 0) organisation = o.id;
        }
    });
    ASSERT_NE(organisation, 0) << "the demo has an organisation that has not reported";
    std::vector<intake::GrassrootsRow> rows(2);
    for (int i = 0; i < 2; ++i) {
        rows[i].line = i + 2;
        rows[i].organisationId = organisation;
        rows[i].kind = CommentKind::Addition;
        rows[i].text = "Chi bộ đề nghị bổ sung nội dung số " + std::to_string(i);
        rows[i].dedupeKey = std::to_string(i) + std::string(63, 'b');
    }
    {
        server::Engine importer(databasePath());
        const auto result = importer.importGrassroots(rows, 0, 1741000000000);
        EXPECT_EQ(result.summary.imported, 2);
        ASSERT_EQ(result.reported.size(), 1u);
    }
    int created = 0;
    std::optional<GrassrootsOrganisation> reported;
    while (created < 2 || !reported) {
        auto events = organiser->receiveType<proto::Events>(
            [](const proto::Events& e) { return e.conferenceId == kGrassrootsChannel; });
        ASSERT_TRUE(events) << "imported grassroots events did not arrive";
        for (const auto& event : events->events) {
            if (event.comment && event.comment->origin &&
                event.comment->origin->organisationId == organisation) {
                ++created;
            }
            if (event.organisation) reported = event.organisation;
        }
    }
    EXPECT_EQ(reported->id, organisation);
    EXPECT_EQ(reported->reportedAt, 1741000000000);
}

TEST_F(LiveImportTest, BusyDatabaseRefusesRetryablyAndTheResentOpIsApplied) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    ASSERT_TRUE(secretary->subscribe(kConference, 0));

    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(databasePath().c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

    Comment c;
    c.id = "c-busy-1";
    c.conferenceId = kConference;
    c.kind = CommentKind::Amendment;
    c.text = "Đề nghị sửa cụm từ “nâng cao” thành “nâng cao hơn nữa”";
    const std::int64_t seq = secretary->nextSeq;
    const auto refused = secretary->applyOp(kConference, proto::CommentCreate{c});
    ASSERT_TRUE(refused && std::holds_alternative<proto::Nack>(*refused));
    EXPECT_EQ(std::get<proto::Nack>(*refused).code, proto::ErrorCode::StorageFull)
        << "busy must be retryable, not a refusal the client drops";

    ASSERT_EQ(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);

    secretary->nextSeq = seq;  // the client resends the same op
    const auto applied = secretary->applyOp(kConference, proto::CommentCreate{c});
    ASSERT_TRUE(applied && std::holds_alternative<proto::Ack>(*applied));
    server_->withEngine([&](server::Engine& engine) {
        const auto stored = engine.store().comments().get(c.id, false);
        ASSERT_TRUE(stored);
        EXPECT_EQ(stored->text, c.text);
    });
}

// The real binaries: `import-public` while `serve` runs; a subscribed device gets the rows.
TEST(LiveImportCli, ImportPublicWhileTheServerRunsReachesASubscriber) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto admit = runServerCommand({"admit", "--data", data, "--role", "drafting"});
    ASSERT_EQ(admit.exitCode, 0) << admit.err;
    // The printed code is the first "XXXX-XXXX" on stdout.
    std::string code;
    for (std::size_t i = 0; i + 9 <= admit.out.size(); ++i) {
        if (admit.out[i + 4] != '-') continue;
        bool ok = true;
        for (std::size_t k : {0, 1, 2, 3, 5, 6, 7, 8}) ok = ok && std::isalnum(static_cast<unsigned char>(admit.out[i + k]));
        if (ok) {
            code = admit.out.substr(i, 9);
            break;
        }
    }
    ASSERT_FALSE(code.empty()) << admit.out;

    ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0", "--insecure"}, (dir.path() / "serve.err").string());
    const auto port = server.waitListening();
    ASSERT_TRUE(port) << server.output();
    TestClient client(*port);
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(client.admit(code, "Tổ biên tập"));
    const auto first = client.subscribe(kPublicChannel, 0);
    ASSERT_TRUE(first && std::holds_alternative<proto::Snapshot>(*first));

    const auto csv = dir.path() / "public.csv";
    {
        std::ofstream out(csv, std::ios::binary);
        out << "submitted_at,ward,name,contact,section,text\r\n"
               "2025-03-05,Phúc Xá,Nguyễn Thị Hoa,,I,\"Đề nghị bổ sung giải pháp phát triển văn hoá, "
               "thể thao ở khu dân cư\"\r\n";
    }
    const auto imported = runServerCommand({"import-public", "--data", data, csv.string()});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_NE(imported.out.find("đã nhập 1"), std::string::npos) << imported.out;

    bool seen = false;
    while (!seen) {
        auto events = client.receiveType<proto::Events>(
            [](const proto::Events& e) { return e.conferenceId == kPublicChannel; });
        ASSERT_TRUE(events) << "the serving process did not push the imported comment";
        for (const auto& event : events->events) {
            if (event.comment && event.comment->text.find("văn hoá, thể thao") != std::string::npos) {
                seen = true;
                ASSERT_TRUE(event.comment->origin);
                EXPECT_EQ(event.comment->origin->authorName, "Nguyễn Thị Hoa");
            }
        }
    }
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0);
}

// A new outline needs every device to reconnect: draft import refuses while a server serves
// the folder, and works once it stopped.
TEST(LiveImportCli, DraftImportWaitsForTheServerToStop) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto draft = dir.path() / "du-thao.md";
    {
        std::ofstream out(draft, std::ios::binary);
        out << "# Phần I. Kết quả thực hiện Nghị quyết\n\n## 1. Về kinh tế\n\nTăng trưởng khá.\n";
    }
    ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0", "--insecure"}, (dir.path() / "serve.err").string());
    ASSERT_TRUE(server.waitListening()) << server.output();
    const auto refused = runServerCommand({"draft", "import", "--data", data, draft.string()});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("Hãy dừng máy chủ"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("đang giữ"), std::string::npos) << "the holder, in Vietnamese: " << refused.err;
    server.signal(SIGTERM);
    ASSERT_EQ(server.wait(), 0);
    const auto imported = runServerCommand({"draft", "import", "--data", data, draft.string()});
    EXPECT_EQ(imported.exitCode, 0) << imported.err;
}

}  // namespace
}  // namespace gopy::test
