#include "server/app/cli.h"

#include <csignal>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string_view>

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include "gopy/clock.h"
#include "gopy/model.h"
#include "server/app/admission_link.h"
#include "server/app/backup_commands.h"
#include "server/app/data_lock.h"
#include "server/app/device_commands.h"
#include "server/app/campaign_commands.h"
#include "server/app/import_commands.h"
#include "server/app/report_commands.h"
#include "server/app/arguments.h"
#include "server/demo/demo.h"
#include "server/log/event_log.h"
#include "server/net/server.h"
#include "server/net/tls_identity.h"
#include "server/report/report_service.h"
#include "server/store/errors.h"
#include "server/sync/engine.h"
#include "server/sync/permissions.h"

#ifndef GOPY_VERSION
#define GOPY_VERSION "0"
#endif

namespace gopy::server::app {

namespace fs = std::filesystem;
using log::logEvent;

namespace {

constexpr std::string_view kOverview =
    "gopy-server " GOPY_VERSION " — máy chủ GopY cho hội nghị góp ý (mạng nội bộ)\n"
    "\n"
    "Cách dùng: gopy-server <lệnh> [tùy chọn]\n"
    "\n"
    "Lệnh:\n"
    "  demo    --data DIR                          tạo dữ liệu mẫu (Kế hoạch 273-KH/QU)\n"
    "  serve   --data DIR --listen ADDR:PORT       phục vụ WebSocket /ws và HTTP\n"
    "  admit   --data DIR --role ROLE [--conference ID] [--organisation ID] [--ttl SEC]\n"
    "                                              in một mã kết nạp thiết bị dùng một lần\n"
    "  report  --data DIR (--conference ID | --combined | --acceptance)\n"
    "          [--format pdf|docx] --out FILE      tạo báo cáo tổng hợp (PDF hoặc DOCX)\n"
    "  report release --data DIR --conference ID [--version N]  phát hành cho đại biểu\n"
    "  draft import --data DIR FILE                nhập Dự thảo (.docx hoặc Markdown)\n"
    "  import-public --data DIR FILE               nhập ý kiến của Nhân dân (CSV, JSON)\n"
    "  import-grassroots --data DIR FILE           nhập ý kiến của tổ chức cơ sở đảng (CSV)\n"
    "  import-participants --data DIR --conference ID FILE  danh sách đại biểu mời (.xlsx, CSV)\n"
    "  init    --data DIR CAMPAIGN.toml            tạo chiến dịch mới từ tệp của văn phòng\n"
    "  devices --data DIR                          các thiết bị đã kết nạp, lần kết nối gần nhất\n"
    "  audit   verify|show --data DIR              nhật ký kiểm tra: kiểm chuỗi băm, xem bản ghi\n"
    "  backup  --data DIR --out FILE               sao lưu (chạy được khi đang phục vụ)\n"
    "  restore --data DIR FILE                     khôi phục từ bản sao lưu (máy chủ phải dừng)\n"
    "  revoke  --data DIR MÃ_THIẾT_BỊ              thu hồi một thiết bị (ngắt trong khoảng 1 giây)\n"
    "  campaign show --data DIR                    in chiến dịch dưới dạng tệp TOML\n"
    "  conference set ID --data DIR [--date …] [--time …] [--venue …] [--chair …] [--invited N]\n"
    "                                              sửa thông tin một hội nghị\n"
    "  help [LỆNH]                                 hướng dẫn của một lệnh\n";

struct CommandSpec {
    std::set<std::string> valued;  ///< options that take a value
    std::set<std::string> flags;   ///< options without a value
    std::string_view help;
};

const std::map<std::string, CommandSpec>& commands() {
    static const std::map<std::string, CommandSpec> specs{
        {"demo",
         {{"--data"}, {},
          "Cách dùng: gopy-server demo --data DIR\n"
          "  Tạo thư mục DIR nếu chưa có, cơ sở dữ liệu DIR/gopy.db và chiến dịch mẫu của\n"
          "  Kế hoạch 273-KH/QU (5 hội nghị, kênh nhân dân, kênh cơ sở, phiên mẫu của hội nghị 1).\n"
          "  Không thay đổi gì nếu cơ sở dữ liệu đã có chiến dịch.\n"}},
        {"serve",
         {{"--data", "--listen", "--backup-every", "--backup-keep"}, {"--insecure"},
          "Cách dùng: gopy-server serve --data DIR --listen ADDR:PORT [--backup-every PHÚT]\n"
          "           [--backup-keep N] [--insecure]\n"
          "  Phục vụ wss://ADDR:PORT/ws, https://ADDR:PORT/healthz và /reports/{id} qua TLS, với\n"
          "  khóa và chứng chỉ tự ký trong DIR/tls (tạo ở lần chạy đầu, giữ nguyên về sau; thiết bị\n"
          "  ghi nhớ dấu vân tay của chứng chỉ khi kết nạp).\n"
          "  --insecure: không mã hóa (ws://, http://) — chỉ để thử nghiệm, không dùng trong hội trường.\n"
          "  --backup-every: sao lưu mỗi PHÚT phút vào DIR/backups, giữ N bản mới nhất (48).\n"
          "  PORT 0: cổng tạm do hệ thống chọn; dòng \"listening ADDR:PORT\" in ra stdout.\n"
          "  Dừng bằng Ctrl+C (SIGINT) hoặc SIGTERM. Nhật ký: DIR/logs/gopy.log.\n"}},
        {"admit",
         {{"--data", "--role", "--conference", "--organisation", "--ttl", "--address", "--port"}, {"--quiet"},
          "Cách dùng: gopy-server admit --data DIR\n"
          "                 --role secretary|chair|delegate|drafting [--conference ID] [--ttl SEC]\n"
          "       gopy-server admit --data DIR --role grassroots --organisation ID [--ttl SEC]\n"
          "                 [--address ĐỊA_CHỈ] [--port CỔNG] [--quiet]\n"
          "  In ra stdout một mã kết nạp dùng một lần (dạng ABCD-EFGH) cho vai trò và hội nghị\n"
          "  (0 hoặc bỏ trống: mọi hội nghị), hiệu lực SEC giây (mặc định 900).\n"
          "  Trên stderr: dấu vân tay chứng chỉ của máy chủ (để so với màn hình thiết bị), các địa\n"
          "  chỉ mạng nội bộ, và liên kết gopy://ĐỊA_CHỈ:CỔNG/?code=…&fp=… kèm mã QR để quét bằng\n"
          "  máy tính bảng (ĐỊA_CHỈ mặc định: địa chỉ IPv4 đầu tiên của máy; CỔNG mặc định 8080).\n"
          "  --quiet: chỉ in mã.\n"
          "  Vai trò grassroots (báo cáo viên cơ sở) bắt buộc có --organisation: mã tổ chức cơ sở\n"
          "  đảng mà thiết bị báo cáo thay; thiết bị chỉ ghi vào kênh tổ chức cơ sở đảng.\n"
          "  Dùng được cả khi máy chủ đang chạy.\n"}},
        {"report",
         {{"--data", "--conference", "--out", "--format"}, {"--combined", "--acceptance"},
          "Cách dùng: gopy-server report --data DIR (--conference ID | --combined | --acceptance)\n"
          "                              [--format pdf|docx] --out FILE\n"
          "  Tạo báo cáo tổng hợp của một hội nghị, hoặc báo cáo tổng hợp chung (ba kênh, kèm\n"
          "  bảng tiếp thu, giải trình), lưu phiên bản mới trong cơ sở dữ liệu và ghi tệp FILE.\n"
          "  --acceptance: chỉ bảng tổng hợp tiếp thu, giải trình (không lưu phiên bản).\n"
          "  Định dạng mặc định theo đuôi tệp (.docx: DOCX), nếu không thì PDF.\n"
          "  Phát hành cho đại biểu: gopy-server report release --data DIR --conference ID [--version N]\n"}},
    };
    return specs;
}

void raiseFileLimit() {
    // 1,000 clients need more descriptors than the usual soft limit of 1,024.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    if (limit.rlim_cur >= limit.rlim_max) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

int storeFailure(const std::exception& e) {
    std::cerr << "gopy-server: lỗi cơ sở dữ liệu: " << e.what() << "\n";
    logEvent(std::string("error: ") + e.what());
    return 1;
}

}  // namespace

int Cli::run(const std::vector<std::string>& args) {
    raiseFileLimit();
    if (args.empty()) {
        std::cerr << kOverview;
        return 2;
    }
    if (args[0] == "--help" || args[0] == "-h") {
        std::cout << kOverview;
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << "gopy-server " GOPY_VERSION "\n";
        return 0;
    }
    if (args[0] == "help") {
        if (args.size() == 1) {
            std::cout << kOverview;
            return 0;
        }
        if (!commands().contains(args[1])) return usageError("", "không có lệnh \"" + args[1] + "\"");
        printHelp(args[1]);
        return 0;
    }
    if (isImportCommand(args[0])) return runImportCommand(args);
    if (isCampaignCommand(args[0])) return runCampaignCommand(args);
    if (isDeviceCommand(args[0])) return runDeviceCommand(args);
    if (isBackupCommand(args[0])) return runBackupCommand(args);
    if (isReportReleaseCommand(args)) return runReportRelease(args);
    auto parsed = parse(args);
    if (!parsed) return 2;
    if (parsed->help) {
        printHelp(parsed->command);
        return 0;
    }
    try {
        if (parsed->command == "serve") return serve(*parsed);
        if (parsed->command == "demo") return demo(*parsed);
        if (parsed->command == "admit") return admit(*parsed);
        if (parsed->command == "report") return report(*parsed);
    } catch (const store::Busy& e) {
        std::cerr << "gopy-server: cơ sở dữ liệu đang bị một tiến trình khác khoá; hãy thử lại.\n";
        return storeFailure(e);
    } catch (const store::Error& e) {
        return storeFailure(e);
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        logEvent(std::string("error: ") + e.what());
        return 1;
    }
    return usageError("", "không có lệnh \"" + parsed->command + "\"");
}

std::optional<Cli::Parsed> Cli::parse(const std::vector<std::string>& args) {
    Parsed parsed;
    parsed.command = args[0];
    const auto spec = commands().find(parsed.command);
    if (spec == commands().end()) {
        usageError("", "không có lệnh \"" + parsed.command + "\"");
        return std::nullopt;
    }
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
            continue;
        }
        if (spec->second.flags.contains(arg)) {
            parsed.options[arg] = "";
            continue;
        }
        if (!spec->second.valued.contains(arg)) {
            usageError(parsed.command, "tùy chọn không hợp lệ: " + arg);
            return std::nullopt;
        }
        if (i + 1 >= args.size()) {
            usageError(parsed.command, "thiếu giá trị cho " + arg);
            return std::nullopt;
        }
        if (parsed.options.contains(arg)) {
            usageError(parsed.command, arg + " được cho hai lần");
            return std::nullopt;
        }
        parsed.options[arg] = args[++i];
    }
    if (!parsed.help && !parsed.options.contains("--data")) {
        usageError(parsed.command, "thiếu --data DIR");
        return std::nullopt;
    }
    return parsed;
}

