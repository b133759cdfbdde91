// gopy_bench_floods: one secretary's acknowledgement time (op sent → ack received) on the
// real gopy-server binary, alone and during each flood that a laptop on the hall Wi-Fi, or bad
// luck, can cause — all in the same run, so the figures compare as ratios:
//   baseline        nothing else happens;
//   resubscribe     20 delegates each re-subscribe every 10 ms (rate-limited by the server);
//   wrong codes     50 unauthenticated connections each send a wrong admission code every 20 ms;
//   typing          10 secretaries each send a 170 KB typing draft every 10 ms (rate-limited);
//   big snapshots   10 chairs open a conference of N comments at once, every second;
//   synthesis       another conference of N comments ends its session: its synthesis renders;
//   baseline again  to see the machine did not drift.
// The secretary sends one comment.create, waits for its ack, waits 20 ms, and so on.
// Usage: gopy_bench_floods [--seconds S] [--comments N] [--server PATH]
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench/sync/bench_client.h"
#include "bench/sync/harness.h"
#include "bench/sync/stats.h"
#include "gopy/protocol.h"
#include "server/sync/engine.h"

namespace {

using namespace gopy;
using namespace gopy::bench;
namespace asio = boost::asio;
namespace fs = std::filesystem;

constexpr std::int64_t kProbeConference = 2;  ///< the secretary whose acks are measured
constexpr std::int64_t kBigConference = 3;    ///< filled with N comments before the start

std::string commentText(int n) {
    return "Ý kiến số " + std::to_string(n) +
           ": đề nghị bổ sung vào Dự thảo nội dung về chuyển đổi số, cải cách hành chính và nâng "
           "cao chất lượng phục vụ Nhân dân của chính quyền các phường trên địa bàn quận.";
}

bool frameIs(const std::string& frame, std::string_view type) {
    const std::string_view head(frame.data(), std::min<std::size_t>(frame.size(), 48));
    return head.find("\"type\":\"" + std::string(type) + "\"") != std::string_view::npos;
}

struct Result {
    std::string name;
    Stats acks;
    std::string note;
};

}  // namespace

