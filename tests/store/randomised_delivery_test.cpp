// A seeded randomised test of unreliable delivery: operations from several clients arrive
// duplicated, reordered and replayed, in batches of random size, until every one is
// acknowledged. Each must be applied exactly once and every acknowledgement of the same
// operation must name the same server seq.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

#include "fixture.h"

namespace gopy::server::testing {
namespace {

class RandomisedDeliveryTest : public EngineTest, public ::testing::WithParamInterface<unsigned> {};

TEST_P(RandomisedDeliveryTest, EveryOperationIsAppliedExactlyOnce) {
    std::mt19937 random(GetParam());
    constexpr int kClients = 6;
    // GOPY_RANDOMISED_OPS scales the run (e.g. 20000 for about 10^6 deliveries by hand).
    const char* scale = std::getenv("GOPY_RANDOMISED_OPS");
    const int kOpsPerClient = scale != nullptr ? std::max(10, std::atoi(scale)) : 150;
    std::vector<Device> clients;
    for (int c = 0; c < kClients; ++c) clients.push_back(secretary("d-client" + std::to_string(c)));

    // acked[c][seq] = the server seq of the first acknowledgement.
    std::vector<std::map<std::int64_t, std::int64_t>> acked(kClients);
    std::vector<std::int64_t> nextUnacked(kClients, 1);
    std::size_t deliveries = 0;
    const auto opFor = [&](int c, std::int64_t seq) {
        const std::string id = "c" + std::to_string(c) + "-" + std::to_string(seq);
        // Every seventh op is invalid: refused, but it must not block the outbox.
        return request(clients[static_cast<std::size_t>(c)], seq, 1,
                       proto::CommentCreate{comment(id, seq % 7 == 0 ? "" : "Ý kiến " + id)});
    };

    int rounds = 0;
    const auto done = [&] {
        for (int c = 0; c < kClients; ++c) {
            if (nextUnacked[static_cast<std::size_t>(c)] <= kOpsPerClient) return false;
        }
        return true;
    };
    while (!done()) {
        ASSERT_LT(++rounds, 100'000) << "delivery did not converge";
        std::vector<std::pair<Device, proto::OpRequest>> batch;
        const int size = std::uniform_int_distribution<int>(1, 40)(random);
        for (int i = 0; i < size; ++i) {
            const int c = std::uniform_int_distribution<int>(0, kClients - 1)(random);
            const auto next = nextUnacked[static_cast<std::size_t>(c)];
            // Mostly the outbox window (next … next+4, some out of order), sometimes a replay
            // of something long acknowledged.
            std::int64_t seq;
            if (next > 1 && std::uniform_int_distribution<int>(0, 4)(random) == 0) {
                seq = std::uniform_int_distribution<std::int64_t>(1, next - 1)(random);
            } else {
                seq = next + std::uniform_int_distribution<std::int64_t>(0, 4)(random);
            }
            if (seq > kOpsPerClient) continue;
            batch.emplace_back(clients[static_cast<std::size_t>(c)], opFor(c, seq));
        }
        if (batch.empty()) continue;
        deliveries += batch.size();
        const auto results = engine_->applyBatch(batch, now_);
        ASSERT_EQ(results.size(), batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto& op = batch[i].second;
            const int c = std::stoi(op.clientId.substr(8));
            auto& mine = acked[static_cast<std::size_t>(c)];
            const auto& result = results[i];
            const bool expectedRefusal = op.clientSeq % 7 == 0;
            if (result.nack && result.nack->code == proto::ErrorCode::Gap) {
                EXPECT_GT(op.clientSeq, nextUnacked[static_cast<std::size_t>(c)] - 1);
                continue;
            }
            if (expectedRefusal) {
                ASSERT_TRUE(result.nack);
                EXPECT_EQ(result.nack->code, proto::ErrorCode::Invalid);
                mine.emplace(op.clientSeq, 0);
            } else {
                ASSERT_TRUE(result.ack) << result.nack->message;
                const auto [where, inserted] = mine.emplace(op.clientSeq, result.ack->serverSeq);
                EXPECT_EQ(result.ack->duplicate, !inserted);
                EXPECT_EQ(where->second, result.ack->serverSeq);
                EXPECT_EQ(result.event.has_value(), inserted);
            }
            auto& next = nextUnacked[static_cast<std::size_t>(c)];
            while (mine.count(next) != 0) ++next;
        }
    }
    EXPECT_GT(deliveries, static_cast<std::size_t>(kClients * kOpsPerClient));
    RecordProperty("deliveries", std::to_string(deliveries));
    std::printf("%zu deliveries of %d operations\n", deliveries, kClients * kOpsPerClient);

    const std::int64_t valid = kClients * (kOpsPerClient - kOpsPerClient / 7);
    EXPECT_EQ(rows("comments"), valid);
    EXPECT_EQ(rows("oplog"), valid);
    EXPECT_EQ(engine_->store().db().scalarInt(
                  "SELECT count(*) FROM (SELECT device_id, client_seq FROM oplog "
                  "GROUP BY device_id, client_seq HAVING count(*) > 1)"),
              0);
    for (int c = 0; c < kClients; ++c) {
        EXPECT_EQ(engine_->store().clientSeqs().get(clients[static_cast<std::size_t>(c)].id).lastSeq,
                  kOpsPerClient);
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomisedDeliveryTest, ::testing::Values(1u, 2u, 20250203u));

}  // namespace
}  // namespace gopy::server::testing
