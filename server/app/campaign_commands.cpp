#include "server/app/campaign_commands.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>

#include "gopy/text.h"
#include "server/app/data_lock.h"
#include "server/intake/campaign_file.h"
#include "server/sync/engine.h"
#include "server/store/store.h"
#include "server/store/transaction.h"

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

namespace {

constexpr std::string_view kInitUsage =
    "Cách dùng: gopy-server init --data DIR TỆP.toml\n"
    "  Tạo chiến dịch mới trong thư mục DIR từ tệp TOML của văn phòng: tiêu đề văn bản\n"
    "  (letterhead), kế hoạch và các mốc thời gian, các hội nghị, kênh lấy ý kiến Nhân dân\n"
    "  (các phường, thời gian), các tổ chức cơ sở đảng. Mỗi lỗi được báo kèm số dòng.\n"
    "  Xem mẫu: gopy-server campaign show --data THƯ_MỤC_DEMO. Sau đó: draft import,\n"
    "  import-participants, admit.\n";
constexpr std::string_view kShowUsage =
    "Cách dùng: gopy-server campaign show --data DIR\n"
    "  In chiến dịch dưới dạng tệp TOML mà lệnh init đọc được.\n";

int usageOf(std::string_view text, const std::string& message) {
    std::cerr << "gopy-server: " << message << "\n\n" << text;
    return 2;
}

/// "--data DIR" and at most one positional argument, in any order.
bool parseDataAndFile(const std::vector<std::string>& args, std::size_t from, fs::path& data,
                      fs::path* file, std::string& error) {
    for (std::size_t i = from; i < args.size(); ++i) {
        if (args[i] == "--data" && i + 1 < args.size()) {
            data = args[++i];
        } else if (file != nullptr && !args[i].starts_with("--") && file->empty()) {
            *file = args[i];
        } else {
            error = "tham số không hợp lệ: " + args[i];
            return false;
        }
    }
    if (data.empty()) error = "thiếu --data DIR";
    else if (file != nullptr && file->empty()) error = "thiếu tệp chiến dịch (.toml)";
    return error.empty();
}

int init(const std::vector<std::string>& args) {
    fs::path data;
    fs::path file;
    std::string error;
    if (!parseDataAndFile(args, 1, data, &file, error)) return usageOf(kInitUsage, error);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "gopy-server: không mở được tệp " << file.string() << "\n";
        return 1;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    intake::CampaignFile campaign;
    try {
        campaign = intake::parseCampaignToml(bytes.str(), file.filename().string());
    } catch (const intake::CampaignFileError& e) {
        std::cerr << "gopy-server: " << e.what() << "\n";
        return 1;
    }
    std::error_code ec;
    fs::create_directories(data, ec);
    DataLock lock(data / "gopy.lock");
    if (!lock.held()) {
        std::cerr << "gopy-server: thư mục dữ liệu " << data.string() << " đang được dùng ("
                  << lock.reason() << ")\n";
        return 1;
    }
    Engine engine((data / "gopy.db").string());
    if (!engine.createCampaign(campaign)) {
        std::cerr << "gopy-server: thư mục " << data.string()
                  << " đã có một chiến dịch; hãy dùng một thư mục mới (hoặc sửa từng hội nghị bằng "
                     "conference set)\n";
        return 1;
    }
    int meetings = 0;
    for (const Conference& conference : campaign.conferences) {
        meetings += conference.channel == Channel::Conference ? 1 : 0;
    }
    std::cout << "Đã tạo chiến dịch \"" << campaign.campaign.title << "\" trong " << data.string()
              << ": " << meetings << " hội nghị, " << campaign.campaign.wards.size() << " phường, "
              << campaign.organisations.size() << " tổ chức cơ sở đảng.\n"
              << "Tiếp theo:\n"
              << "  gopy-server draft import --data " << data.string() << " DỰ_THẢO.docx\n"
              << "  gopy-server import-participants --data " << data.string()
              << " --conference 1 DANH_SÁCH.xlsx\n"
              << "  gopy-server admit --data " << data.string() << " --role secretary --conference 1\n";
    return 0;
}

int show(const std::vector<std::string>& args) {
    fs::path data;
    std::string error;
    if (args.size() < 2 || args[1] != "show") return usageOf(kShowUsage, "lệnh campaign cần \"show\"");
    if (!parseDataAndFile(args, 2, data, nullptr, error)) return usageOf(kShowUsage, error);
    const fs::path path = data / "gopy.db";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << path.string() << "\n";
        return 1;
    }
    Store store(path.string());
    intake::CampaignFile file;
    auto campaign = store.campaign().get();
    if (!campaign) {
        std::cerr << "gopy-server: cơ sở dữ liệu chưa có chiến dịch\n";
        return 1;
    }
    file.campaign = std::move(*campaign);
    file.conferences = store.conferences().all();
    file.organisations = store.grassroots().all();
    for (auto& organisation : file.organisations) organisation.reportedAt = 0;
    std::sort(file.organisations.begin(), file.organisations.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    std::cout << intake::campaignToToml(file);
    return 0;
}

}  // namespace

bool isCampaignCommand(const std::string& command) {
    return command == "init" || command == "campaign" || command == "conference";
}

int runCampaignCommand(const std::vector<std::string>& args) {
    try {
        if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) {
            std::cout << (args[0] == "init" ? kInitUsage : args[0] == "campaign" ? kShowUsage : kUsage);
            return 0;
        }
        if (args[0] == "init") return init(args);
        if (args[0] == "campaign") return show(args);
        return runConferenceCommand(args);
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        return 1;
    }
}

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
