// Percentiles of a set of durations, in milliseconds.
#pragma once

#include <vector>

namespace gopy::bench {

class Stats {
public:
    void add(double milliseconds) { samples_.push_back(milliseconds); }
    std::size_t count() const { return samples_.size(); }
    /// The q-quantile (0 ≤ q ≤ 1) by nearest rank; 0 when empty.
    double quantile(double q);
    double max();

private:
    std::vector<double> samples_;
    bool sorted_ = false;
};

}  // namespace gopy::bench