int Cli::usageError(const std::string& command, const std::string& message) {
    std::cerr << "gopy-server: " << message << "\n\n";
    if (command.empty()) {
        std::cerr << kOverview;
        return 2;
    }
    std::cerr << commands().at(command).help;
    return 2;
}

void Cli::printHelp(const std::string& command) { std::cout << commands().at(command).help; }

std::optional<fs::path> Cli::existingDatabase(const fs::path& dir) {
    const fs::path database = dir / "gopy.db";
    std::error_code ec;
    if (fs::is_regular_file(database, ec)) return database;
    std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << database.string()
              << ".\n  Hãy tạo dữ liệu trước: gopy-server demo --data " << dir.string() << "\n";
    return std::nullopt;
}

void Cli::openLog(const fs::path& dir) {
    if (!log::EventLog::instance().openFile(dir / "logs" / "gopy.log")) {
        std::cerr << "gopy-server: không ghi được nhật ký vào " << (dir / "logs" / "gopy.log").string()
                  << "; chỉ ghi ra stderr\n";
    }
}

int Cli::serve(const Parsed& parsed) {
    const fs::path dir = parsed.options.at("--data");
    const auto listen = parsed.options.find("--listen");
    if (listen == parsed.options.end()) return usageError("serve", "thiếu --listen ADDR:PORT");
    const std::string& spec = listen->second;
    const auto colon = spec.rfind(':');
    if (colon == std::string::npos || colon == 0) return usageError("serve", "--listen cần dạng ADDR:PORT, ví dụ 0.0.0.0:8080");
    std::string address = spec.substr(0, colon);
    if (address.size() > 2 && address.front() == '[' && address.back() == ']') address = address.substr(1, address.size() - 2);
    const auto port = parseInteger(spec.substr(colon + 1), 0, 65535);
    if (!port) return usageError("serve", "cổng không hợp lệ: " + spec.substr(colon + 1));
    boost::system::error_code addressError;
    boost::asio::ip::make_address(address, addressError);
    if (addressError) return usageError("serve", "địa chỉ không hợp lệ: " + address);

    const auto database = existingDatabase(dir);
    if (!database) return 1;
    DataLock lock(dir / "gopy.lock");
    if (!lock.held()) {
        std::cerr << "gopy-server: thư mục dữ liệu " << dir.string()
                  << " đang được một gopy-server khác phục vụ (" << lock.reason() << ").\n";
        return 1;
    }
    openLog(dir);
    std::optional<long long> backupEvery;
    long long backupKeep = 48;
    if (const auto every = parsed.options.find("--backup-every"); every != parsed.options.end()) {
        backupEvery = parseInteger(every->second, 1, 24 * 60);
        if (!backupEvery) return usageError("serve", "--backup-every cần số phút từ 1 đến 1440");
    }
    if (const auto keep = parsed.options.find("--backup-keep"); keep != parsed.options.end()) {
        const auto n = parseInteger(keep->second, 1, 10000);
        if (!n) return usageError("serve", "--backup-keep cần số bản từ 1 đến 10000");
        backupKeep = *n;
    }

    // Block the stop signals in every thread; the main thread waits for them with sigwait.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const bool insecure = parsed.options.contains("--insecure");
    net::ServerOptions options{address, static_cast<std::uint16_t>(*port), 2};
    std::string fingerprint;
    if (!insecure) {
        try {
            const auto identity = net::loadOrCreateTlsIdentity(dir);
            fingerprint = identity.fingerprint;
            options.tls = net::makeServerTlsContext(identity);
        } catch (const std::exception& e) {
            std::cerr << "gopy-server: không dùng được chứng chỉ TLS: " << e.what() << "\n";
            logEvent(std::string("refused to start: TLS identity: ") + e.what());
            return 1;
        }
    }
    Engine engine(database->string());
    net::Server server(engine, options);
    std::string error;
    if (!server.start(error)) {
        std::cerr << "gopy-server: " << error << "\n";
        logEvent("refused to start: " + error);
        return 1;
    }
    const std::string where = server.address() + ":" + std::to_string(server.port());
    const std::string ws = insecure ? "ws://" : "wss://";
    const std::string http = insecure ? "http://" : "https://";
    if (insecure) {
        std::cerr << "gopy-server: CẢNH BÁO: --insecure — mọi ý kiến, mã kết nạp và mã thiết bị đi trên mạng "
                     "không mã hóa; ai cùng Wi-Fi cũng đọc được. Chỉ dùng để thử nghiệm.\n";
        logEvent("warning: serving without TLS (--insecure)");
    }
    std::cout << "GopY đang phục vụ tại " << ws << where << "/ws\n"
              << "Kiểm tra: " << http << where << "/healthz\n";
    if (!insecure) {
        std::cout << "Dấu vân tay chứng chỉ (SHA-256): " << net::groupedFingerprint(fingerprint) << "\n"
                  << "Dạng ngắn để so trên thiết bị: " << net::shortFingerprint(fingerprint) << "\n";
    }
    std::cout << "listening " << where << std::endl;
    logEvent("serving " + database->string() + " at " + ws + where + "/ws" +
             (insecure ? std::string() : ", certificate " + fingerprint));
    std::optional<ScheduledBackups> backups;
    if (backupEvery) {
        backups.emplace(*database, dir / "backups", static_cast<int>(*backupEvery), static_cast<int>(backupKeep));
        std::cout << "Sao lưu mỗi " << *backupEvery << " phút vào " << (dir / "backups").string()
                  << " (giữ " << backupKeep << " bản mới nhất)\n";
    }

    int received = 0;
    sigwait(&signals, &received);
    logEvent(std::string("stopping on ") + (received == SIGINT ? "SIGINT" : "SIGTERM"));
    server.stop();
    std::cout << "GopY đã dừng." << std::endl;
    return 0;
}

