// Writes the demo campaign's reports to files, for looking at them (docs/report-*.png):
//   gopy_report_sample CONFERENCE.pdf [COMBINED.pdf [ACCEPTANCE.pdf]]
// A name ending in .docx gets the DOCX rendering of the same report.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "server/demo/demo.h"
#include "server/report/report_service.h"
#include "server/sync/engine.h"

namespace {

gopy::server::report::DocumentFormat formatOf(const std::filesystem::path& file) {
    return file.extension() == ".docx" ? gopy::server::report::DocumentFormat::Docx
                                       : gopy::server::report::DocumentFormat::Pdf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: gopy_report_sample CONFERENCE.pdf [COMBINED.pdf [ACCEPTANCE.pdf]]\n";
        return 2;
    }
    namespace fs = std::filesystem;
    using namespace gopy::server::report;
    const fs::path dir =
        fs::temp_directory_path() / ("gopy-sample-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    int rc = 0;
    try {
        gopy::server::Engine engine((dir / "gopy.sqlite").string());
        gopy::server::demo::createDemoCampaign(engine);
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        std::ofstream(argv[1], std::ios::binary)
            << conferenceDocument(engine, 1, now, formatOf(argv[1]));
        if (argc > 2) {
            std::ofstream(argv[2], std::ios::binary)
                << combinedDocument(engine, now, formatOf(argv[2]));
        }
        if (argc > 3) {
            std::ofstream(argv[3], std::ios::binary)
                << acceptanceDocument(engine, now, formatOf(argv[3]));
        }
    } catch (const std::exception& e) {
        std::cerr << "gopy_report_sample: " << e.what() << "\n";
        rc = 1;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return rc;
}
