// The report thread: renders syntheses (layout and libharu take seconds for a large
// conference) so that the writer, which only reads the model before and stores the bytes
// after, keeps acknowledging every secretary meanwhile. One thread, jobs in order.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace gopy::server::net {

class ReportWorker {
public:
    using Job = std::function<void()>;

    ReportWorker() = default;
    /// Finishes the queued jobs (see stop()).
    ~ReportWorker();
    ReportWorker(const ReportWorker&) = delete;
    ReportWorker& operator=(const ReportWorker&) = delete;

    void start();
    /// Runs every job already queued to its end, then joins the thread: a session that ended
    /// just before the server stops still gets its synthesis. Jobs posted after stop() began
    /// run on the caller's thread at once.
    void stop();
    /// Queues a job. Jobs must catch their own exceptions (an escaping one is logged).
    void post(Job job);

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    bool running_ = false;
    std::thread thread_;
};

}  // namespace gopy::server::net
