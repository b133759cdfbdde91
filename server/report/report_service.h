// The one report service: reads the engine's state through its read API (Engine::campaignView,
// conferenceView, organisations, groups), builds a report model (report_builder), composes it
// into blocks (conference_composer, combined_composer, acceptance_composer) and renders them
// (PdfRenderer, DocxRenderer); stores what is kept as report versions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"
#include "server/report/report_model.h"

namespace gopy::server {
class Engine;
}

namespace gopy::server::report {

/// Builds the per-meeting synthesis of a conference from the engine's state as PDF or DOCX,
/// stores it as a new report version of that format ("pdf", "docx") and returns its info.
/// Throws std::runtime_error with a clear message if the conference does not exist or the
/// document cannot be produced.
ReportInfo generateConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now,
                                    DocumentFormat format = DocumentFormat::Pdf);

/// The combined synthesis across all conferences and channels (conference id 0 in reports),
/// with the acceptance table as its appendix; stored like the per-meeting one.
ReportInfo generateCombinedReport(Engine& engine, Millis now,
                                  DocumentFormat format = DocumentFormat::Pdf);

/// The per-meeting model. Throws std::runtime_error if the conference does not exist.
ConferenceReport conferenceModel(Engine& engine, std::int64_t conferenceId, Millis now);
/// The combined model over every conference and channel.
CombinedReport combinedModel(Engine& engine, Millis now);
/// The acceptance table's model on its own (groups and comments as stored).
AcceptanceReport acceptanceModel(Engine& engine, Millis now);

/// The per-meeting synthesis as PDF or DOCX bytes, not stored.
std::string conferenceDocument(Engine& engine, std::int64_t conferenceId, Millis now,
                               DocumentFormat format = DocumentFormat::Pdf);
/// The combined synthesis as PDF or DOCX bytes, not stored.
std::string combinedDocument(Engine& engine, Millis now,
                             DocumentFormat format = DocumentFormat::Pdf);
/// The acceptance table (bảng tổng hợp tiếp thu, giải trình) on its own, as bytes. Not stored:
/// the reports table keys versions by conference and format only, so it would pass for a
/// version of the combined synthesis.
std::string acceptanceDocument(Engine& engine, Millis now,
                               DocumentFormat format = DocumentFormat::Pdf);

/// "pdf" or "docx": the format column of stored reports and the file extension.
std::string formatName(DocumentFormat format);

/// A per-meeting synthesis read from the engine at one moment and not yet drawn. `render`
/// composes and renders it (seconds for a large conference) and needs nothing of the
/// engine: the server reads on its writer thread, renders on its report thread and stores
/// the bytes back on the writer (server/net/report_worker.h).
struct PreparedReport {
    std::int64_t conferenceId = 0;
    DocumentFormat format = DocumentFormat::Pdf;
    Millis now = 0;
    std::function<std::string()> render;  ///< throws std::exception on failure
};

/// Reads what the synthesis of the conference needs. Throws std::runtime_error if the
/// conference does not exist.
PreparedReport prepareConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now,
                                       DocumentFormat format = DocumentFormat::Pdf);
/// Stores the rendered bytes of a prepared report as its conference's next version.
ReportInfo storePrepared(Engine& engine, const PreparedReport& report, const std::string& bytes);

/// Produces and stores the synthesis of every conference whose session ended without one
/// (Engine::endedWithoutReport) on the calling thread; the demo uses it after ending its
/// conference 1. Failures go to the log and do not stop the others. Returns the stored ones.
std::vector<ReportInfo> generateMissingReports(Engine& engine, Millis now);

}  // namespace gopy::server::report
