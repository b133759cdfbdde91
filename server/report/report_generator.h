// From the engine's state to PDF or DOCX bytes, without storing: reads the campaign and
// conferences through Engine::welcome, each conference through Engine::subscribe (as the
// organiser), the grassroots organisations and the drafting team's groups from the store;
// builds the model, composes it once and renders the blocks as PDF or DOCX.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "gopy/model.h"
#include "server/report/report_model.h"

namespace gopy::server {
class Engine;
}

namespace gopy::server::report {

class ReportGenerator {
public:
    /// The per-meeting model. Throws std::runtime_error if the conference does not exist.
    static ConferenceReport conferenceModel(Engine& engine, std::int64_t conferenceId, Millis now);
    /// The combined model over every conference and channel.
    static CombinedReport combinedModel(Engine& engine, Millis now);
    /// The acceptance table on its own (groups and comments as stored).
    static AcceptanceReport acceptanceModel(Engine& engine, Millis now);

    /// Composes and renders a per-meeting model read before: needs nothing of the engine, so
    /// the server runs the returned function on its report thread, off the writer's path.
    static std::function<std::string()> conferenceRenderer(ConferenceReport model, Millis now,
                                                           DocumentFormat format);

    /// The per-meeting synthesis as PDF or DOCX bytes (the same composed blocks).
    static std::string conferenceDocument(Engine& engine, std::int64_t conferenceId, Millis now,
                                          DocumentFormat format);
    /// The combined synthesis as PDF or DOCX bytes.
    static std::string combinedDocument(Engine& engine, Millis now, DocumentFormat format);
    /// The acceptance table as PDF or DOCX bytes.
    static std::string acceptanceDocument(Engine& engine, Millis now, DocumentFormat format);

    /// The per-meeting synthesis as PDF bytes.
    static std::string conferencePdf(Engine& engine, std::int64_t conferenceId, Millis now);
    /// The combined synthesis as PDF bytes.
    static std::string combinedPdf(Engine& engine, Millis now);
};

}  // namespace gopy::server::report
