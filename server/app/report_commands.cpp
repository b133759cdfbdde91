#include "server/app/report_commands.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "gopy/clock.h"
#include "server/app/arguments.h"
#include "server/store/errors.h"
#include "server/sync/engine.h"

namespace gopy::server::app {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kReleaseUsage =
    "Cách dùng: gopy-server report release --data DIR --conference ID [--version N]\n"
    "  Phát hành cho đại biểu báo cáo tổng hợp (PDF) của hội nghị ID: phiên bản mới nhất, hoặc\n"
    "  phiên bản N. Chạy được khi máy chủ đang phục vụ: thiết bị của hội nghị thấy báo cáo\n"
    "  ngay (trong khoảng một giây). Chỉ bản PDF được phát hành; đã phát hành thì không đổi gì.\n";

// The office's own device in the operation log and the audit trail.
constexpr std::string_view kOfficeDevice = "office";

int usage(const std::string& message) {
    std::cerr << "gopy-server: " << message << "\n\n" << kReleaseUsage;
    return 2;
}

int release(const fs::path& database, std::int64_t conferenceId, std::optional<std::int64_t> version) {
    Engine engine(database.string());
    if (!engine.conference(conferenceId)) {
        std::cerr << "gopy-server: không có hội nghị số " << conferenceId << "\n";
        return 1;
    }
    const auto reports = engine.reports(conferenceId, false, "pdf");
    if (reports.empty()) {
        std::cerr << "gopy-server: hội nghị " << conferenceId
                  << " chưa có báo cáo tổng hợp (PDF); báo cáo được lập khi thư ký kết thúc phiên họp,"
                     " hoặc bằng gopy-server report --conference "
                  << conferenceId << "\n";
        return 1;
    }
    const ReportInfo* chosen = &reports.front();  // newest first
    if (version) {
        chosen = nullptr;
        for (const ReportInfo& report : reports) {
            if (report.version == *version) chosen = &report;
        }
        if (chosen == nullptr) {
            std::cerr << "gopy-server: hội nghị " << conferenceId << " không có phiên bản " << *version
                      << " của báo cáo tổng hợp (PDF); mới nhất là phiên bản " << reports.front().version
                      << "\n";
            return 1;
        }
    }
    if (chosen->released) {
        std::cout << "Báo cáo tổng hợp của hội nghị " << conferenceId << " (phiên bản " << chosen->version
                  << ") đã được phát hành trước đó; không thay đổi gì.\n";
        return 0;
    }
    // As any device: the next client seq of the office's device, so the op is applied once,
    // logged with the next server seq (which a running server pushes) and audited.
    const Device office{.id = std::string(kOfficeDevice), .name = "Văn phòng (dòng lệnh)", .role = Role::Organiser};
    const std::int64_t seq = engine.nextClientSeq(office.id);
    const proto::OpRequest request{.clientId = office.id, .clientSeq = seq, .conferenceId = conferenceId,
                                   .op = proto::ReportRelease{.reportId = chosen->id}};
    const ApplyResult result = engine.apply(office, request, nowMillis());
    if (!result.ack || !result.event) {
        std::cerr << "gopy-server: không phát hành được báo cáo: "
                  << (result.nack ? result.nack->message : std::string("máy chủ không trả lời")) << "\n";
        return 1;
    }
    std::cout << "Đã phát hành cho đại biểu báo cáo tổng hợp của hội nghị " << conferenceId << " (phiên bản "
              << chosen->version << ", mã báo cáo " << chosen->id << ", SHA-256 " << chosen->sha256 << ").\n";
    return 0;
}

}  // namespace

bool isReportReleaseCommand(const std::vector<std::string>& args) {
    return args.size() >= 2 && args[0] == "report" && args[1] == "release";
}

int runReportRelease(const std::vector<std::string>& args) {
    fs::path data;
    std::optional<std::int64_t> conference;
    std::optional<std::int64_t> version;
    for (std::size_t i = 2; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << kReleaseUsage;
            return 0;
        }
        if (arg != "--data" && arg != "--conference" && arg != "--version")
            return usage("tham số không hợp lệ: " + arg);
        if (i + 1 >= args.size()) return usage("thiếu giá trị cho " + arg);
        const std::string& value = args[++i];
        if (arg == "--data") {
            data = value;
        } else if (arg == "--conference") {
            conference = parseInteger(value, 1, INT64_MAX);
            if (!conference) return usage("mã hội nghị không hợp lệ: " + value);
        } else {
            version = parseInteger(value, 1, INT64_MAX);
            if (!version) return usage("số phiên bản không hợp lệ: " + value);
        }
    }
    if (data.empty()) return usage("thiếu --data DIR");
    if (!conference) return usage("thiếu --conference ID");
    const fs::path database = data / "gopy.db";
    std::error_code ec;
    if (!fs::is_regular_file(database, ec)) {
        std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << database.string() << "\n";
        return 1;
    }
    try {
        return release(database, *conference, version);
    } catch (const store::Busy&) {
        std::cerr << "gopy-server: cơ sở dữ liệu đang bị một tiến trình khác khoá; hãy thử lại.\n";
        return 1;
    } catch (const store::Error& e) {
        std::cerr << "gopy-server: lỗi cơ sở dữ liệu: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gopy::server::app
