// Report benchmark (docs/benchmarks.md, "Reports").
//   gopy_report_bench meeting [--comments 400] [--words 250] [--runs 5]
//       a conference with 400 comments of ~250 words (≈100,000 words) recorded through the
//       engine; times the per-meeting PDF from the database to the file, and the bare libharu
//       baseline (gopy_report_baseline) drawing the same text, in the same run.
//   gopy_report_bench combined [--comments 100000] [--words 30] [--keep] [--docx]
//       100,000 comments in the public channel plus the demo campaign; times the combined
//       synthesis from the database to the file in a fresh process and reports its peak memory;
//       --docx times the DOCX rendering of the same synthesis as well, in its own process;
//       --keep leaves the database for `gopy_report_bench --measure-combined DB OUT.pdf|.docx`.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "server/demo/demo.h"
#include "server/report/docx_renderer.h"
#include "server/report/report_builder.h"
#include "server/report/report_composer.h"
#include "server/report/report_service.h"
#include "server/report/pdf_renderer.h"
#include "server/sync/engine.h"

namespace {

using namespace gopy;
using namespace gopy::server;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

/// CPU time of this process, ms: on a loaded machine it varies far less than the wall clock.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

long peakRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

constexpr std::array<const char*, 40> kWords = {
    "phát", "triển", "kinh",  "tế",    "đô",    "thị",   "văn",  "minh", "hiện",   "đại",
    "nâng", "cao",   "chất",  "lượng", "cuộc",  "sống",  "Nhân", "dân",  "quận",   "xây",
    "dựng", "Đảng",  "chính", "quyền", "trong", "sạch",  "vững", "mạnh", "chuyển", "đổi",
    "số",   "cải",   "cách",  "hành",  "quốc",  "phòng", "an",   "ninh", "ổn",     "định"};

std::string words(std::mt19937& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
        if (i > 0) s += ' ';
        s += kWords[rng() % kWords.size()];
    }
    return s + ".";
}

/// Applies ops as the organiser in batches of up to 2,000.
class Feeder {
public:
    Feeder(Engine& engine, std::int64_t conference) : engine_(engine), conference_(conference) {
        device_.id = "bench";
        device_.role = Role::Organiser;
    }
    void add(proto::Operation op) {
        proto::OpRequest r{device_.id, ++seq_, conference_, std::move(op)};
        batch_.emplace_back(device_, std::move(r));
        if (batch_.size() >= 2000) flush();
    }
    void flush() {
        if (batch_.empty()) return;
        const auto results = engine_.applyBatch(batch_, now_);
        for (const auto& r : results) {
            if (r.nack) throw std::runtime_error("bench: op refused: " + r.nack->message);
        }
        batch_.clear();
    }
    void setConference(std::int64_t c) {
        flush();
        conference_ = c;
    }
    Millis now_ = 1741914000000LL;

private:
    Engine& engine_;
    std::int64_t conference_;
    Device device_;
    std::int64_t seq_ = 0;
    std::vector<std::pair<Device, proto::OpRequest>> batch_;
};

std::vector<std::string> sectionCodes(Engine& engine) {
    Device d;
    d.id = "bench";
    d.role = Role::Organiser;
    std::vector<std::string> codes;
    for (const Section& s : engine.welcome(d).sections) codes.push_back(s.code);
    return codes;
}

/// Records a concluded session with `comments` comments of ~`perComment` words on `conference`.
void seedConference(Engine& engine, Feeder& feed, std::int64_t conference, int speakers,
                    int comments, int perComment, std::mt19937& rng) {
    feed.setConference(conference);
    const auto codes = sectionCodes(engine);
    std::vector<std::string> people;
    for (int i = 0; i < speakers; ++i) {
        Participant p;
        p.id = "bench-" + std::to_string(conference) + "-" + std::to_string(i);
        p.conferenceId = conference;
        p.fullName = std::string(i % 2 ? "Nguyễn Văn " : "Trần Thị ") + words(rng, 1);
        p.fullName.pop_back();
        p.title = "Đại biểu " + std::to_string(i + 1);
        p.organisation = "Phường Ngọc Hà";
        feed.add(proto::ParticipantAdd{p});
        people.push_back(p.id);
    }
    feed.add(proto::SessionStart{feed.now_});
    const std::array<CommentKind, 6> kinds = {CommentKind::Agreement,      CommentKind::Addition,
                                              CommentKind::Amendment,      CommentKind::Deletion,
                                              CommentKind::Recommendation, CommentKind::Other};
    for (int i = 0; i < comments; ++i) {
        Comment c;
        c.id = "bench-" + std::to_string(conference) + "-c" + std::to_string(i);
        c.conferenceId = conference;
        c.participantId = people[static_cast<std::size_t>(i) % people.size()];
        c.kind = kinds[static_cast<std::size_t>(i) % kinds.size()];
        c.sections = {codes[rng() % codes.size()]};
        c.text = words(rng, perComment);
        if (c.kind == CommentKind::Amendment)
            c.proposed = ProposedWording{words(rng, 15), "Phần II, mục 1, đoạn 2"};
        feed.add(proto::CommentCreate{c});
    }
    feed.add(proto::SessionEnd{feed.now_ + 3LL * 3600 * 1000});
    feed.flush();
}

