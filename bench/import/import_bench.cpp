// Public comment import: a generated CSV (and JSON) of N rows parsed from a file.
// Usage: gopy_import_bench [rows=100000] [dir=/tmp]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "server/intake/public_import.h"

namespace {

const std::vector<std::string> kWards = {"Phúc Xá",   "Trúc Bạch",         "Vĩnh Phúc",  "Cống Vị",
                                         "Liễu Giai", "Nguyễn Trung Trực", "Quán Thánh", "Ngọc Hà",
                                         "Điện Biên", "Đội Cấn",           "Ngọc Khánh", "Kim Mã",
                                         "Giảng Võ"};
const std::vector<std::string> kSections = {"I.1", "I.2", "I.3", "II.3", "II.4.a", "III.1"};
const std::vector<std::string> kPhrases = {
    "Đề nghị bổ sung chỉ tiêu về chuyển đổi số",
    "nâng cao chất lượng giáo dục, y tế và đời sống Nhân dân",
    "quản lý quy hoạch, chỉnh trang đô thị, cải tạo chung cư cũ",
    "đẩy mạnh cải cách hành chính, xây dựng chính quyền số",
    "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể",
    "tôi nhất trí với dự thảo, đề nghị làm rõ thêm \"giải pháp đột phá\""};
const std::vector<std::string> kNames = {"Nguyễn Văn An", "Trần Thị Bình",  "Lê Hoàng Cường",
                                         "Phạm Thu Dung", "Hoàng Minh Đức", ""};

struct Row {
    std::string at, ward, name, contact, section, text;
};

std::vector<Row> generate(int n) {
    std::mt19937 rng(20250203);
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Row r;
        const int day = 3 + static_cast<int>(rng() % 25);
        const int month = 2 + static_cast<int>(rng() % 4);
        char at[40];
        std::snprintf(at, sizeof at, "2025-%02d-%02dT%02d:%02d:00+07:00", month, day,
                      static_cast<int>(rng() % 24), static_cast<int>(rng() % 60));
        r.at = at;
        r.ward = pick(kWards);
        r.name = pick(kNames);
        r.contact = r.name.empty() ? "" : "09" + std::to_string(10000000 + rng() % 89999999);
        r.section = rng() % 3 == 0 ? "" : pick(kSections);
        r.text = pick(kPhrases) + "; " + pick(kPhrases) + " (góp ý số " + std::to_string(i) + ").";
        if (rng() % 10 == 0) r.text += "\nÝ thứ hai, trên dòng mới.";
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

struct Timing {
    double wall = 0;
    double cpu = 0;  // process CPU time: the machine may be shared, wall time then inflates
};

template <class F>
Timing measure(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    f();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

void report(const char* what, std::uintmax_t bytes, const gopy::intake::PublicImportResult& r,
            Timing t) {
    std::printf(
        "%-5s %6.1f MB  %7zu rows  %3zu refused  wall %6.3f s  cpu %6.3f s  %8.0f rows/s (cpu)\n",
        what, static_cast<double>(bytes) / 1e6, r.rows.size(), r.errors.size(), t.wall, t.cpu,
        static_cast<double>(r.records) / t.cpu);
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path();
    const std::vector<Row> rows = generate(n);

    const auto csvPath = dir / "gopy_import_bench.csv";
    const auto jsonPath = dir / "gopy_import_bench.json";
    {
        std::ofstream csv(csvPath, std::ios::binary);
        csv << "\xEF\xBB\xBFsubmitted_at,ward,name,contact,section,text\r\n";
        for (const Row& r : rows) {
            csv << csvField(r.at) << ',' << csvField(r.ward) << ',' << csvField(r.name) << ','
                << csvField(r.contact) << ',' << csvField(r.section) << ',' << csvField(r.text)
                << "\r\n";
        }
        std::ofstream json(jsonPath, std::ios::binary);
        json << "[\n";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            json << "{\"submitted_at\":" << jsonString(r.at) << ",\"ward\":" << jsonString(r.ward)
                 << ",\"name\":" << jsonString(r.name) << ",\"contact\":" << jsonString(r.contact)
                 << ",\"section\":" << jsonString(r.section) << ",\"text\":" << jsonString(r.text)
                 << (i + 1 < rows.size() ? "},\n" : "}\n");
        }
        json << "]\n";
    }

    gopy::intake::PublicImportOptions options;
    options.wards = kWards;
    options.sectionCodes = kSections;
    options.publicFrom = "2025-02-03";
    options.publicTo = "2025-06-15";
    std::size_t progressCalls = 0;
    options.progress = [&](std::size_t) { ++progressCalls; };

    std::printf("gopy_import_bench: %d generated rows\n", n);
    gopy::intake::PublicImportResult csv;
    const Timing csvTime = measure([&] { csv = gopy::intake::parsePublicFile(csvPath, options); });
    report("CSV", std::filesystem::file_size(csvPath), csv, csvTime);
    gopy::intake::PublicImportResult json;
    const Timing jsonTime =
        measure([&] { json = gopy::intake::parsePublicFile(jsonPath, options); });
    report("JSON", std::filesystem::file_size(jsonPath), json, jsonTime);

    std::filesystem::remove(csvPath);
    std::filesystem::remove(jsonPath);
    const bool same = csv.rows.size() == json.rows.size() &&
                      (csv.rows.empty() || csv.rows.back().dedupeKey == json.rows.back().dedupeKey);
    if (!same || csv.rows.size() != static_cast<std::size_t>(n) || progressCalls == 0) {
        std::fprintf(stderr, "unexpected result: %zu CSV rows, %zu JSON rows\n", csv.rows.size(),
                     json.rows.size());
        return 1;
    }
    return 0;
}
