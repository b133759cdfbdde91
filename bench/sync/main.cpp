// gopy_bench_sync: runs the real gopy-server binary on 127.0.0.1 over a fresh demo database
// and measures, with asynchronous Beast clients on one thread of this process:
//   1. server RSS when idle;
//   2. time for 1,000 clients to connect, hello and subscribe; RSS with them connected;
//   3. op → event latency at every subscriber with 1,000, 300 and 50 subscribers;
//   4. acknowledged durable ops/s with 50 typists sending concurrently;
//   5. with --import FILE: op → event latency at 50 subscribers while `gopy-server
//      import-public` imports FILE into the served database (another process).
// Usage: gopy_bench_sync [--ops N] [--seconds S] [--window W] [--import FILE]
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>
#include <mutex>
#include <string>
#include <string_view>
#include <algorithm>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/sync/bench_client.h"
#include "bench/sync/harness.h"
#include "bench/sync/stats.h"
#include "gopy/protocol.h"
#include "server/sync/engine.h"

namespace {

using namespace gopy;
using Clock = std::chrono::steady_clock;
using namespace gopy::bench;
namespace asio = boost::asio;
namespace fs = std::filesystem;

constexpr std::int64_t kConference = 2;

std::string commentOp(const std::string& deviceId, std::int64_t seq, const std::string& id,
                      const std::string& participantId) {
    Comment c;
    c.id = id;
    c.conferenceId = kConference;
    c.participantId = participantId;
    c.kind = CommentKind::Addition;
    c.text = "Đề nghị bổ sung vào Phần II nội dung về chuyển đổi số, cải cách hành chính và "
             "nâng cao chất lượng phục vụ Nhân dân của chính quyền các phường trên địa bàn quận.";
    return proto::encode(proto::OpRequest{deviceId, seq, kConference, proto::CommentCreate{c}});
}

}  // namespace

