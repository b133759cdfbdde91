// gopy_bench_reliability: the crash and fault loops of docs/reliability-targets.md (R1, R3,
// R5) against the real gopy-server binary on loopback, with N simulated secretaries typing.
//
//   gopy_bench_reliability --mode kill      kill -9 the server at random 1–5 s intervals (R1)
//   gopy_bench_reliability --mode disk-full writes of the database fail with ENOSPC for 1–3 s
//                                           at random intervals (R3; LD_PRELOAD fault shim)
//   gopy_bench_reliability --mode io-error  the same with EIO, fsync included (R3)
//   gopy_bench_reliability --mode pause     secretaries stop reading and writing for 1–5 s,
//                                           then their app restarts with its outbox (R5)
// Options: --typists N (50) --seconds S (60) --seed K (1) --min S (1) --max S (5).
//
// Every secretary keeps an outbox as the client does: an op stays until its ack, and the whole
// outbox is sent again after every reconnect (the server answers duplicates with their original
// seq). At the end the typing stops, every outbox drains, and the database is checked with
// SQLite: every acknowledged comment is there exactly once, no (device, client seq) was applied
// twice, nothing refused, and PRAGMA integrity_check = ok after every restart and at the end.
// Prints one result line (Markdown table row) for docs/reliability.md; exit code 1 on any loss.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <unistd.h>
#include <sqlite3.h>

#include "tests/net/server_fixture.h"
#include "tests/net/server_process.h"
#include "tests/net/test_client.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using gopy::test::TestClient;

constexpr std::int64_t kConference = 2;  // the demo's planned conference
constexpr std::size_t kWindow = 4;       // ops a secretary has in flight
std::atomic<std::int64_t> gAcked{0};     // acks received by all secretaries

struct Options {
    std::string mode = "kill";
    int typists = 50;
    int seconds = 60;
    unsigned seed = 1;
    double minInterval = 1.0;
    double maxInterval = 5.0;
};

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    const auto nl = text.find('\n');
    return nl == std::string::npos ? text : text.substr(0, nl);
}

std::uint16_t freePort() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();
}

/// One simulated secretary on its own thread.
class Typist {
public:
    Typist(int index, std::string token, std::string participantId, std::uint16_t port)
        : index_(index), token_(std::move(token)), participantId_(std::move(participantId)), port_(port) {}

    void run(const std::atomic<bool>& typing, const std::atomic<bool>& stop) {
        while (!stop) {
            if (pauseFor_.load() > 0ms) {
                // Frozen like a SIGSTOPped app: no reads, no writes; then the app restarts and
                // reconnects with the outbox it kept on disk.
                std::this_thread::sleep_for(pauseFor_.exchange(0ms));
                client_.reset();
                resumedAt_ = Clock::now();
                // The outbox the app kept while frozen: drained once all of it is acknowledged.
                resumeMark_ = nextSeq_ - 1;
            }
            if (!client_ && !connect()) {
                std::this_thread::sleep_for(100ms);
                continue;
            }
            while (typing && outbox_.size() < kWindow) {
                const std::int64_t seq = nextSeq_++;
                outbox_.emplace(seq, Pending{create(seq)});
            }
            // Send what is not in flight and whose retry time has come. Each send is answered
            // exactly once on this connection (ack or nack).
            const auto now = Clock::now();
            std::optional<Clock::time_point> nextRetry;
            std::size_t inFlight = 0;
            bool inOrder = true;  // an op is sent only after every earlier one (no gaps)
            for (auto& [seq, pending] : outbox_) {
                if (!pending.inFlight && inOrder && pending.retryAt <= now) {
                    client_->send(pending.request);
                    pending.inFlight = true;
                }
                if (pending.inFlight) {
                    ++inFlight;
                } else {
                    inOrder = false;
                    if (!nextRetry || pending.retryAt < *nextRetry) nextRetry = pending.retryAt;
                }
            }
            if (resumedAt_ && (outbox_.empty() || outbox_.begin()->first > resumeMark_)) {
                recordDrain(Clock::now() - *resumedAt_);
                resumedAt_.reset();
            }
            if (outbox_.empty() && !typing) {
                drained_ = true;
                std::this_thread::sleep_for(50ms);
                continue;
            }
            if (inFlight == 0) {
                // Only ops waiting for their retry: sleep rather than read (a read that times
                // out closes the test client's socket).
                if (nextRetry) std::this_thread::sleep_until(*nextRetry);
                continue;
            }
            auto message = client_->receive(2s);
            if (!message) {
                // Closed, or silent for 2 s: reconnect and send the whole outbox again.
                client_.reset();
                continue;
            }
            if (const auto* ack = std::get_if<gopy::proto::Ack>(&*message)) {
                const auto it = outbox_.find(ack->clientSeq);
                if (it != outbox_.end()) {
                    acked_[ack->clientSeq] = commentId(ack->clientSeq);
                    outbox_.erase(it);
                    ++gAcked;
                }
            } else if (const auto* nack = std::get_if<gopy::proto::Nack>(&*message)) {
                const auto it = outbox_.find(nack->clientSeq);
                if (it == outbox_.end()) continue;
                if (nack->code == gopy::proto::ErrorCode::StorageFull ||
                    nack->code == gopy::proto::ErrorCode::Gap) {
                    // Nothing was applied (a full disk, or an earlier op of this batch was
                    // refused for it): send it again in a moment, in order, as the client does.
                    if (nack->code == gopy::proto::ErrorCode::StorageFull) ++storageFull_;
                    it->second.inFlight = false;
                    it->second.retryAt = Clock::now() + 100ms;
                } else {
                    refusals_.push_back(std::to_string(nack->clientSeq) + ": " + nack->message);
                    outbox_.erase(it);
                }
            }
        }
        client_.reset();
    }