int main(int argc, char** argv) {
    int seconds = 8;
    int bigComments = 3000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--seconds") seconds = std::atoi(argv[i + 1]);
        else if (name == "--comments") bigComments = std::atoi(argv[i + 1]);
        else if (name == "--server") setServerBinary(argv[i + 1]);
    }
    raiseFileLimit();
    const fs::path data = demoDataFolder("gopy-floods");
    if (data.empty()) return 1;

    std::string probeToken, reporterToken, participant2, participant3;
    std::vector<std::string> delegateTokens, typistTokens, chairTokens;
    {
        server::Engine engine((data / "gopy.db").string());
        int n = 0;
        const auto admit = [&](Role role, std::int64_t conference) {
            const auto code = engine.createAdmissionCode(role, conference, 3600);
            auto result = engine.admit(proto::Admit{code, "bench " + std::to_string(++n)},
                                       "bench-" + std::to_string(n), 0);
            if (!result.welcome) throw std::runtime_error("admission failed");
            return result.welcome->token;
        };
        probeToken = admit(Role::Secretary, kProbeConference);
        reporterToken = admit(Role::Secretary, kBigConference);
        for (int i = 0; i < 20; ++i) delegateTokens.push_back(admit(Role::Delegate, kProbeConference));
        for (int i = 0; i < 10; ++i) typistTokens.push_back(admit(Role::Secretary, kProbeConference));
        for (int i = 0; i < 10; ++i) chairTokens.push_back(admit(Role::Chair, kBigConference));
        const server::Device office{"bench-office", "Văn phòng", Role::Organiser, 0};
        const auto first = [&](std::int64_t conference) {
            const auto s = engine.subscribe(office, proto::Subscribe{conference, 0});
            if (!s.snapshot || s.snapshot->participants.empty()) throw std::runtime_error("no participants");
            return s.snapshot->participants.front().id;
        };
        participant2 = first(kProbeConference);
        participant3 = first(kBigConference);
        std::vector<std::pair<server::Device, proto::OpRequest>> batch;
        const char* sections[] = {"I", "II", "III"};
        for (int i = 0; i < bigComments; ++i) {
            Comment c;
            c.id = "big-" + std::to_string(i);
            c.conferenceId = kBigConference;
            c.participantId = participant3;
            c.kind = i % 3 == 0 ? CommentKind::Agreement : CommentKind::Addition;
            c.text = commentText(i);
            c.sections = {sections[i % 3]};
            batch.emplace_back(office, proto::OpRequest{office.id, i + 1, kBigConference, proto::CommentCreate{c}});
            if (batch.size() == 500 || i + 1 == bigComments) {
                for (const auto& r : engine.applyBatch(batch, 1'741'755'600'000))
                    if (r.nack) throw std::runtime_error("fill refused: " + r.nack->message);
                batch.clear();
            }
        }
    }

    const Child server = startServer(data);
    if (server.pid <= 0) {
        std::cerr << "server did not start\n";
        return 1;
    }
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), server.port);
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("gopy_bench_floods: %d s per phase, conference of %d comments; load average %.2f %.2f %.2f\n",
                seconds, bigComments, load[0], load[1], load[2]);

    asio::io_context io;
    auto guard = asio::make_work_guard(io);
    std::thread ioThread([&] { io.run(); });
    std::atomic<int> failures{0};
    const auto ignore = [](BenchClient&) {};
    const auto countFailure = [&](BenchClient&) { ++failures; };

    // Connects the clients of `tokens` (empty token: unauthenticated) to `conference`.
    const auto connect = [&](const std::vector<std::string>& tokens, std::int64_t conference,
                             bool countFailures) {
        std::vector<std::shared_ptr<BenchClient>> clients;
        Phase phase;
        std::size_t ready = 0;
        asio::post(io, [&] {
            for (const auto& token : tokens) {
                auto client = std::make_shared<BenchClient>(io, token, conference);
                clients.push_back(client);
                client->start(endpoint, [&](BenchClient&) { if (++ready == tokens.size()) phase.done(); },
                              countFailures ? std::function<void(BenchClient&)>(countFailure) : ignore);
            }
        });
        if (!phase.wait(std::chrono::seconds(60))) std::fprintf(stderr, "connect timed out\n");
        return clients;
    };
    const auto closeAll = [&](std::vector<std::shared_ptr<BenchClient>>& clients) {
        Phase phase;
        asio::post(io, [&] {
            for (auto& c : clients) {
                c->onFrame = nullptr;
                c->close();
            }
            phase.done();
        });
        phase.wait(std::chrono::seconds(10));
        clients.clear();
    };

    auto probe = connect({probeToken}, kProbeConference, true).front();
    auto reporter = connect({reporterToken}, kBigConference, true).front();

    // Runs the probe for `seconds` while `flood` (io thread, every `period`) runs; `begin`
    // (io thread) once at the start.
    std::vector<Result> results;
    const auto measure = [&](const std::string& name, std::chrono::milliseconds period,
                             const std::function<void()>& flood, const std::function<void()>& begin = {}) {
        Result result{name, {}, {}};
        Phase phase;
        asio::steady_timer pause(io), floodTimer(io);
        const auto until = Clock::now() + std::chrono::seconds(seconds);
        Clock::time_point t0;
        int counter = 0;
        std::function<void()> sendNext;
        std::function<void()> tick;
        bool finished = false;
        sendNext = [&] {
            if (Clock::now() >= until) {
                finished = true;
                floodTimer.cancel();
                return phase.done();
            }
            Comment c;
            c.id = "probe-" + name + "-" + std::to_string(++counter);
            c.conferenceId = kProbeConference;
            c.participantId = participant2;
            c.kind = CommentKind::Addition;
            c.text = commentText(counter);
            t0 = Clock::now();
            probe->send(proto::encode(proto::OpRequest{probe->deviceId, probe->nextSeq++, kProbeConference,
                                                       proto::CommentCreate{c}}));
        };
        tick = [&] {
            if (finished) return;
            if (flood) flood();
            floodTimer.expires_after(period);
            floodTimer.async_wait([&](boost::system::error_code ec) { if (!ec) tick(); });
        };
        asio::post(io, [&] {
            probe->onFrame = [&](BenchClient&, const std::string& frame) {
                if (frameIs(frame, "nack")) result.note = "refused: " + frame.substr(0, 200);
                if (!frameIs(frame, "ack") && !frameIs(frame, "nack")) return;
                result.acks.add(msSince(t0));
                pause.expires_after(std::chrono::milliseconds(20));
                pause.async_wait([&](boost::system::error_code ec) { if (!ec) sendNext(); });
            };
            if (begin) begin();
            tick();
            sendNext();
        });
        phase.wait(std::chrono::seconds(seconds + 60));
        Phase quiet;
        asio::post(io, [&] {
            probe->onFrame = nullptr;
            pause.cancel();
            floodTimer.cancel();
            quiet.done();
        });
        quiet.wait(std::chrono::seconds(10));
        results.push_back(std::move(result));
    };
    const auto nothing = std::function<void()>{};

    measure("baseline", std::chrono::milliseconds(1000), nothing);

    {
        auto delegates = connect(delegateTokens, kProbeConference, false);
        long sent = 0;
        measure("resubscribe (20 delegates, each every 10 ms)", std::chrono::milliseconds(10), [&] {
            for (auto& d : delegates) d->send(proto::encode(proto::Subscribe{kProbeConference, 0}));
            sent += static_cast<long>(delegates.size());
        });
        results.back().note += std::to_string(sent) + " subscribes sent";
        closeAll(delegates);
    }
    {
        auto strangers = connect(std::vector<std::string>(50, std::string{}), kProbeConference, false);
        long sent = 0;
        int n = 0;
        measure("wrong codes (50 connections, each every 20 ms)", std::chrono::milliseconds(20), [&] {
            for (auto& s : strangers)
                s->send(proto::encode(proto::Admit{"000-000-" + std::to_string(100 + (++n % 900)), "laptop lạ", ""}));
            sent += static_cast<long>(strangers.size());
        });
        results.back().note += std::to_string(sent) + " codes sent";
        closeAll(strangers);
    }
    {
        auto typists = connect(typistTokens, kProbeConference, false);
        const std::string big(170'000, 'a');
        long sent = 0;
        measure("typing (10 secretaries, 170 KB each every 10 ms)", std::chrono::milliseconds(10), [&] {
            for (auto& t : typists)
                t->send(proto::encode(proto::Typing{kProbeConference, "draft-" + t->deviceId, 0, participant2, big, "", false}));
            sent += static_cast<long>(typists.size());
        });
        results.back().note += std::to_string(sent) + " drafts sent";
        closeAll(typists);
    }
    {
        auto chairs = connect(chairTokens, kBigConference, false);
        long snapshots = 0;
        asio::post(io, [&] {
            for (auto& c : chairs)
                c->onFrame = [&](BenchClient&, const std::string& frame) { if (frameIs(frame, "snapshot")) ++snapshots; };
        });
        measure("big snapshots (10 chairs open " + std::to_string(bigComments) + " comments, every 1 s)",
                std::chrono::milliseconds(1000), [&] {
                    for (auto& c : chairs) c->send(proto::encode(proto::Subscribe{kBigConference, 0}));
                });
        results.back().note += std::to_string(snapshots) + " snapshot frames received";

        // The same chairs see the synthesis arrive (a snapshot listing a report).
        Clock::time_point ended{};
        double reportMs = -1;
        asio::post(io, [&] {
            for (auto& c : chairs) {
                c->onFrame = [&](BenchClient&, const std::string& frame) {
                    if (reportMs < 0 && ended != Clock::time_point{} && frameIs(frame, "snapshot") &&
                        frame.find("\"reports\":[{") != std::string::npos)
                        reportMs = msSince(ended);
                };
            }
            reporter->onFrame = [&](BenchClient&, const std::string& frame) {
                if (frameIs(frame, "ack") && ended == Clock::time_point{} && reporter->nextSeq > 2) ended = Clock::now();
            };
        });
        measure("synthesis (another conference of " + std::to_string(bigComments) + " comments ends)",
                std::chrono::milliseconds(1000), nothing, [&] {
                    reporter->send(proto::encode(proto::OpRequest{reporter->deviceId, reporter->nextSeq++, kBigConference,
                                                                  proto::SessionStart{}}));
                    reporter->send(proto::encode(proto::OpRequest{reporter->deviceId, reporter->nextSeq++, kBigConference,
                                                                  proto::SessionEnd{}}));
                });
        results.back().note += reportMs < 0 ? "synthesis not seen within the phase"
                                            : "synthesis listed on the chairs " + std::to_string(static_cast<int>(reportMs)) +
                                                  " ms after the session end's ack";
        closeAll(chairs);
    }
    measure("baseline again", std::chrono::milliseconds(1000), nothing);

    const double base = results.front().acks.quantile(0.99);
    std::printf("\n| flood | acks | p50 ms | p99 ms | max ms | p99 ÷ baseline p99 | note |\n|---|---|---|---|---|---|---|\n");
    for (auto& r : results) {
        std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.1f× | %s |\n", r.name.c_str(), r.acks.count(), r.acks.quantile(0.5),
                    r.acks.quantile(0.99), r.acks.max(), base > 0 ? r.acks.quantile(0.99) / base : 0.0, r.note.c_str());
    }
    std::printf("server CPU %.1f s, RSS %.1f MB at the end; client failures %d\n", cpuSeconds(server.pid),
                rssKiB(server.pid) / 1024.0, failures.load());

    guard.reset();
    io.stop();
    ioThread.join();
    kill(server.pid, SIGTERM);
    int status = 0;
    waitpid(server.pid, &status, 0);
    std::error_code ec;
    fs::remove_all(data, ec);
    return failures.load() == 0 ? 0 : 1;
}
