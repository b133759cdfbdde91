#include "server/app/conference_commands.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <regex>

#include "gopy/text.h"
#include "server/store/store.h"

namespace gopy::server::app {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kUsage =
    "Cách dùng: gopy-server conference set ID --data DIR [--title T] [--date YYYY-MM-DD]\n"
    "           [--time HH:MM] [--venue V] [--chair HỌ_TÊN] [--chair-body CƠ_QUAN]\n"
    "           [--audience THÀNH_PHẦN] [--invited N|auto]\n"
    "  Sửa thông tin hội nghị ID: ngày, giờ khai mạc, địa điểm, người chủ trì, cơ quan chủ trì,\n"
    "  thành phần, số đại biểu được mời (auto: theo danh sách đại biểu). Chạy được khi máy chủ\n"
    "  đang phục vụ; báo cáo tổng hợp lập sau đó dùng thông tin mới, các thiết bị thấy khi kết\n"
    "  nối lại. Không có tùy chọn nào: in thông tin hiện có.\n";

int usage(const std::string& message) {
    std::cerr << "gopy-server: " << message << "\n\n" << kUsage;
    return 2;
}

bool validDate(const std::string& s) {
    static const std::regex date(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(s, m, date)) return false;
    const int month = std::stoi(m[2]);
    const int day = std::stoi(m[3]);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool validTime(const std::string& s) {
    static const std::regex time(R"(([01]\d|2[0-3]):[0-5]\d)");
    return std::regex_match(s, time);
}

void print(const Conference& c, int listed) {
    std::cout << "Hội nghị " << c.id << ": " << c.title << "\n"
              << "  Cơ quan chủ trì: " << c.chairBody << "\n"
              << "  Thành phần: " << c.audience << "\n"
              << "  Ngày: " << (c.date.empty() ? "(chưa đặt)" : c.date)
              << (c.time.empty() ? "" : ", " + c.time) << "\n"
              << "  Địa điểm: " << (c.place.empty() ? "(chưa đặt)" : c.place) << "\n"
              << "  Chủ trì: " << (c.chairPerson.empty() ? "(chưa đặt)" : c.chairPerson) << "\n"
              << "  Đại biểu được mời: "
              << (c.invitedCount ? std::to_string(*c.invitedCount)
                                 : std::to_string(listed) + " (theo danh sách)")
              << "\n";
}

}  // namespace

bool isConferenceCommand(const std::string& command) { return command == "conference"; }

int runConferenceCommand(const std::vector<std::string>& args) {
    if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) {
        std::cout << kUsage;
        return 0;
    }
    if (args.size() < 3 || args[1] != "set") return usage("lệnh conference cần \"set ID\"");
    std::int64_t id = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(args[2], &used);
        if (used != args[2].size() || id <= 0) id = 0;
    } catch (const std::exception&) {
        id = 0;
    }
    if (id == 0) return usage("mã hội nghị không hợp lệ: " + args[2]);
    static const std::map<std::string, std::string> known = {
        {"--data", ""}, {"--title", ""}, {"--date", ""}, {"--time", ""}, {"--venue", ""},
        {"--chair", ""}, {"--chair-body", ""}, {"--audience", ""}, {"--invited", ""}};
    std::map<std::string, std::string> options;
    for (std::size_t i = 3; i < args.size(); ++i) {
        if (!known.contains(args[i])) return usage("tham số không hợp lệ: " + args[i]);
        if (i + 1 >= args.size()) return usage("thiếu giá trị cho " + args[i]);
        options[args[i]] = text::nfc(args[i + 1]);
        ++i;
    }
    if (!options.contains("--data")) return usage("thiếu --data DIR");
    if (options.contains("--date") && !validDate(options["--date"])) {
        return usage("--date cần dạng YYYY-MM-DD, ví dụ 2025-03-12");
    }
    if (options.contains("--time") && !validTime(options["--time"])) {
        return usage("--time cần dạng HH:MM (24 giờ), ví dụ 08:00");
    }
    std::optional<std::optional<int>> invited;
    if (options.contains("--invited")) {
        const std::string& value = options["--invited"];
        if (value == "auto") {
            invited = std::optional<int>{};
        } else {
            try {
                std::size_t used = 0;
                const int n = std::stoi(value, &used);
                if (used != value.size() || n < 0 || n > 100000) throw std::invalid_argument(value);
                invited = n;
            } catch (const std::exception&) {
                return usage("--invited cần số đại biểu (0–100000) hoặc auto");
            }
        }
    }
    const fs::path path = fs::path(options["--data"]) / "gopy.db";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << path.string() << "\n";
        return 1;
    }
    try {
        Store store(path.string());
        auto conference = store.conferences().get(id);
        if (!conference) {
            std::cerr << "gopy-server: không có hội nghị số " << id << "\n";
            return 1;
        }
        const auto set = [&](const char* option, std::string& field) {
            if (options.contains(option)) field = options[option];
        };
        set("--title", conference->title);
        set("--date", conference->date);
        set("--time", conference->time);
        set("--venue", conference->place);
        set("--chair", conference->chairPerson);
        set("--chair-body", conference->chairBody);
        set("--audience", conference->audience);
        if (invited) conference->invitedCount = *invited;
        if (conference->title.empty()) return usage("tên hội nghị không được để trống");
        if (options.size() > 1) store.conferences().update(*conference);
        print(*conference, static_cast<int>(store.participants().byConference(id).size()));
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gopy::server::app