    void pause(std::chrono::milliseconds duration) { pauseFor_ = duration; }
    bool drained() const { return drained_; }

    std::string deviceId;
    const std::map<std::int64_t, std::string>& acked() const { return acked_; }
    const std::vector<std::string>& refusals() const { return refusals_; }
    int reconnects() const { return reconnects_; }
    int storageFull() const { return storageFull_; }
    std::chrono::milliseconds maxDrain() const { return maxDrain_; }

private:
    bool connect() {
        auto client = std::make_unique<TestClient>(port_);
        if (!client->connected()) return false;
        auto welcome = client->hello(token_);
        if (!welcome) return false;
        client_ = std::move(client);
        ++reconnects_;
        // A new connection: the whole outbox is sent again, in seq order, as the client does.
        for (auto& entry : outbox_) entry.second.inFlight = false;
        return true;
    }

    std::string commentId(std::int64_t seq) const {
        return "rel-" + std::to_string(index_) + "-" + std::to_string(seq);
    }

    gopy::proto::OpRequest create(std::int64_t seq) const {
        gopy::Comment comment;
        comment.id = commentId(seq);
        comment.conferenceId = kConference;
        comment.participantId = participantId_;
        comment.kind = gopy::CommentKind::Addition;
        comment.text = "Thư ký " + std::to_string(index_) + ", ý kiến " + std::to_string(seq) +
                       ": đề nghị bổ sung giải pháp phát triển kinh tế số của quận giai đoạn 2025–2030.";
        gopy::proto::OpRequest request;
        request.clientId = deviceId;
        request.clientSeq = seq;
        request.conferenceId = kConference;
        request.op = gopy::proto::CommentCreate{comment};
        return request;
    }

    void recordDrain(Clock::duration took) {
        maxDrain_ = std::max(maxDrain_, std::chrono::duration_cast<std::chrono::milliseconds>(took));
    }

    int index_;
    std::string token_;
    std::string participantId_;
    std::uint16_t port_;
    std::unique_ptr<TestClient> client_;
    std::int64_t nextSeq_ = 1;
    struct Pending {
        gopy::proto::OpRequest request;
        bool inFlight = false;
        Clock::time_point retryAt{};
    };
    std::map<std::int64_t, Pending> outbox_;
    std::map<std::int64_t, std::string> acked_;
    std::vector<std::string> refusals_;
    int reconnects_ = 0;
    int storageFull_ = 0;
    std::atomic<std::chrono::milliseconds> pauseFor_{0ms};
    std::optional<Clock::time_point> resumedAt_;
    std::int64_t resumeMark_ = 0;
    std::chrono::milliseconds maxDrain_{0};
    std::atomic<bool> drained_{false};
};

/// PRAGMA integrity_check of the database file ("ok" when sound).
std::string integrity(const std::string& path) {
    sqlite3* db = nullptr;
    std::string result = "cannot open";
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return result;
}

