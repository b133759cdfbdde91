// The report thread: jobs run in order away from the caller, stop() finishes what is queued,
// and a job posted once it stopped runs at once on the caller's thread (nothing dropped).
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "server/net/report_worker.h"

namespace gopy::test {
namespace {

TEST(ReportWorkerTest, RunsJobsInOrderOnItsOwnThreadAndFinishesThemOnStop) {
    server::net::ReportWorker worker;
    worker.start();
    std::mutex mutex;
    std::vector<int> order;
    std::atomic<bool> offCaller{true};
    const auto caller = std::this_thread::get_id();
    for (int i = 0; i < 50; ++i) {
        worker.post([&, i] {
            if (std::this_thread::get_id() == caller) offCaller = false;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::lock_guard lock(mutex);
            order.push_back(i);
        });
    }
    worker.stop();
    ASSERT_EQ(order.size(), 50u);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
    EXPECT_TRUE(offCaller);

    bool ranInline = false;
    worker.post([&] { ranInline = std::this_thread::get_id() == caller; });
    EXPECT_TRUE(ranInline);
}

TEST(ReportWorkerTest, AJobThatThrowsDoesNotStopTheNext) {
    server::net::ReportWorker worker;
    worker.start();
    std::atomic<int> done{0};
    worker.post([] { throw std::runtime_error("hỏng"); });
    worker.post([&] { ++done; });
    worker.stop();
    EXPECT_EQ(done, 1);
}

}  // namespace
}  // namespace gopy::test