int Cli::demo(const Parsed& parsed) {
    const fs::path dir = parsed.options.at("--data");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        std::cerr << "gopy-server: không tạo được thư mục " << dir.string() << ": " << ec.message() << "\n";
        return 1;
    }
    openLog(dir);
    const fs::path database = dir / "gopy.db";
    Engine engine(database.string());
    if (!demo::createDemoCampaign(engine)) {
        std::cout << "Cơ sở dữ liệu " << database.string() << " đã có chiến dịch; không thay đổi gì.\n";
        return 0;
    }
    // The demo's conference 1 ended its session: its synthesis, as `serve` would produce it,
    // released at once so a delegate sees it on first start.
    report::generateMissingReports(engine, nowMillis());
    logEvent("demo campaign created in " + database.string());
    if (const auto reports = engine.listReports(1, false); !reports.empty()) {
        const Device office{.id = "demo-office", .name = "Văn phòng", .role = Role::Organiser};
        proto::OpRequest release{.clientId = office.id, .clientSeq = 1, .conferenceId = 1,
                                 .op = proto::ReportRelease{.reportId = reports.front().id}};
        const auto result = engine.apply(office, release, reports.front().createdAt);
        if (!result.ack) {
            std::cerr << "gopy-server: không phát hành được báo cáo mẫu: "
                      << (result.nack ? result.nack->message : std::string("lỗi")) << "\n";
            return 1;
        }
        logEvent("demo report " + std::to_string(reports.front().id) + " released");
    }
    std::cout << "Đã tạo chiến dịch mẫu của Kế hoạch 273-KH/QU trong " << database.string()
              << " (5 hội nghị, kênh nhân dân, kênh cơ sở; phiên mẫu của hội nghị 1).\n"
              << "Tiếp theo: gopy-server serve --data " << dir.string() << " --listen 0.0.0.0:8080\n";
    return 0;
}

