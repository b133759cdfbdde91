#include "server/report/report_service.h"

#include <exception>

#include "server/log/event_log.h"
#include "server/report/report_generator.h"
#include "server/sync/engine.h"

namespace gopy::server::report {

using log::logEvent;

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

PreparedReport prepareConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now,
                                       DocumentFormat format) {
    PreparedReport prepared;
    prepared.conferenceId = conferenceId;
    prepared.format = format;
    prepared.now = now;
    prepared.render = ReportGenerator::conferenceRenderer(
        ReportGenerator::conferenceModel(engine, conferenceId, now), now, format);
    return prepared;
}

ReportInfo storePrepared(Engine& engine, const PreparedReport& report, const std::string& bytes) {
    return engine.storeReport(report.conferenceId, formatName(report.format), bytes, report.now);
}

std::vector<ReportInfo> generateMissingReports(Engine& engine, Millis now) {
    std::vector<ReportInfo> stored;
    for (const std::int64_t conferenceId : engine.endedWithoutReport()) {
        try {
            stored.push_back(generateConferenceReport(engine, conferenceId, now));
            logEvent("report: conference " + std::to_string(conferenceId) + " synthesis v" +
                     std::to_string(stored.back().version) + " stored (id " +
                     std::to_string(stored.back().id) + ")");
        } catch (const std::exception& e) {
            // The session itself is committed; the synthesis can be produced again on demand.
            logEvent("error: report: conference " + std::to_string(conferenceId) +
                     " synthesis failed: " + e.what());
        }
    }
    return stored;
}

}  // namespace gopy::server::report
