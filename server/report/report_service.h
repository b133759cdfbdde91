// Report generation as the rest of the server sees it. Implemented in server/report/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

/// The acceptance table (bảng tổng hợp tiếp thu, giải trình) on its own, as bytes. Not stored:
/// the reports table keys versions by conference and format only, so it would pass for a
/// version of the combined synthesis.
std::string acceptanceTable(Engine& engine, Millis now,
                            DocumentFormat format = DocumentFormat::Pdf);

/// "pdf" or "docx": the format column of stored reports and the file extension.
std::string formatName(DocumentFormat format);

/// Hook for Engine::setOnSessionEnded: generates the per-meeting report, logs failures.
void onSessionEnded(Engine& engine, std::int64_t conferenceId);

}  // namespace gopy::server::report