int main(int argc, char** argv) {
    int opsPerRun = 200;
    int seconds = 5;
    int window = 32;
    std::string importFile;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--ops") opsPerRun = std::atoi(argv[i + 1]);
        else if (name == "--seconds") seconds = std::atoi(argv[i + 1]);
        else if (name == "--window") window = std::atoi(argv[i + 1]);
        else if (name == "--import") importFile = argv[i + 1];
    }
    raiseFileLimit();
    const fs::path data = demoDataFolder("gopy-bench");
    if (data.empty()) return 1;

    // Devices are admitted before the server starts (admission is not what is measured).
    constexpr int kSubscribers = 1000;
    constexpr int kTypists = 50;
    std::vector<std::string> chairTokens, typistTokens;
    std::string secretaryToken, participantId;
    {
        server::Engine engine((data / "gopy.db").string());
        const auto admitOne = [&](Role role, int n) {
            const auto code = engine.createAdmissionCode(role, kConference, 3600);
            auto result = engine.admit(proto::Admit{code, "bench " + std::to_string(n)}, "bench-" + std::to_string(n), 0);
            if (!result.welcome) throw std::runtime_error("admission failed");
            return result.welcome->token;
        };
        const auto t = Clock::now();
        for (int i = 0; i < kSubscribers; ++i) chairTokens.push_back(admitOne(Role::Chair, i));
        for (int i = 0; i < kTypists; ++i) typistTokens.push_back(admitOne(Role::Secretary, 10000 + i));
        secretaryToken = admitOne(Role::Secretary, 20000);
        std::cout << "setup: admitted " << chairTokens.size() + typistTokens.size() + 1 << " devices in "
                  << msSince(t) << " ms\n";
        const auto snap = engine.subscribe(server::Device{"bench", "bench", Role::Organiser, 0}, proto::Subscribe{kConference, 0});
        if (!snap.snapshot || snap.snapshot->participants.empty()) throw std::runtime_error("no participants");
        participantId = snap.snapshot->participants.front().id;
    }

    const Child server = startServer(data);
    if (server.pid <= 0) {
        std::cerr << "server did not start\n";
        return 1;
    }
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), server.port);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    std::printf("server pid %d on port %u\n", static_cast<int>(server.pid), server.port);
    std::fflush(stdout);
    std::printf("server RSS idle: %.1f MB\n", rssKiB(server.pid) / 1024.0);

    asio::io_context io;
    auto guard = asio::make_work_guard(io);
    std::thread ioThread([&] { io.run(); });
    std::atomic<int> failures{0};
    bool closingOnPurpose = false;  // io thread only: closes we make are not failures
    const auto countFailure = [&](bench::BenchClient&) { if (!closingOnPurpose) ++failures; };

    // ---- 1,000 clients connect, hello, subscribe ------------------------------------------
    std::vector<std::shared_ptr<bench::BenchClient>> chairs;
    {
        Phase phase;
        int ready = 0;
        const auto start = Clock::now();
        asio::post(io, [&] {
            for (int i = 0; i < kSubscribers; ++i) {
                auto client = std::make_shared<bench::BenchClient>(io, chairTokens[i], kConference);
                chairs.push_back(client);
                client->start(endpoint, [&](bench::BenchClient&) { if (++ready == kSubscribers) phase.done(); }, countFailure);
            }
        });
        const bool ok = phase.wait(std::chrono::seconds(120));
        std::printf("connect+hello+subscribe of %d clients: %.0f ms%s (failures %d)\n", kSubscribers, msSince(start),
                    ok ? "" : " (TIMEOUT)", failures.load());
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    std::printf("server RSS with %d clients: %.1f MB\n", kSubscribers, rssKiB(server.pid) / 1024.0);

    // ---- op → event latency -----------------------------------------------------------------
    std::shared_ptr<bench::BenchClient> secretary;
    {
        Phase phase;
        asio::post(io, [&] {
            secretary = std::make_shared<bench::BenchClient>(io, secretaryToken, kConference);
            secretary->start(endpoint, [&](bench::BenchClient&) { phase.done(); }, countFailure);
        });
        phase.wait(std::chrono::seconds(30));
    }
    int opCounter = 0;
    // Sends one comment.create at a time and times its event at every chair, while
    // keepGoing(measured ops so far) holds.
    const auto measureLatency = [&](int subscribers, const char* label,
                                    const std::function<bool(int)>& keepGoing) {
        bench::Stats delivery, allReached;
        Phase phase;
        int sent = 0, received = 0;
        bool acked = false;
        std::string marker;
        Clock::time_point t0;
        const int warmup = 10;
        std::function<void()> sendNext;
        const auto maybeNext = [&] {
            if (received < subscribers || !acked) return;
            if (sent > warmup) allReached.add(msSince(t0));
            if (!keepGoing(sent - warmup)) return phase.done();
            sendNext();
        };
        sendNext = [&] {
            ++sent;
            received = 0;
            acked = false;
            const std::string id = "lat-" + std::to_string(++opCounter);
            marker = "\"" + id + "\"";
            t0 = Clock::now();
            secretary->send(commentOp(secretary->deviceId, secretary->nextSeq++, id, participantId));
        };
        asio::post(io, [&] {
            for (auto& chair : chairs) {
                chair->onFrame = [&](bench::BenchClient&, const std::string& frame) {
                    if (frame.find(marker) == std::string::npos) return;
                    if (sent > warmup) delivery.add(msSince(t0));
                    ++received;
                    maybeNext();
                };
            }
            secretary->onFrame = [&](bench::BenchClient&, const std::string& frame) {
                if (std::string_view(frame.data(), std::min<std::size_t>(frame.size(), 48)).find("\"type\":\"ack\"") ==
                    std::string_view::npos)
                    return;
                acked = true;
                maybeNext();
            };
            sendNext();
        });
        const bool ok = phase.wait(std::chrono::seconds(300));
        Phase quiet;
        asio::post(io, [&] {
            for (auto& chair : chairs) chair->onFrame = nullptr;
            secretary->onFrame = nullptr;
            quiet.done();
        });
        quiet.wait(std::chrono::seconds(30));
        std::printf("latency op→event%s, %4d subscribers, %d ops: per delivery p50 %.2f ms p99 %.2f ms; "
                    "all reached p50 %.2f ms p99 %.2f ms max %.2f ms%s\n",
                    label, subscribers, std::max(0, sent - warmup), delivery.quantile(0.5), delivery.quantile(0.99),
                    allReached.quantile(0.5), allReached.quantile(0.99), allReached.max(), ok ? "" : " (TIMEOUT)");
        };
    for (const int subscribers : {1000, 300, 50}) {
        Phase closed;
        asio::post(io, [&] {
            closingOnPurpose = true;
            while (static_cast<int>(chairs.size()) > subscribers) {
                chairs.back()->onFrame = nullptr;
                chairs.back()->close();
                chairs.pop_back();
            }
            closed.done();
        });
        closed.wait(std::chrono::seconds(30));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        measureLatency(subscribers, "", [&](int measured) { return measured < opsPerRun; });
    }
    if (!importFile.empty()) {
        // The office imports while the hall types: the import runs as its own process on the
        // served database; ops are timed for as long as it runs.
        std::atomic<bool> importing{true};
        int importExit = -1;
        const auto importStart = Clock::now();
        double importMs = 0;
        std::thread importer([&] {
            importExit = runToEnd({"import-public", "--data", data.string(), importFile});
            importMs = msSince(importStart);
            importing = false;
        });
        measureLatency(static_cast<int>(chairs.size()), " during import",
                       [&](int) { return importing.load(); });
        importer.join();
        std::printf("import-public during the run: exit %d, %.1f s\n", importExit, importMs / 1000.0);
    }
    {
        Phase closed;
        asio::post(io, [&] {
            closingOnPurpose = true;
            for (auto& chair : chairs) chair->close();
            chairs.clear();
            secretary->close();
            closed.done();
        });
        closed.wait(std::chrono::seconds(30));
    }

    // ---- durable throughput with 50 typists ----------------------------------------------------
    {
        std::vector<std::shared_ptr<bench::BenchClient>> typists;
        Phase connected;
        int ready = 0;
        asio::post(io, [&] {
            closingOnPurpose = false;
            for (int i = 0; i < kTypists; ++i) {
                auto client = std::make_shared<bench::BenchClient>(io, typistTokens[i], kConference);
                typists.push_back(client);
                client->start(endpoint, [&](bench::BenchClient&) { if (++ready == kTypists) connected.done(); }, countFailure);
            }
        });
        connected.wait(std::chrono::seconds(60));

        std::atomic<bool> running{true};
        long acks = 0, nacks = 0;
        long measuredAcks = 0;
        bool measuring = false;
        Phase started;
        asio::post(io, [&] {
            for (std::size_t i = 0; i < typists.size(); ++i) {
                auto* typist = typists[i].get();
                const auto sendOne = [&, typist, i] {
                    const std::string id = "tp-" + std::to_string(i) + "-" + std::to_string(typist->nextSeq);
                    typist->send(commentOp(typist->deviceId, typist->nextSeq++, id, participantId));
                    ++typist->inFlight;
                };
                typist->onFrame = [&, sendOne](bench::BenchClient& self, const std::string& frame) {
                    // The type is in the envelope's head; event batches are long, do not scan them.
                    const std::string_view head(frame.data(), std::min<std::size_t>(frame.size(), 48));
                    const bool ack = head.find("\"type\":\"ack\"") != std::string_view::npos;
                    const bool nack = !ack && head.find("\"type\":\"nack\"") != std::string_view::npos;
                    if (!ack && !nack) return;
                    --self.inFlight;
                    ack ? ++acks : ++nacks;
                    if (ack && measuring) ++measuredAcks;
                    if (running) sendOne();
                };
                for (int k = 0; k < window; ++k) sendOne();
            }
            started.done();
        });
        started.wait(std::chrono::seconds(10));
        std::this_thread::sleep_for(std::chrono::seconds(1));  // warm-up
        Phase begin;
        asio::post(io, [&] { measuring = true; begin.done(); });
        begin.wait(std::chrono::seconds(10));
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds(server.pid);
        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        const double serverCpu = cpuSeconds(server.pid) - cpuStart;
        Phase end;
        long total = 0;
        asio::post(io, [&] {
            measuring = false;
            total = measuredAcks;
            end.done();
        });
        end.wait(std::chrono::seconds(10));
        const double elapsed = msSince(start) / 1000.0;
        running = false;
        std::this_thread::sleep_for(std::chrono::seconds(2));
        std::printf("durable throughput, %d typists (window %d each): %.0f acknowledged ops/s (%ld acks in %.1f s; nacks %ld); "
                    "server CPU %.2f s = %.0f ops per server CPU second\n",
                    kTypists, window, static_cast<double>(total) / elapsed, total, elapsed, nacks, serverCpu,
                    serverCpu > 0 ? static_cast<double>(total) / serverCpu : 0.0);
        Phase closed;
        asio::post(io, [&] {
            closingOnPurpose = true;
            for (auto& typist : typists) {
                typist->onFrame = nullptr;
                typist->close();
            }
            closed.done();
        });
        closed.wait(std::chrono::seconds(10));
    }

    guard.reset();
    io.stop();
    ioThread.join();
    ::kill(server.pid, SIGTERM);
    int status = 0;
    waitpid(server.pid, &status, 0);
    std::error_code ec;
    fs::remove_all(data, ec);
    std::printf("client failures: %d\n", failures.load());
    return 0;
}
