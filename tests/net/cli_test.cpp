// The gopy-server command line: usage errors exit 2, missing data and busy resources exit 1
// with a clear message, a second server on the same data folder is refused.
#include <chrono>
#include <csignal>
#include <fstream>
#include <filesystem>
#include <thread>

#include <boost/asio.hpp>
#include <gtest/gtest.h>

#include "server/net/tls_identity.h"
#include "server/store/store.h"
#include "tests/net/server_fixture.h"
#include "tests/net/server_process.h"

namespace gopy::test {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(CliTest, HelpAndUsageErrors) {
    auto result = runServerCommand({"--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(contains(result.out, "serve"));
    result = runServerCommand({"help", "admit"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(contains(result.out, "--role"));
    result = runServerCommand({"serve", "--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(contains(result.out, "--listen"));

    EXPECT_EQ(runServerCommand({}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"fly"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"help", "fly"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"serve"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"serve", "--data"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"serve", "--data", "/tmp", "--listen", "nowhere"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"serve", "--data", "/tmp", "--listen", "127.0.0.1:99999"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"serve", "--data", "/tmp", "--port", "1"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"admit", "--data", "/tmp", "--role", "king"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"admit", "--data", "/tmp", "--role", "organiser"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"admit", "--data", "/tmp", "--role", "chair", "--ttl", "-5"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"report", "--data", "/tmp", "--out", "x.pdf"}).exitCode, 2);
    EXPECT_EQ(runServerCommand({"report", "--data", "/tmp", "--combined", "--conference", "1", "--out", "x.pdf"}).exitCode, 2);
    result = runServerCommand({"admit", "--data", "/tmp", "--role", "king"});
    EXPECT_TRUE(contains(result.err, "king")) << result.err;
}

TEST(CliTest, MissingDatabaseIsAClearError) {
    TempDir dir;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"serve", "--data", dir.path().string(), "--listen", "127.0.0.1:0"},
             {"admit", "--data", dir.path().string(), "--role", "secretary"},
             {"report", "--data", dir.path().string(), "--combined", "--out", (dir.path() / "r.pdf").string()}}) {
        const auto result = runServerCommand(args);
        EXPECT_EQ(result.exitCode, 1) << args[0];
        EXPECT_TRUE(contains(result.err, "gopy.db")) << result.err;
        EXPECT_TRUE(contains(result.err, "gopy-server demo")) << result.err;
        EXPECT_FALSE(std::filesystem::exists(dir.path() / "gopy.db")) << "must not create an empty database";
    }
}

TEST(CliTest, DemoTwiceThenAdmitPrintsACode) {
    TempDir dir;
    const std::string data = (dir.path() / "new-folder").string();
    auto result = runServerCommand({"demo", "--data", data});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(data) / "gopy.db"));
    result = runServerCommand({"demo", "--data", data});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(contains(result.out, "đã có")) << result.out;
    result = runServerCommand({"admit", "--data", data, "--role", "chair", "--conference", "1", "--ttl", "60"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    ASSERT_EQ(result.out.size(), 10u) << "one code line: " << result.out;
    EXPECT_EQ(result.out[4], '-');
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(data) / "logs" / "gopy.log"));
}

TEST(CliTest, GrassrootsAdmissionNeedsAKnownOrganisation) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    auto result = runServerCommand({"admit", "--data", data, "--role", "grassroots"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(contains(result.err, "--organisation")) << result.err;
    result = runServerCommand({"admit", "--data", data, "--role", "chair", "--organisation", "3"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(contains(result.err, "grassroots")) << result.err;
    result = runServerCommand({"admit", "--data", data, "--role", "grassroots", "--organisation", "99"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(contains(result.err, "Không có tổ chức cơ sở đảng số 99")) << result.err;
    EXPECT_TRUE(contains(result.err, "Đảng bộ phường Phúc Xá")) << result.err;
    result = runServerCommand({"admit", "--data", data, "--role", "grassroots", "--organisation", "3"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.size(), 10u) << result.out;
}

TEST(CliTest, PortInUseIsRefused) {
    TempDir dir;
    ASSERT_EQ(runServerCommand({"demo", "--data", dir.path().string()}).exitCode, 0);
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor taken(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const auto port = taken.local_endpoint().port();
    const auto result = runServerCommand({"serve", "--data", dir.path().string(), "--listen", "127.0.0.1:" + std::to_string(port)});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(contains(result.err, std::to_string(port))) << result.err;
    EXPECT_TRUE(contains(result.err, "address in use")) << result.err;
}

TEST(CliTest, SecondServerOnTheSameDataFolderIsRefused) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    ServerProcess first({"serve", "--data", data, "--listen", "127.0.0.1:0"}, (dir.path() / "first.err").string());
    ASSERT_TRUE(first.waitListening()) << first.output();
    EXPECT_TRUE(contains(first.output(), "GopY đang phục vụ tại wss://127.0.0.1:"));
    // The certificate it made on first start, printed for people to compare with the devices.
    const std::string fingerprint = server::net::tlsFingerprintOf(dir.path());
    ASSERT_EQ(fingerprint.size(), 64u);
    EXPECT_TRUE(contains(first.output(), server::net::groupedFingerprint(fingerprint))) << first.output();

    const auto second = runServerCommand({"serve", "--data", data, "--listen", "127.0.0.1:0"});
    EXPECT_EQ(second.exitCode, 1);
    EXPECT_TRUE(contains(second.err, "gopy-server khác")) << second.err;

    // The running server admits devices issued while it runs (WAL lets the CLI write).
    const auto admit = runServerCommand({"admit", "--data", data, "--role", "delegate", "--address", "10.1.2.3"});
    EXPECT_EQ(admit.exitCode, 0) << admit.err;
    // stdout holds the code alone (scripts read it); stderr what a person needs beside it.
    const std::string code = admit.out.substr(0, admit.out.find('\n'));
    EXPECT_EQ(admit.out, code + "\n");
    EXPECT_TRUE(contains(admit.err, server::net::shortFingerprint(fingerprint))) << admit.err;
    EXPECT_TRUE(contains(admit.err, "gopy://10.1.2.3:8080/?code=" + code + "&fp=" + fingerprint)) << admit.err;
    EXPECT_TRUE(contains(admit.err, "\u2588")) << "no QR code drawn: " << admit.err;
    const auto quiet = runServerCommand({"admit", "--data", data, "--role", "delegate", "--quiet"});
    EXPECT_EQ(quiet.err, "");

    first.signal(SIGTERM);
    EXPECT_EQ(first.wait(), 0) << "SIGTERM must stop the server cleanly";
}

TEST(CliTest, ReportCommandWritesThePdf) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto out = dir.path() / "hoi-nghi-1.pdf";
    const auto result = runServerCommand({"report", "--data", data, "--conference", "1", "--out", out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::ifstream file(out, std::ios::binary);
    std::string head(5, '\0');
    file.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
    const auto unknown = runServerCommand({"report", "--data", data, "--conference", "99", "--out", out.string()});
    EXPECT_EQ(unknown.exitCode, 1);
}

// The organiser, from the server laptop's terminal while the hall is in session: sees the
// admitted devices with where they connected from, and cuts a lost tablet off within a second.
TEST(CliTest, DevicesAndRevokeWhileServing) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto admit = runServerCommand({"admit", "--data", data, "--role", "secretary", "--conference", "2"});
    ASSERT_EQ(admit.exitCode, 0) << admit.err;
    std::string code = admit.out.substr(0, admit.out.find('\n'));
    ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0"}, (dir.path() / "err.log").string());
    const auto port = server.waitListening();
    ASSERT_TRUE(port) << server.output();
    TestClient tablet(*port, TestClient::Transport::Tls);
    ASSERT_TRUE(tablet.admit(code, "Máy tính bảng thư ký 3"));

    auto listed = runServerCommand({"devices", "--data", data});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    const auto line = listed.out.substr(listed.out.find(tablet.deviceId));
    EXPECT_TRUE(contains(line.substr(0, line.find('\n')), "Máy tính bảng thư ký 3\tthư ký\t2\t")) << listed.out;
    EXPECT_TRUE(contains(line.substr(0, line.find('\n')), "\t127.0.0.1\tđang dùng")) << listed.out;

    const auto started = std::chrono::steady_clock::now();
    const auto revoked = runServerCommand({"revoke", "--data", data, tablet.deviceId});
    ASSERT_EQ(revoked.exitCode, 0) << revoked.err;
    EXPECT_TRUE(contains(revoked.out, "Đã thu hồi thiết bị " + tablet.deviceId)) << revoked.out;
    const auto notice = tablet.receiveType<proto::Error>({}, std::chrono::seconds(10));
    ASSERT_TRUE(notice) << "the running server did not cut the device off";
    EXPECT_EQ(notice->code, proto::ErrorCode::Revoked);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
    TestClient again(*port, TestClient::Transport::Tls);
    EXPECT_FALSE(again.hello(tablet.token));

    listed = runServerCommand({"devices", "--data", data});
    EXPECT_TRUE(contains(listed.out, "đã thu hồi lúc")) << listed.out;
    EXPECT_EQ(runServerCommand({"revoke", "--data", data, tablet.deviceId}).exitCode, 1);
    const auto unknown = runServerCommand({"revoke", "--data", data, "d-khong-co"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(contains(unknown.err, "không có thiết bị d-khong-co")) << unknown.err;
    EXPECT_EQ(runServerCommand({"revoke", "--data", data}).exitCode, 2);
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0);
}

// An online backup taken while a secretary writes, restored into another folder: the same
// comments and log up to the backup's head, integrity ok; restore refuses a served folder and
// keeps the database it replaces.
TEST(CliTest, BackupWhileServingAndRestore) {
    TempDir dir;
    const std::string data = (dir.path() / "hall").string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto admit = runServerCommand({"admit", "--data", data, "--role", "secretary", "--conference", "2"});
    ASSERT_EQ(admit.exitCode, 0) << admit.err;
    ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0"}, (dir.path() / "err.log").string());
    const auto port = server.waitListening();
    ASSERT_TRUE(port) << server.output();
    TestClient secretary(*port, TestClient::Transport::Tls);
    ASSERT_TRUE(secretary.admit(admit.out.substr(0, admit.out.find('\n')), "Thư ký"));
    auto snapshot = secretary.subscribe(2, 0);
    ASSERT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
    const std::string speaker = std::get<proto::Snapshot>(*snapshot).participants.front().id;
    auto create = [&](int n) {
        Comment c;
        c.id = "bk-" + std::to_string(n);
        c.conferenceId = 2;
        c.participantId = speaker;
        c.kind = CommentKind::Addition;
        c.text = "Ý kiến số " + std::to_string(n) + " về chuyển đổi số";
        return proto::CommentCreate{c};
    };
    for (int n = 1; n <= 50; ++n) ASSERT_TRUE(secretary.applyOp(2, create(n)));
    // The backup runs while more comments arrive.
    const std::string file = (dir.path() / "sao-luu.db").string();
    std::thread writer([&] {
        for (int n = 51; n <= 150; ++n) secretary.applyOp(2, create(n));
    });
    const auto backup = runServerCommand({"backup", "--data", data, "--out", file});
    writer.join();
    ASSERT_EQ(backup.exitCode, 0) << backup.err;
    EXPECT_TRUE(contains(backup.out, "Đã sao lưu vào")) << backup.out;
    EXPECT_EQ(runServerCommand({"backup", "--data", data, "--out", file}).exitCode, 1) << "never overwrites";
    const auto busy = runServerCommand({"restore", "--data", data, file});
    EXPECT_EQ(busy.exitCode, 1);
    EXPECT_TRUE(contains(busy.err, "đang được máy chủ phục vụ")) << busy.err;
    server.signal(SIGTERM);
    ASSERT_EQ(server.wait(), 0);

    // Restored elsewhere: every comment of the backup, the log consistent with them.
    const std::string copy = (dir.path() / "restored").string();
    const auto restored = runServerCommand({"restore", "--data", copy, file});
    ASSERT_EQ(restored.exitCode, 0) << restored.err;
    server::Store original(data + "/gopy.db");
    server::Store back(copy + "/gopy.db");
    EXPECT_EQ(back.db().scalarText("PRAGMA integrity_check"), "ok");
    const auto head = back.db().scalarInt("SELECT max(seq) FROM oplog");
    EXPECT_GE(back.db().scalarInt("SELECT count(*) FROM comments WHERE id LIKE 'bk-%'"), 50);
    EXPECT_EQ(back.db().scalarInt("SELECT count(*) FROM comments WHERE id LIKE 'bk-%'"),
              original.db().scalarInt("SELECT count(*) FROM comments WHERE id LIKE 'bk-%' AND seq_created <= " +
                                      std::to_string(head)));
    EXPECT_EQ(back.db().scalarInt("SELECT count(*) FROM oplog"),
              original.db().scalarInt("SELECT count(*) FROM oplog WHERE seq <= " + std::to_string(head)));
    // Restoring over a database keeps the old one aside.
    const auto again = runServerCommand({"restore", "--data", copy, file});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_TRUE(contains(again.out, "được cất tại")) << again.out;
    bool kept = false;
    for (const auto& entry : std::filesystem::directory_iterator(copy)) {
        kept |= entry.path().filename().string().starts_with("gopy.db.before-restore-");
    }
    EXPECT_TRUE(kept);
    // Not a GopY database: refused, nothing replaced.
    std::ofstream(dir.path() / "junk.db") << "không phải cơ sở dữ liệu";
    const auto junk = runServerCommand({"restore", "--data", copy, (dir.path() / "junk.db").string()});
    EXPECT_EQ(junk.exitCode, 1);
}

// The audit trail of a real session (the demo's, then an admission and a revocation): verify
// passes, and every kind of tampering with the file is found and named.
TEST(CliTest, AuditTrailVerifiesAndFindsTampering) {
    TempDir dir;
    const std::string data = dir.path().string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto admit = runServerCommand({"admit", "--data", data, "--role", "delegate", "--conference", "1"});
    ASSERT_EQ(admit.exitCode, 0);
    {
        ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0"}, (dir.path() / "err.log").string());
        const auto port = server.waitListening();
        ASSERT_TRUE(port) << server.output();
        TestClient delegate(*port, TestClient::Transport::Tls);
        ASSERT_TRUE(delegate.admit("WRONG-CODE", "Máy lạ") == std::nullopt);
        TestClient good(*port, TestClient::Transport::Tls);
        ASSERT_TRUE(good.admit(admit.out.substr(0, admit.out.find('\n')), "Điện thoại đại biểu"));
        TestClient stranger(*port, TestClient::Transport::Tls);
        EXPECT_FALSE(stranger.hello("not-a-token"));
        ASSERT_EQ(runServerCommand({"revoke", "--data", data, good.deviceId}).exitCode, 0);
        server.signal(SIGTERM);
        ASSERT_EQ(server.wait(), 0);
    }
    auto verify = runServerCommand({"audit", "verify", "--data", data});
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    EXPECT_TRUE(contains(verify.out, "toàn vẹn")) << verify.out;
    const auto shown = runServerCommand({"audit", "show", "--data", data});
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_TRUE(contains(shown.out, "\tthao tác\t")) << "every applied op";
    EXPECT_TRUE(contains(shown.out, "\tbáo cáo\t")) << "the report generated";
    EXPECT_TRUE(contains(shown.out, "\ttừ chối kết nạp\t—\t127.0.0.1\t")) << shown.out;
    EXPECT_TRUE(contains(shown.out, "\tkết nạp\t")) << shown.out;
    EXPECT_TRUE(contains(shown.out, "Điện thoại đại biểu")) << shown.out;
    EXPECT_TRUE(contains(shown.out, "\tthu hồi\t")) << shown.out;
    EXPECT_TRUE(contains(shown.out, "Đếm từ chối mã thiết bị: 1 lần")) << shown.out;

    const auto tampered = [&](const std::string& sql) {
        const std::string copy = (dir.path() / "copy").string();
        std::filesystem::remove_all(copy);
        std::filesystem::create_directories(copy);
        std::filesystem::copy_file(data + "/gopy.db", copy + "/gopy.db");
        {
            server::Store store(copy + "/gopy.db");
            store.db().exec(sql);
        }
        return runServerCommand({"audit", "verify", "--data", copy});
    };
    auto edited = tampered("UPDATE audit_log SET detail = 'không có gì' WHERE seq = 5");
    EXPECT_EQ(edited.exitCode, 1);
    EXPECT_TRUE(contains(edited.out, "bản ghi số 5 đã bị sửa sau khi ghi")) << edited.out;
    auto deleted = tampered("DELETE FROM audit_log WHERE seq = 7");
    EXPECT_EQ(deleted.exitCode, 1);
    EXPECT_TRUE(contains(deleted.out, "thiếu bản ghi số 7")) << deleted.out;
    auto cut = tampered("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
    EXPECT_EQ(cut.exitCode, 1);
    EXPECT_TRUE(contains(cut.out, "các bản ghi cuối bị xóa hoặc sửa")) << cut.out;
    auto swapped = tampered("UPDATE audit_log SET seq = -seq WHERE seq IN (3, 4); "
                            "UPDATE audit_log SET seq = 4 WHERE seq = -3; UPDATE audit_log SET seq = 3 WHERE seq = -4");
    EXPECT_EQ(swapped.exitCode, 1);
    EXPECT_TRUE(contains(swapped.out, "bản ghi số 3")) << swapped.out;
}

}  // namespace
}  // namespace gopy::test
