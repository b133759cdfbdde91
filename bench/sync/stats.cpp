#include "bench/sync/stats.h"

#include <algorithm>
#include <cmath>

namespace gopy::bench {

double Stats::quantile(double q) {
    if (samples_.empty()) return 0;
    if (!sorted_) {
        std::sort(samples_.begin(), samples_.end());
        sorted_ = true;
    }
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples_.size())));
    return samples_[std::min(samples_.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double Stats::max() { return quantile(1.0); }

}  // namespace gopy::bench
