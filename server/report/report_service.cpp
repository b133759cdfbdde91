#include "server/report/report_service.h"

#include <exception>
#include <memory>
#include <stdexcept>

#include "server/log/event_log.h"
#include "server/report/docx_renderer.h"
#include "server/report/pdf_renderer.h"
#include "server/report/report_builder.h"
#include "server/report/report_composer.h"
#include "server/sync/engine.h"

namespace gopy::server::report {

using log::logEvent;

namespace {

proto::Snapshot snapshotOf(Engine& engine, std::int64_t conferenceId) {
    auto snapshot = engine.conferenceView(conferenceId);
    if (!snapshot)
        throw std::runtime_error("report: no conference with id " + std::to_string(conferenceId));
    return std::move(*snapshot);
}

DocumentInfo infoFor(const Heading& h, const std::string& title, Millis now) {
    DocumentInfo info;
    info.title = title;
    info.author = h.letterhead.issuingBody;
    info.subject = h.draftTitle;
    info.creator = "GopY";
    info.created = now;
    return info;
}

struct CampaignData {
    proto::Welcome welcome;
    std::vector<proto::Snapshot> snapshots;
    ReportBuilder::ChannelData channels;
};

CampaignData campaignData(Engine& engine) {
    CampaignData data;
    data.welcome = engine.campaignView();
    data.snapshots.reserve(data.welcome.conferences.size());
    for (const Conference& c : data.welcome.conferences)
        data.snapshots.push_back(snapshotOf(engine, c.id));
    data.channels.organisations = engine.organisations();
    data.channels.groups = engine.groups(0);
    return data;
}

std::string render(const std::vector<Block>& blocks, const DocumentInfo& info,
                   DocumentFormat format) {
    return format == DocumentFormat::Docx ? DocxRenderer::render(blocks, info)
                                          : PdfRenderer::render(blocks, info);
}

std::function<std::string()> conferenceRenderer(ConferenceReport model, Millis now, DocumentFormat format) {
    auto held = std::make_shared<const ConferenceReport>(std::move(model));
    return [held, now, format] {
        const std::string title = "Báo cáo tổng hợp ý kiến góp ý – " + held->conference.title;
        return render(ReportComposer::conference(*held), infoFor(held->heading, title, now),
                      format);
    };
}

}  // namespace

ConferenceReport conferenceModel(Engine& engine, std::int64_t conferenceId,
                                                  Millis now) {
    // The snapshot first: it throws for an unknown conference.
    proto::Snapshot snapshot = snapshotOf(engine, conferenceId);
    return ReportBuilder::conference(engine.campaignView(), snapshot, now);
}

CombinedReport combinedModel(Engine& engine, Millis now) {
    const CampaignData data = campaignData(engine);
    return ReportBuilder::combined(data.welcome, data.snapshots, now, data.channels);
}

AcceptanceReport acceptanceModel(Engine& engine, Millis now) {
    const CampaignData data = campaignData(engine);
    return ReportBuilder::acceptance(data.welcome, data.snapshots, now, data.channels);
}

std::string conferenceDocument(Engine& engine, std::int64_t conferenceId,
                                                Millis now, DocumentFormat format) {
    return conferenceRenderer(conferenceModel(engine, conferenceId, now), now, format)();
}

std::string combinedDocument(Engine& engine, Millis now, DocumentFormat format) {
    const CombinedReport model = combinedModel(engine, now);
    const std::string title = "Báo cáo tổng hợp chung ý kiến góp ý vào " + model.heading.draftTitle;
    return render(ReportComposer::combined(model), infoFor(model.heading, title, now), format);
}

std::string acceptanceDocument(Engine& engine, Millis now, DocumentFormat format) {
    const AcceptanceReport model = acceptanceModel(engine, now);
    const std::string title =
        "Bảng tổng hợp tiếp thu, giải trình ý kiến góp ý vào " + model.heading.draftTitle;
    return render(ReportComposer::acceptance(model), infoFor(model.heading, title, now), format);
}

std::string formatName(DocumentFormat format) {
    return format == DocumentFormat::Docx ? "docx" : "pdf";
}

ReportInfo generateConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now,
                                    DocumentFormat format) {
    const std::string bytes =
        conferenceDocument(engine, conferenceId, now, format);
    return engine.storeReport(conferenceId, formatName(format), bytes, now);
}

ReportInfo generateCombinedReport(Engine& engine, Millis now, DocumentFormat format) {
    const std::string bytes = combinedDocument(engine, now, format);
    return engine.storeReport(0, formatName(format), bytes, now);
}

PreparedReport prepareConferenceReport(Engine& engine, std::int64_t conferenceId, Millis now,
                                       DocumentFormat format) {
    PreparedReport prepared;
    prepared.conferenceId = conferenceId;
    prepared.format = format;
    prepared.now = now;
    prepared.render = conferenceRenderer(
        conferenceModel(engine, conferenceId, now), now, format);
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