std::int64_t scalar(sqlite3* db, const std::string& sql, const std::string& bind = {}) {
    sqlite3_stmt* stmt = nullptr;
    std::int64_t value = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
        if (!bind.empty()) sqlite3_bind_text(stmt, 1, bind.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return value;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--mode") o.mode = value;
        else if (key == "--typists") o.typists = std::stoi(value);
        else if (key == "--seconds") o.seconds = std::stoi(value);
        else if (key == "--seed") o.seed = static_cast<unsigned>(std::stoul(value));
        else if (key == "--min") o.minInterval = std::stod(value);
        else if (key == "--max") o.maxInterval = std::stod(value);
        else {
            std::cerr << "unknown option " << key << "\n";
            std::exit(2);
        }
    }
    if (o.mode != "kill" && o.mode != "disk-full" && o.mode != "io-error" && o.mode != "pause") {
        std::cerr << "--mode kill|disk-full|io-error|pause\n";
        std::exit(2);
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    std::signal(SIGPIPE, SIG_IGN);
    gopy::test::TempDir dir;
    const std::string data = dir.path().string();
    const std::string dbPath = (dir.path() / "gopy.db").string();
    const std::string errLog = (dir.path() / "server-stderr.log").string();
    const std::string flag = (dir.path() / "fault-flag").string();

    if (gopy::test::runServerCommand({"demo", "--data", data}).exitCode != 0) {
        std::cerr << "demo failed\n";
        return 1;
    }
    std::vector<std::string> codes;
    for (int i = 0; i < options.typists; ++i) {
        auto admit = gopy::test::runServerCommand(
            {"admit", "--data", data, "--role", "secretary", "--conference", std::to_string(kConference)});
        if (admit.exitCode != 0) {
            std::cerr << "admit failed: " << admit.err << "\n";
            return 1;
        }
        codes.push_back(trimmed(admit.out));
    }

    if (options.mode == "disk-full" || options.mode == "io-error") {
        setenv("LD_PRELOAD", GOPY_FAULT_SHIM, 1);
        setenv("GOPY_FAULT_FLAG", flag.c_str(), 1);
    }
    const std::uint16_t port = freePort();
    const std::vector<std::string> serve = {"serve", "--data", data, "--listen",
                                            "127.0.0.1:" + std::to_string(port), "--insecure"};
    auto server = std::make_unique<gopy::test::ServerProcess>(serve, errLog);
    if (!server->waitListening()) {
        std::cerr << "server did not start: " << server->output() << "\n";
        return 1;
    }
    unsetenv("LD_PRELOAD");

    std::string participantId;
    std::vector<std::unique_ptr<Typist>> typists;
    for (int i = 0; i < options.typists; ++i) {
        TestClient client(port);
        auto welcome = client.admit(codes[i], "Thư ký " + std::to_string(i + 1));
        if (!welcome) {
            std::cerr << "admission failed\n";
            return 1;
        }
        if (participantId.empty()) {
            auto answer = client.subscribe(kConference, 0);
            if (!answer || !std::holds_alternative<gopy::proto::Snapshot>(*answer) ||
                std::get<gopy::proto::Snapshot>(*answer).participants.empty()) {
                std::cerr << "no snapshot with participants\n";
                return 1;
            }
            participantId = std::get<gopy::proto::Snapshot>(*answer).participants.front().id;
        }
        auto typist = std::make_unique<Typist>(i + 1, welcome->token, participantId, port);
        typist->deviceId = welcome->deviceId;
        typists.push_back(std::move(typist));
    }

    std::atomic<bool> typing{true}, stop{false};
    std::vector<std::thread> threads;
    for (auto& typist : typists) threads.emplace_back([&, t = typist.get()] { t->run(typing, stop); });

    std::mt19937 random(options.seed);
    std::uniform_real_distribution<double> interval(options.minInterval, options.maxInterval);
    std::uniform_real_distribution<double> faultLength(1.0, 3.0);
    int faults = 0;
    std::chrono::milliseconds recovery{0};  // longest fault-to-ack time (disk-full, io-error)
    std::vector<std::string> badIntegrity;
    const auto started = Clock::now();
    const auto end = started + std::chrono::seconds(options.seconds);
    auto sleepSeconds = [](double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); };
    while (Clock::now() < end) {
        sleepSeconds(interval(random));
        if (Clock::now() >= end) break;
        ++faults;
        if (options.mode == "kill") {
            server->signal(SIGKILL);
            server->wait();
            const auto check = integrity(dbPath);
            if (check != "ok") badIntegrity.push_back("after kill " + std::to_string(faults) + ": " + check);
            server = std::make_unique<gopy::test::ServerProcess>(serve, errLog);
            if (!server->waitListening()) {
                std::cerr << "server did not restart after kill " << faults << ": " << server->output() << "\n";
                return 1;
            }
        } else if (options.mode == "pause") {
            std::uniform_int_distribution<std::size_t> pick(0, typists.size() - 1);
            for (int k = 0; k < std::max(1, options.typists / 5); ++k) {
                typists[pick(random)]->pause(std::chrono::milliseconds(static_cast<int>(interval(random) * 1000)));
            }
        } else {
            std::ofstream(flag) << (options.mode == "disk-full" ? "ENOSPC" : "EIO");
            sleepSeconds(faultLength(random));
            std::filesystem::remove(flag);
            // Recovery: the time from the disk having room again to the next acknowledgement.
            const auto cleared = Clock::now();
            const auto before = gAcked.load();
            while (gAcked.load() == before && Clock::now() - cleared < 60s) std::this_thread::sleep_for(5ms);
            recovery = std::max(recovery, std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - cleared));
        }
    }
    const double typedFor = std::chrono::duration<double>(Clock::now() - started).count();

    // Stop typing; every outbox must drain.
    typing = false;
    const auto drainStart = Clock::now();
    for (auto& typist : typists) {
        while (!typist->drained() && Clock::now() - drainStart < 120s) std::this_thread::sleep_for(50ms);
    }
    const double drainSeconds = std::chrono::duration<double>(Clock::now() - drainStart).count();
    stop = true;
    for (auto& thread : threads) thread.join();
    server->signal(SIGTERM);
    const int exitCode = server->wait();

    // The verdict, from the database itself.
    const auto finalIntegrity = integrity(dbPath);
    if (finalIntegrity != "ok") badIntegrity.push_back("at the end: " + finalIntegrity);
    sqlite3* db = nullptr;
    sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::int64_t acked = 0, lost = 0, refused = 0, undrained = 0, reconnects = 0, storageFull = 0;
    std::chrono::milliseconds maxDrain{0};
    for (const auto& typist : typists) {
        if (!typist->drained()) ++undrained;
        acked += static_cast<std::int64_t>(typist->acked().size());
        refused += static_cast<std::int64_t>(typist->refusals().size());
        reconnects += typist->reconnects();
        storageFull += typist->storageFull();
        maxDrain = std::max(maxDrain, typist->maxDrain());
        for (const auto& refusal : typist->refusals()) std::cerr << "refused: " << refusal << "\n";
        for (const auto& [seq, id] : typist->acked()) {
            if (scalar(db, "SELECT count(*) FROM comments WHERE id = ?1 AND deleted = 0", id) != 1) {
                ++lost;
                std::cerr << "acknowledged but lost: " << id << "\n";
            }
        }
    }
    const auto doubled = scalar(db,
                                "SELECT count(*) FROM (SELECT device_id, client_seq FROM oplog "
                                "WHERE device_id NOT IN ('import', 'demo') GROUP BY 1, 2 HAVING count(*) > 1)");
    const auto stored = scalar(db, "SELECT count(*) FROM comments WHERE id LIKE 'rel-%'");
    sqlite3_close(db);
    const std::int64_t unacked = stored - acked;  // applied but never acknowledged after the drain

    for (const auto& bad : badIntegrity) std::cerr << "integrity: " << bad << "\n";
    std::printf("| %s | %d | %.0f s | %d | %lld | %.0f | %lld | %lld | %lld | %lld | %lld | %s | %lld | %.1f s | %lld ms | %lld ms | %d |\n",
                options.mode.c_str(), options.typists, typedFor, faults, static_cast<long long>(acked),
                acked / typedFor, static_cast<long long>(lost), static_cast<long long>(doubled),
                static_cast<long long>(unacked), static_cast<long long>(refused),
                static_cast<long long>(storageFull), badIntegrity.empty() ? "ok" : "FAILED",
                static_cast<long long>(reconnects), drainSeconds, static_cast<long long>(maxDrain.count()),
                static_cast<long long>(recovery.count()), exitCode);
    std::printf("columns: mode | typists | typed for | faults | acked ops | acked/s | lost | applied twice | "
                "applied unacked | refused | storage_full nacks | integrity | (re)connects | drain | max drain "
                "after a pause | max recovery after a fault | server exit\n");
    const bool ok = lost == 0 && doubled == 0 && unacked == 0 && refused == 0 && undrained == 0 &&
                    badIntegrity.empty();
    if (!ok || std::getenv("GOPY_BENCH_KEEP") != nullptr) {
        // Keep the evidence: the data folder with its database, logs and the server's stderr.
        const auto kept = std::filesystem::temp_directory_path() /
                          ("gopy-reliability-" + options.mode + "-" + std::to_string(::getpid()));
        std::filesystem::copy(dir.path(), kept, std::filesystem::copy_options::recursive);
        std::cerr << "failed; the data folder is kept in " << kept.string() << "\n";
    }
    return ok ? 0 : 1;
}