/// Every text of the composed report, one paragraph or table cell per line (the baseline's input).
std::string plainText(const std::vector<report::Block>& blocks) {
    using namespace gopy::server::report;
    std::string out;
    auto runs = [&](const std::vector<Run>& rs) {
        std::string line;
        for (const Run& r : rs) line += r.text;
        std::replace(line.begin(), line.end(), '\n', ' ');
        out += line + "\n";
    };
    for (const Block& b : blocks) {
        if (const auto* p = std::get_if<Paragraph>(&b)) runs(p->runs);
        if (const auto* t = std::get_if<Table>(&b)) {
            for (const auto& row : t->rows) {
                for (const auto& cell : row) runs(cell.runs);
            }
        }
        if (const auto* c = std::get_if<Columns>(&b)) {
            for (const auto& col : c->columns) {
                for (const auto& p : col.paragraphs) runs(p.runs);
            }
        }
    }
    return out;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int meeting(int comments, int perComment, int runs) {
    const fs::path dir =
        fs::temp_directory_path() / ("gopy-bench-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    Engine engine((dir / "gopy.sqlite").string());
    demo::createDemoCampaign(engine);
    Feeder feed(engine, 2);
    std::mt19937 rng(42);
    seedConference(engine, feed, 2, 60, comments, perComment, rng);

    const Millis now = 1795575600000LL;
    std::vector<double> total, totalCpu, model, compose, render, baseline, baselineCpu;
    std::size_t bytes = 0;
    long words = 0;
    for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        const double c0 = cpuMs();
        const std::string pdf = report::conferenceDocument(engine, 2, now);
        std::ofstream(dir / "meeting.pdf", std::ios::binary) << pdf;
        total.push_back(msSince(t0));
        totalCpu.push_back(cpuMs() - c0);
        bytes = pdf.size();

        // the phases separately
        double c = cpuMs();
        const auto m = report::conferenceModel(engine, 2, now);
        model.push_back(cpuMs() - c);
        c = cpuMs();
        const auto blocks = report::ReportComposer::conference(m);
        compose.push_back(cpuMs() - c);
        c = cpuMs();
        const std::string again = report::PdfRenderer::render(blocks, report::DocumentInfo{});
        render.push_back(cpuMs() - c);

        const std::string text = plainText(blocks);
        words = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != ' ' && text[i] != '\n' &&
                (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n'))
                ++words;
        }
        std::ofstream(dir / "text.txt") << text;
        const std::string cmd = std::string(GOPY_REPORT_BASELINE) + " '" +
                                (dir / "text.txt").string() + "' '" +
                                (dir / "baseline.pdf").string() + "'";
        FILE* p = popen(cmd.c_str(), "r");
        double ms = 0;
        double cpu = 0;
        if (p != nullptr && std::fscanf(p, "%lf %lf", &ms, &cpu) == 2) {
            baseline.push_back(ms);
            baselineCpu.push_back(cpu);
        }
        if (p != nullptr) pclose(p);
    }
    std::cout << "per-meeting synthesis: " << comments << " comments, " << words << " words drawn, "
              << bytes / 1024 << " KiB, " << runs << " runs\n";
    std::cout << "  GopY, database to file:   median " << median(total) << " ms wall (min "
              << *std::min_element(total.begin(), total.end()) << "), " << median(totalCpu)
              << " ms CPU\n";
    std::cout << "    model from the engine:  median " << median(model) << " ms CPU\n";
    std::cout << "    compose blocks:         median " << median(compose) << " ms CPU\n";
    std::cout << "    layout + libharu:       median " << median(render) << " ms CPU\n";
    if (!baseline.empty()) {
        std::cout << "  bare libharu baseline:    median " << median(baseline) << " ms wall (min "
                  << *std::min_element(baseline.begin(), baseline.end()) << "), "
                  << median(baselineCpu) << " ms CPU\n";
        std::cout << "  ratio GopY / baseline:    " << median(total) / median(baseline) << " wall, "
                  << median(totalCpu) / median(baselineCpu) << " CPU\n";
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}

int measureCombined(const std::string& db, const std::string& out) {
    const bool docx = fs::path(out).extension() == ".docx";
    const auto format = docx ? report::DocumentFormat::Docx : report::DocumentFormat::Pdf;
    Engine engine(db);
    const auto t0 = Clock::now();
    const double c0 = cpuMs();
    const std::string bytes =
        report::combinedDocument(engine, 1795575600000LL, format);
    std::ofstream(out, std::ios::binary) << bytes;
    const double ms = msSince(t0);
    std::cout << ms << " " << cpuMs() - c0 << " " << peakRssKb() << " " << bytes.size() << "\n";
    // the phases, measured again after the timed run (stderr: for reading, not parsing)
    double c = cpuMs();
    const auto model = report::combinedModel(engine, 1795575600000LL);
    std::cerr << "  model from the engine: " << cpuMs() - c << " ms CPU\n";
    c = cpuMs();
    const auto blocks = report::ReportComposer::combined(model);
    std::cerr << "  compose blocks:        " << cpuMs() - c << " ms CPU\n";
    c = cpuMs();
    const std::string again = docx ? report::DocxRenderer::render(blocks, report::DocumentInfo{})
                                   : report::PdfRenderer::render(blocks, report::DocumentInfo{});
    std::cerr << (docx ? "  DOCX writer + zip:     " : "  layout + libharu:      ") << cpuMs() - c
              << " ms CPU\n";
    return 0;
}

/// Runs `self --measure-combined DB OUT` in a fresh process and prints its result.
int measureInChild(const char* self, const std::string& db, const fs::path& out, int comments) {
    const std::string cmd =
        std::string(self) + " --measure-combined '" + db + "' '" + out.string() + "'";
    FILE* p = popen(cmd.c_str(), "r");
    double ms = 0;
    double cpu = 0;
    long kb = 0;
    std::size_t bytes = 0;
    if (p == nullptr || std::fscanf(p, "%lf %lf %ld %zu", &ms, &cpu, &kb, &bytes) != 4) {
        std::cerr << "combined measurement failed\n";
        if (p != nullptr) pclose(p);
        return 1;
    }
    pclose(p);
    const bool docx = out.extension() == ".docx";
    std::cout << "combined synthesis (" << (docx ? "DOCX" : "PDF") << "): " << comments
              << " comments (+ demo campaign): " << ms / 1000 << " s wall, " << cpu / 1000
              << " s CPU, database to file; peak RSS " << kb / 1024 << " MiB; "
              << bytes / (std::size_t{1024} * 1024) << " MiB file\n";
    return 0;
}

int combined(const char* self, int comments, int perComment, bool keep, bool docx) {
    const fs::path dir =
        fs::temp_directory_path() / ("gopy-bench-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const std::string db = (dir / "gopy.sqlite").string();
    {
        Engine engine(db);
        demo::createDemoCampaign(engine);
        Device d;
        d.id = "bench";
        d.role = Role::Organiser;
        std::int64_t publicId = 0;
        for (const Conference& c : engine.welcome(d).conferences) {
            if (c.channel == Channel::Public) publicId = c.id;
        }
        Feeder feed(engine, publicId);
        std::mt19937 rng(7);
        const auto t0 = Clock::now();
        seedConference(engine, feed, publicId, 2000, comments, perComment, rng);
        std::cout << "seeded " << comments << " comments of ~" << perComment << " words in "
                  << msSince(t0) / 1000 << " s\n";
    }
    // a fresh process, so peak memory is the synthesis's alone
    if (measureInChild(self, db, dir / "combined.pdf", comments) != 0) return 1;
    if (docx && measureInChild(self, db, dir / "combined.docx", comments) != 0) return 1;
    if (keep) {
        std::cout << "database kept: " << db << "\n";
        return 0;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}

int intArg(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (argv[i] == name) return std::stoi(argv[i + 1]);
    }
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "meeting";
        if (mode == "--measure-combined" && argc == 4) return measureCombined(argv[2], argv[3]);
        if (mode == "meeting") {
            return meeting(intArg(argc, argv, "--comments", 400),
                           intArg(argc, argv, "--words", 250), intArg(argc, argv, "--runs", 5));
        }
        if (mode == "combined") {
            bool keep = false;
            bool docx = false;
            for (int i = 2; i < argc; ++i) {
                keep = keep || std::string(argv[i]) == "--keep";
                docx = docx || std::string(argv[i]) == "--docx";
            }
            return combined(argv[0], intArg(argc, argv, "--comments", 100000),
                            intArg(argc, argv, "--words", 30), keep, docx);
        }
        std::cerr
            << "usage: gopy_report_bench meeting|combined [--comments N] [--words N] [--runs N]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "gopy_report_bench: " << e.what() << "\n";
        return 1;
    }
}