int Cli::admit(const Parsed& parsed) {
    const fs::path dir = parsed.options.at("--data");
    const auto roleText = parsed.options.find("--role");
    if (roleText == parsed.options.end()) return usageError("admit", "thiếu --role");
    const auto role = roleFromString(roleText->second);
    if (!role || *role == Role::Organiser) {
        return usageError("admit", "vai trò phải là secretary, chair, delegate, grassroots hoặc "
                                   "drafting: " + roleText->second);
    }
    long long organisation = 0;
    if (const auto it = parsed.options.find("--organisation"); it != parsed.options.end()) {
        if (*role != Role::Grassroots) {
            return usageError("admit", "--organisation chỉ dùng với --role grassroots");
        }
        const auto value = parseInteger(it->second, 1, INT64_MAX);
        if (!value) return usageError("admit", "mã tổ chức cơ sở đảng không hợp lệ: " + it->second);
        organisation = *value;
    } else if (*role == Role::Grassroots) {
        return usageError("admit", "vai trò grassroots cần --organisation ID (tổ chức cơ sở đảng)");
    }
    long long conference = 0;
    if (const auto it = parsed.options.find("--conference"); it != parsed.options.end()) {
        const auto value = parseInteger(it->second, 0, INT64_MAX);
        if (!value) return usageError("admit", "mã hội nghị không hợp lệ: " + it->second);
        conference = *value;
    }
    long long ttl = 900;
    if (const auto it = parsed.options.find("--ttl"); it != parsed.options.end()) {
        const auto value = parseInteger(it->second, 1, 7 * 24 * 3600);
        if (!value) return usageError("admit", "--ttl phải là số giây từ 1 đến 604800: " + it->second);
        ttl = *value;
    }
    const auto database = existingDatabase(dir);
    if (!database) return 1;
    log::EventLog::instance().setStderr(false);
    openLog(dir);
    Engine engine(database->string());
    std::string code;
    try {
        code = engine.createAdmissionCode(*role, conference, static_cast<int>(ttl), organisation);
    } catch (const std::invalid_argument& e) {
        std::cerr << "gopy-server: " << e.what() << "\n";
        return 1;
    }
    logEvent("admission code issued for role " + std::string(toString(*role)) + ", conference " +
             std::to_string(conference) + ", organisation " + std::to_string(organisation) +
             ", valid " + std::to_string(ttl) + " s");
    // The code alone on stdout (scripts read it); what a person needs beside it on stderr.
    std::cout << code << std::endl;
    if (parsed.options.contains("--quiet")) return 0;
    std::string fingerprint;
    try {
        // Created here if `serve` never ran: the code and the certificate it pins belong together.
        fingerprint = net::loadOrCreateTlsIdentity(dir).fingerprint;
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: không đọc được chứng chỉ TLS: " << e.what() << "\n";
        return 1;
    }
    const auto addresses = lanAddresses();
    std::string host = addresses.empty() ? "127.0.0.1" : addresses.front();
    if (const auto it = parsed.options.find("--address"); it != parsed.options.end()) host = it->second;
    long long linkPort = 8080;
    if (const auto it = parsed.options.find("--port"); it != parsed.options.end()) {
        const auto value = parseInteger(it->second, 1, 65535);
        if (!value) return usageError("admit", "cổng không hợp lệ: " + it->second);
        linkPort = *value;
    }
    const std::string link = admissionLink(host, static_cast<std::uint16_t>(linkPort), code, fingerprint);
    std::cerr << "Mã kết nạp: " << code << " (" << permissions::roleLabel(*role) << ", hiệu lực " << ttl / 60 << " phút)\n"
              << "Dấu vân tay chứng chỉ máy chủ: " << net::shortFingerprint(fingerprint)
              << "  (đầy đủ: " << net::groupedFingerprint(fingerprint) << ")\n";
    if (addresses.empty()) {
        std::cerr << "Máy này chưa có địa chỉ mạng nội bộ; thiết bị trên cùng máy dùng 127.0.0.1\n";
    } else {
        std::cerr << "Địa chỉ máy chủ để gõ trên thiết bị:";
        for (const auto& address : addresses) std::cerr << " " << address << ":" << linkPort;
        std::cerr << "\n";
    }
    std::cerr << "Liên kết kết nạp (dán vào ô địa chỉ, hoặc quét mã QR):\n" << link << "\n" << terminalQr(link);
    return 0;
}

