#include "server/app/import_commands.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "gopy/clock.h"
#include "server/app/data_lock.h"
#include "server/app/arguments.h"
#include "server/intake/draft_import.h"
#include "server/intake/grassroots_import.h"
#include "server/intake/participant_import.h"
#include "server/intake/public_import.h"
#include "server/store/errors.h"
#include "server/sync/engine.h"

namespace gopy::server::app {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kDraftUsage =
    "Cách dùng: gopy-server draft import --data DIR FILE\n"
    "  Nhập Dự thảo từ FILE (.docx hoặc Markdown): đề cương (phần, mục, tiểu mục) và các\n"
    "  đoạn đánh số. Nhập lại bản sửa thì các ý kiến giữ mục còn tồn tại; in ra các ý kiến\n"
    "  có mục đã bị bỏ. Máy chủ phải dừng trong khi nhập dự thảo (các thiết bị nhận đề cương\n"
    "  mới khi kết nối lại).\n";
constexpr std::string_view kPublicUsage =
    "Cách dùng: gopy-server import-public --data DIR FILE\n"
    "  Nhập ý kiến của Nhân dân từ FILE (CSV UTF-8 hoặc .json), cột\n"
    "  submitted_at,ward,name,contact,section,text. Dòng lỗi được báo kèm số dòng và lý do,\n"
    "  các dòng khác vẫn được nhập; nhập lại cùng tệp không thêm gì. Có thể nhập khi máy chủ\n"
    "  đang phục vụ: các thiết bị đang theo dõi thấy ý kiến mới trong khoảng một giây.\n";

constexpr std::string_view kGrassrootsUsage =
    "Cách dùng: gopy-server import-grassroots --data DIR FILE\n"
    "  Nhập ý kiến của đại hội các tổ chức cơ sở đảng từ FILE (CSV UTF-8), cột\n"
    "  organisation,section,kind,text: organisation là mã số hoặc đúng tên tổ chức; section\n"
    "  là mục dự thảo (\"II.3\", có thể bỏ trống); kind là loại ý kiến (agreement, addition,\n"
    "  amendment, deletion, recommendation, other; bỏ trống: other); text bắt buộc.\n"
    "  Dòng lỗi được báo kèm số dòng và lý do, các dòng khác vẫn được nhập; nhập lại cùng tệp\n"
    "  không thêm gì. Tổ chức có ý kiến được nhập được ghi là đã gửi báo cáo. Có thể nhập khi\n"
    "  máy chủ đang phục vụ: các thiết bị đang theo dõi thấy ý kiến mới trong khoảng một giây.\n";

constexpr std::string_view kParticipantsUsage =
    "Cách dùng: gopy-server import-participants --data DIR --conference ID FILE\n"
    "  Nhập danh sách đại biểu được mời dự hội nghị ID từ FILE: bảng tính Excel (.xlsx, trang\n"
    "  tính đầu tiên) hoặc CSV UTF-8. Dòng đầu là tiêu đề, cột \"Họ và tên\" bắt buộc; các cột\n"
    "  \"Chức danh\", \"Cơ quan, đơn vị\", \"Nhóm\" nếu có (cột khác như STT được bỏ qua).\n"
    "  Nhập lại thì cập nhật người đã có (cùng họ tên), không thêm trùng; không xóa ai và giữ\n"
    "  điểm danh. Dòng lỗi được báo kèm số dòng. Có thể nhập khi máy chủ đang phục vụ.\n";

struct Args {
    fs::path data;
    fs::path file;
    std::optional<std::int64_t> conference;  ///< --conference ID, where the command takes one
};

int usage(std::string_view text, const std::string& message) {
    std::cerr << "gopy-server: " << message << "\n\n" << text;
    return 2;
}

// "--data DIR FILE" in any order; nullopt after printing the usage.
std::optional<Args> parseArgs(const std::vector<std::string>& args, std::size_t from,
                              std::string_view text, int& code) {
    Args parsed;
    bool haveData = false;
    for (std::size_t i = from; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            std::cout << text;
            code = 0;
            return std::nullopt;
        }
        if (args[i] == "--data") {
            if (i + 1 >= args.size()) {
                code = usage(text, "thiếu giá trị cho --data");
                return std::nullopt;
            }
            parsed.data = args[++i];
            haveData = true;
            continue;
        }
        if (args[i] == "--conference" && text == kParticipantsUsage) {
            std::size_t used = 0;
            std::int64_t id = 0;
            try {
                if (i + 1 < args.size()) id = std::stoll(args[i + 1], &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (i + 1 >= args.size() || used != args[i + 1].size() || id <= 0) {
                code = usage(text, "--conference cần mã số hội nghị, ví dụ --conference 2");
                return std::nullopt;
            }
            parsed.conference = id;
            ++i;
            continue;
        }
        if (args[i].starts_with("--") || !parsed.file.empty()) {
            code = usage(text, "tham số không hợp lệ: " + args[i]);
            return std::nullopt;
        }
        parsed.file = args[i];
    }
    if (!haveData) {
        code = usage(text, "thiếu --data DIR");
        return std::nullopt;
    }
    if (parsed.file.empty()) {
        code = usage(text, "thiếu tệp cần nhập");
        return std::nullopt;
    }
    if (text == kParticipantsUsage && !parsed.conference) {
        code = usage(text, "thiếu --conference ID");
        return std::nullopt;
    }
    return parsed;
}

std::optional<fs::path> database(const fs::path& dir) {
    const fs::path path = dir / "gopy.db";
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << path.string()
              << ".\n  Hãy tạo dữ liệu trước: gopy-server demo --data " << dir.string() << "\n";
    return std::nullopt;
}

int draftImport(const Args& args) {
    const auto path = database(args.data);
    if (!path) return 1;
    // A new outline changes the sections every connected device works with, and they learn
    // the outline only when they connect: the server must not be serving meanwhile.
    DataLock lock(args.data / "gopy.lock");
    if (!lock.held()) {
        std::cerr << "gopy-server: thư mục dữ liệu " << args.data.string()
                  << " đang được máy chủ phục vụ (" << lock.reason()
                  << ").\n  Hãy dừng máy chủ, nhập dự thảo, rồi chạy lại máy chủ; các thiết bị "
                     "nhận đề cương mới khi kết nối lại.\n";
        return 1;
    }
    intake::DraftOutline outline;
    try {
        outline = intake::importDraftFile(args.file);
    } catch (const intake::DraftImportError& e) {
        std::cerr << "gopy-server: không nhập được dự thảo " << args.file.string() << ": "
                  << e.what() << "\n";
        return 1;
    }
    Engine engine(path->string());
    const auto result = engine.importDraft(outline.sections, outline.paragraphs);
    int levels[4] = {0, 0, 0, 0};
    for (const Section& s : outline.sections) ++levels[std::clamp(s.level, 1, 3)];
    std::cout << "Dự thảo: " << (outline.title.empty() ? args.file.filename().string() : outline.title)
              << "\n"
              << "Đề cương: " << levels[1] << " phần, " << levels[2] << " mục, " << levels[3]
              << " tiểu mục, " << outline.paragraphs.size() << " đoạn\n"
              << "So với bản trước: giữ " << result.diff.kept.size() << ", thêm "
              << result.diff.added.size() << ", bỏ " << result.diff.removed.size() << ", dời "
              << result.diff.moved.size() << "\n";
    for (const auto& move : result.diff.moved) {
        std::cout << "  mục " << move.from << " → " << move.to << "\n";
    }
    for (const auto& code : result.diff.removed) std::cout << "  bỏ mục " << code << "\n";
    std::cout << "Ý kiến có mục đã bị bỏ: " << result.orphaned.size() << "\n";
    for (const Comment& c : result.orphaned) {
        std::cout << "  " << c.id << " (hội nghị " << c.conferenceId << "): " << c.text << "\n";
    }
    return 0;
}

int publicImport(const Args& args) {
    const auto path = database(args.data);
    if (!path) return 1;
    Engine engine(path->string());
    const auto campaign = engine.campaign();
    if (!campaign) {
        std::cerr << "gopy-server: cơ sở dữ liệu chưa có chiến dịch\n";
        return 1;
    }
    intake::PublicImportOptions options;
    options.wards = campaign->wards;
    for (const Section& s : engine.sections()) options.sectionCodes.push_back(s.code);
    options.publicFrom = campaign->publicFrom;
    options.publicTo = campaign->publicTo;
    options.progressEvery = 10000;
    options.progress = [](std::size_t done) { std::cerr << "đã đọc " << done << " dòng\n"; };
    intake::PublicImportResult parsed;
    try {
        parsed = intake::parsePublicFile(args.file, options);
    } catch (const intake::PublicImportError& e) {
        std::cerr << "gopy-server: không đọc được " << args.file.string() << ": " << e.what()
                  << "\n";
        return 1;
    }
    std::cerr << "đang ghi " << parsed.rows.size() << " ý kiến vào cơ sở dữ liệu\n";
    std::size_t reported = 0;
    const auto summary = engine.importPublic(
        parsed.rows, static_cast<int>(parsed.errors.size()), nowMillis(), [&](std::size_t done) {
            if (done == reported || (done - reported < 10000 && done != parsed.rows.size())) return;
            reported = done;
            std::cerr << "đã ghi " << done << "/" << parsed.rows.size() << " dòng\n";
        });
    std::cout << "đã nhập " << summary.imported << ", bỏ qua " << summary.duplicates
              << " trùng, từ chối " << summary.refused << "\n";
    for (const auto& error : parsed.errors) std::cout << "  " << error.reason << "\n";
    return 0;
}

int grassrootsImport(const Args& args) {
    const auto path = database(args.data);
    if (!path) return 1;
    Engine engine(path->string());
    intake::GrassrootsImportOptions options;
    options.organisations = engine.organisations();
    for (const Section& s : engine.sections()) options.sectionCodes.push_back(s.code);
    if (options.organisations.empty()) {
        std::cerr << "gopy-server: chiến dịch chưa có tổ chức cơ sở đảng nào\n";
        return 1;
    }
    intake::GrassrootsImportResult parsed;
    try {
        parsed = intake::parseGrassrootsFile(args.file, options);
    } catch (const intake::PublicImportError& e) {
        std::cerr << "gopy-server: không đọc được " << args.file.string() << ": " << e.what()
                  << "\n";
        return 1;
    }
    const auto result =
        engine.importGrassroots(parsed.rows, static_cast<int>(parsed.errors.size()), nowMillis());
    std::cout << "đã nhập " << result.summary.imported << ", bỏ qua " << result.summary.duplicates
              << " trùng, từ chối " << result.summary.refused << "\n";
    for (const auto& error : parsed.errors) std::cout << "  " << error.reason << "\n";
    for (const auto& o : result.reported) {
        std::cout << "đã gửi báo cáo: " << o.id << " " << o.name << "\n";
    }
    return 0;
}

int participantsImport(const Args& args) {
    const auto path = database(args.data);
    if (!path) return 1;
    intake::ParticipantImportResult parsed;
    try {
        parsed = intake::parseParticipantFile(args.file);
    } catch (const intake::PublicImportError& e) {
        std::cerr << "gopy-server: không đọc được " << args.file.string() << ": " << e.what()
                  << "\n";
        return 1;
    }
    Engine engine(path->string());
    const auto summary = engine.importParticipants(
        *args.conference, parsed.rows, static_cast<int>(parsed.errors.size()), nowMillis());
    std::cout << "đã thêm " << summary.added << ", cập nhật " << summary.updated << ", giữ nguyên "
              << summary.unchanged << ", từ chối " << summary.refused << "\n";
    for (const auto& error : parsed.errors) std::cout << "  " << error.reason << "\n";
    return 0;
}

}  // namespace

bool isImportCommand(const std::string& command) {
    return command == "draft" || command == "import-public" || command == "import-grassroots" ||
           command == "import-participants";
}

int runImportCommand(const std::vector<std::string>& args) {
    int code = 2;
    try {
        if (args.at(0) == "draft") {
            if (args.size() < 2 || args[1] != "import") {
                return usage(kDraftUsage, "lệnh draft cần \"import\"");
            }
            const auto parsed = parseArgs(args, 2, kDraftUsage, code);
            return parsed ? draftImport(*parsed) : code;
        }
        if (args[0] == "import-participants") {
            const auto parsed = parseArgs(args, 1, kParticipantsUsage, code);
            return parsed ? participantsImport(*parsed) : code;
        }
        if (args[0] == "import-grassroots") {
            const auto parsed = parseArgs(args, 1, kGrassrootsUsage, code);
            return parsed ? grassrootsImport(*parsed) : code;
        }
        const auto parsed = parseArgs(args, 1, kPublicUsage, code);
        return parsed ? publicImport(*parsed) : code;
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gopy::server::app
