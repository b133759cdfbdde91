#include "server/app/device_commands.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "server/store/store.h"

namespace gopy::server::app {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kDevicesUsage =
    "Cách dùng: gopy-server devices --data DIR\n"
    "  Liệt kê mọi thiết bị đã kết nạp: mã, tên, vai trò, hội nghị, lúc kết nạp, lần kết nối\n"
    "  gần nhất (giờ Hà Nội) và địa chỉ, trạng thái. Chạy được khi máy chủ đang phục vụ.\n";
constexpr std::string_view kRevokeUsage =
    "Cách dùng: gopy-server revoke --data DIR MÃ_THIẾT_BỊ\n"
    "  Thu hồi quyền của một thiết bị (máy tính bảng bị mất, người không còn dự): máy chủ đang\n"
    "  phục vụ ngắt kết nối của nó trong khoảng một giây và từ chối mã thiết bị từ đó.\n";

std::string roleLabel(Role role) {
    switch (role) {
    case Role::Secretary: return "thư ký";
    case Role::Chair: return "chủ trì";
    case Role::Delegate: return "đại biểu";
    case Role::Organiser: return "ban tổ chức";
    case Role::Drafting: return "tổ biên tập";
    case Role::Grassroots: return "tổ chức cơ sở đảng";
    }
    return "?";
}

// "03/12/2026 20:15" in Hà Nội (UTC+7), or "—".
std::string hanoiTime(Millis at) {
    if (at <= 0) return "—";
    const std::time_t seconds = static_cast<std::time_t>(at / 1000) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    std::ostringstream out;
    out << std::put_time(&tm, "%d/%m/%Y %H:%M");
    return out.str();
}

std::optional<fs::path> database(const std::vector<std::string>& args, std::string& id,
                                 std::string_view usage, bool needsId, int& code) {
    fs::path data;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            std::cout << usage;
            code = 0;
            return std::nullopt;
        }
        if (args[i] == "--data" && i + 1 < args.size()) {
            data = args[++i];
        } else if (needsId && id.empty() && !args[i].starts_with("--")) {
            id = args[i];
        } else {
            std::cerr << "gopy-server: tham số không hợp lệ: " << args[i] << "\n\n" << usage;
            code = 2;
            return std::nullopt;
        }
    }
    if (data.empty() || (needsId && id.empty())) {
        std::cerr << "gopy-server: " << (data.empty() ? "thiếu --data DIR" : "thiếu mã thiết bị")
                  << "\n\n" << usage;
        code = 2;
        return std::nullopt;
    }
    const fs::path path = data / "gopy.db";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << path.string() << "\n";
        code = 1;
        return std::nullopt;
    }
    return path;
}

int devices(const std::vector<std::string>& args) {
    std::string unused;
    int code = 0;
    const auto path = database(args, unused, kDevicesUsage, false, code);
    if (!path) return code;
    Store store(path->string());
    const auto rows = store.devices().all();
    if (rows.empty()) {
        std::cout << "Chưa có thiết bị nào được kết nạp.\n";
        return 0;
    }
    std::cout << "Mã thiết bị\tTên\tVai trò\tHội nghị\tKết nạp lúc\tKết nối gần nhất\tĐịa chỉ\tTrạng thái\n";
    int active = 0;
    for (const auto& d : rows) {
        active += d.revoked ? 0 : 1;
        std::cout << d.id << "\t" << d.name << "\t" << roleLabel(d.role) << "\t"
                  << (d.conferenceId == 0 ? std::string("mọi hội nghị") : std::to_string(d.conferenceId))
                  << "\t" << hanoiTime(d.createdAt) << "\t" << hanoiTime(d.lastSeenAt) << "\t"
                  << (d.lastAddress.empty() ? "—" : d.lastAddress) << "\t"
                  << (d.revoked ? "đã thu hồi" + (d.revokedAt > 0 ? " lúc " + hanoiTime(d.revokedAt) : "")
                                : std::string("đang dùng"))
                  << "\n";
    }
    std::cout << rows.size() << " thiết bị, " << active << " đang dùng.\n";
    return 0;
}

int revoke(const std::vector<std::string>& args) {
    std::string id;
    int code = 0;
    const auto path = database(args, id, kRevokeUsage, true, code);
    if (!path) return code;
    Store store(path->string());
    const auto device = store.devices().get(id);
    if (!device) {
        std::cerr << "gopy-server: không có thiết bị " << id
                  << " (xem danh sách: gopy-server devices --data DIR)\n";
        return 1;
    }
    if (device->revoked) {
        std::cerr << "gopy-server: thiết bị " << id << " (" << device->name
                  << ") đã bị thu hồi từ trước\n";
        return 1;
    }
    const Millis now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    store.devices().revoke(id, now);
    std::cout << "Đã thu hồi thiết bị " << id << " (" << device->name << ", "
              << roleLabel(device->role) << "). Máy chủ đang phục vụ sẽ ngắt kết nối của nó trong "
              << "khoảng một giây; muốn dùng lại thì kết nạp bằng mã mới.\n";
    return 0;
}

}  // namespace

bool isDeviceCommand(const std::string& command) { return command == "devices" || command == "revoke"; }

int runDeviceCommand(const std::vector<std::string>& args) {
    try {
        return args.at(0) == "devices" ? devices(args) : revoke(args);
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gopy::server::app