int Cli::report(const Parsed& parsed) {
    const fs::path dir = parsed.options.at("--data");
    const bool combined = parsed.options.contains("--combined");
    const bool acceptance = parsed.options.contains("--acceptance");
    const auto conferenceText = parsed.options.find("--conference");
    const int kinds = (combined ? 1 : 0) + (acceptance ? 1 : 0) +
                      (conferenceText != parsed.options.end() ? 1 : 0);
    if (kinds != 1) {
        return usageError("report",
                          "cần đúng một trong --conference ID, --combined hoặc --acceptance");
    }
    const auto out = parsed.options.find("--out");
    if (out == parsed.options.end()) return usageError("report", "thiếu --out FILE");
    auto format = report::DocumentFormat::Pdf;
    if (const auto it = parsed.options.find("--format"); it != parsed.options.end()) {
        if (it->second != "pdf" && it->second != "docx")
            return usageError("report", "định dạng phải là pdf hoặc docx: " + it->second);
        if (it->second == "docx") format = report::DocumentFormat::Docx;
    } else if (fs::path(out->second).extension() == ".docx") {
        format = report::DocumentFormat::Docx;
    }
    long long conference = 0;
    if (conferenceText != parsed.options.end()) {
        const auto value = parseInteger(conferenceText->second, 1, INT64_MAX);
        if (!value) return usageError("report", "mã hội nghị không hợp lệ: " + conferenceText->second);
        conference = *value;
    }
    const auto database = existingDatabase(dir);
    if (!database) return 1;
    openLog(dir);
    Engine engine(database->string());
    const std::string what = acceptance ? std::string("bảng tiếp thu, giải trình")
                             : combined ? std::string("tổng hợp chung")
                                        : "hội nghị " + std::to_string(conference);
    std::string content;
    std::string stored;
    if (acceptance) {
        content = report::acceptanceDocument(engine, nowMillis(), format);
    } else {
        const ReportInfo info =
            combined ? report::generateCombinedReport(engine, nowMillis(), format)
                     : report::generateConferenceReport(engine, conference, nowMillis(), format);
        auto bytes = engine.reportContent(info.id);
        if (!bytes) {
            std::cerr << "gopy-server: báo cáo " << info.id << " vừa tạo nhưng không đọc lại được\n";
            return 1;
        }
        content = std::move(*bytes);
        stored = " (phiên bản " + std::to_string(info.version) + ", SHA-256 " + info.sha256 + ")";
        logEvent("report " + std::to_string(info.id) + " (" +
                 (combined ? std::string("combined") : "conference " + std::to_string(conference)) +
                 ", " + report::formatName(format) + ", version " + std::to_string(info.version) +
                 ") stored");
    }
    std::ofstream file(out->second, std::ios::binary | std::ios::trunc);
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.close();
    if (!file) {
        std::cerr << "gopy-server: không ghi được tệp " << out->second << "\n";
        return 1;
    }
    logEvent("report (" + report::formatName(format) + ") written to " + out->second);
    std::cout << "Đã ghi " << (acceptance ? "" : "báo cáo ") << what << " ("
              << (format == report::DocumentFormat::Docx ? "DOCX" : "PDF") << ")" << stored
              << " vào " << out->second << "\n";
    return 0;
}

}  // namespace gopy::server::app
