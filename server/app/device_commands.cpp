#include "server/app/device_commands.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "gopy/clock.h"
#include "server/store/store.h"
#include "server/store/transaction.h"

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
std::string hanoiTime(Millis at) { return at <= 0 ? "—" : viDateTime(at); }

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
    {
        store::Transaction transaction(store.db());
        store.devices().revoke(id, now);
        store.audit().append(now, "revoke", id, "",
                             "thu hồi thiết bị \"" + device->name + "\" (" + roleLabel(device->role) +
                                 ") bằng lệnh gopy-server revoke");
        transaction.commit();
    }
    std::cout << "Đã thu hồi thiết bị " << id << " (" << device->name << ", "
              << roleLabel(device->role) << "). Máy chủ đang phục vụ sẽ ngắt kết nối của nó trong "
              << "khoảng một giây; muốn dùng lại thì kết nạp bằng mã mới.\n";
    return 0;
}

constexpr std::string_view kAuditUsage =
    "Cách dùng: gopy-server audit verify --data DIR\n"
    "           gopy-server audit show --data DIR [--since N] [--device MÃ_THIẾT_BỊ]\n"
    "  verify: kiểm tra chuỗi băm của nhật ký kiểm tra (mỗi bản ghi nối với bản ghi trước; bản\n"
    "  ghi bị sửa, bị xóa, bị đổi chỗ hay bị cắt ở cuối đều bị phát hiện); mã thoát 0 nếu toàn\n"
    "  vẹn, 1 nếu không. show: in các bản ghi (giờ Hà Nội, ai, làm gì) và các bộ đếm.\n";

std::string kindLabel(const std::string& kind) {
    if (kind == "admit") return "kết nạp";
    if (kind == "admit.refused") return "từ chối kết nạp";
    if (kind == "hello.refused") return "từ chối mã thiết bị";
    if (kind == "revoke") return "thu hồi";
    if (kind == "op") return "thao tác";
    if (kind == "report") return "báo cáo";
    if (kind == "replaced") return "kết nối thay thế";
    return kind;
}

int audit(const std::vector<std::string>& args) {
    if (args.size() < 2 || (args[1] != "verify" && args[1] != "show")) {
        if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) {
            std::cout << kAuditUsage;
            return 0;
        }
        std::cerr << "gopy-server: lệnh audit cần \"verify\" hoặc \"show\"\n\n" << kAuditUsage;
        return 2;
    }
    fs::path data;
    std::int64_t since = 0;
    std::string device;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--data" && i + 1 < args.size()) {
            data = args[++i];
        } else if (args[i] == "--since" && i + 1 < args.size() && args[1] == "show") {
            try {
                since = std::stoll(args[++i]);
            } catch (const std::exception&) {
                std::cerr << "gopy-server: --since cần một số\n\n" << kAuditUsage;
                return 2;
            }
        } else if (args[i] == "--device" && i + 1 < args.size() && args[1] == "show") {
            device = args[++i];
        } else {
            std::cerr << "gopy-server: tham số không hợp lệ: " << args[i] << "\n\n" << kAuditUsage;
            return 2;
        }
    }
    if (data.empty()) {
        std::cerr << "gopy-server: thiếu --data DIR\n\n" << kAuditUsage;
        return 2;
    }
    const fs::path path = data / "gopy.db";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << path.string() << "\n";
        return 1;
    }
    Store store(path.string());
    if (args[1] == "verify") {
        const auto verdict = store.audit().verify();
        if (verdict.ok) {
            std::cout << "Nhật ký kiểm tra toàn vẹn: " << verdict.records << " bản ghi, chuỗi băm khớp.\n";
            return 0;
        }
        std::cout << "Nhật ký kiểm tra KHÔNG toàn vẹn: " << verdict.problem << ".\n";
        return 1;
    }
    std::size_t shown = 0;
    for (const auto& r : store.audit().since(since, 1'000'000, device)) {
        std::cout << r.seq << "\t" << hanoiTime(r.at) << "\t" << kindLabel(r.kind) << "\t"
                  << (r.deviceId.empty() ? "—" : r.deviceId) << "\t" << (r.address.empty() ? "—" : r.address)
                  << "\t" << r.detail << "\n";
        ++shown;
    }
    std::cout << shown << " bản ghi.\n";
    for (const auto& c : store.audit().counters()) {
        std::cout << "Đếm " << kindLabel(c.kind) << ": " << c.count << " lần, từ " << hanoiTime(c.firstAt)
                  << " đến " << hanoiTime(c.lastAt) << "\n";
    }
    return 0;
}

}  // namespace

bool isDeviceCommand(const std::string& command) {
    return command == "devices" || command == "revoke" || command == "audit";
}

int runDeviceCommand(const std::vector<std::string>& args) {
    try {
        if (args.at(0) == "audit") return audit(args);
        return args.at(0) == "devices" ? devices(args) : revoke(args);
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gopy::server::app
