#include "server/net/report_worker.h"

#include <exception>
#include <string>

#include "server/log/event_log.h"

namespace gopy::server::net {

ReportWorker::~ReportWorker() { stop(); }

void ReportWorker::start() {
    std::lock_guard lock(mutex_);
    if (running_) return;
    stopping_ = false;
    running_ = true;
    thread_ = std::thread([this] { loop(); });
}

void ReportWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        if (!running_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    running_ = false;
}

void ReportWorker::post(Job job) {
    {
        std::unique_lock lock(mutex_);
        if (running_ && !stopping_) {
            jobs_.push_back(std::move(job));
            lock.unlock();
            wake_.notify_one();
            return;
        }
    }
    // Not running (tests that drive a Writer without a server) or stopping: do it now.
    try {
        job();
    } catch (const std::exception& e) {
        log::logEvent(std::string("error: report job failed: ") + e.what());
    }
}

void ReportWorker::loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        try {
            job();
        } catch (const std::exception& e) {
            log::logEvent(std::string("error: report job failed: ") + e.what());
        }
    }
}

}  // namespace gopy::server::net
