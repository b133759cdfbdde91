#include "server/report/report_service.h"

#include <chrono>
#include <exception>
#include <iostream>

#include "server/report/report_generator.h"
#include "server/sync/engine.h"

namespace gopy::server::report {

std::string formatName(DocumentFormat format) {
    return format == DocumentFormat::Docx ? "docx" : "pdf";
}

ReportInfo generateConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now,
                                    DocumentFormat format) {
    const std::string bytes =
        ReportGenerator::conferenceDocument(engine, conferenceId, now, format);
    return engine.storeReport(conferenceId, formatName(format), bytes, now);
}

ReportInfo generateCombinedReport(Engine& engine, Millis now, DocumentFormat format) {
    const std::string bytes = ReportGenerator::combinedDocument(engine, now, format);
    return engine.storeReport(0, formatName(format), bytes, now);
}

std::string acceptanceTable(Engine& engine, Millis now, DocumentFormat format) {
    return ReportGenerator::acceptanceDocument(engine, now, format);
}

void onSessionEnded(Engine& engine, std::int64_t conferenceId) {
    const Millis now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    try {
        const ReportInfo info = generateConferenceReport(engine, conferenceId, now);
        std::clog << "report: conference " << conferenceId << " synthesis v" << info.version
                  << " stored (id " << info.id << ", sha256 " << info.sha256 << ")\n";
    } catch (const std::exception& e) {
        // the session itself is committed; a failed report can be produced again on demand
        std::clog << "report: conference " << conferenceId << " synthesis failed: " << e.what()
                  << "\n";
    }
}

}  // namespace gopy::server::report
