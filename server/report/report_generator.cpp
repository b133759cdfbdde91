#include "server/report/report_generator.h"

#include <memory>
#include <stdexcept>

#include "server/report/docx_renderer.h"
#include "server/report/report_builder.h"
#include "server/report/report_composer.h"
#include "server/report/report_renderer.h"
#include "server/sync/engine.h"

namespace gopy::server::report {

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
                                          : ReportRenderer::render(blocks, info);
}

}  // namespace

ConferenceReport ReportGenerator::conferenceModel(Engine& engine, std::int64_t conferenceId,
                                                  Millis now) {
    // The snapshot first: it throws for an unknown conference.
    proto::Snapshot snapshot = snapshotOf(engine, conferenceId);
    return ReportBuilder::conference(engine.campaignView(), snapshot, now);
}

CombinedReport ReportGenerator::combinedModel(Engine& engine, Millis now) {
    const CampaignData data = campaignData(engine);
    return ReportBuilder::combined(data.welcome, data.snapshots, now, data.channels);
}

AcceptanceReport ReportGenerator::acceptanceModel(Engine& engine, Millis now) {
    const CampaignData data = campaignData(engine);
    return ReportBuilder::acceptance(data.welcome, data.snapshots, now, data.channels);
}

std::function<std::string()> ReportGenerator::conferenceRenderer(ConferenceReport model,
                                                                Millis now,
                                                                DocumentFormat format) {
    auto held = std::make_shared<const ConferenceReport>(std::move(model));
    return [held, now, format] {
        const std::string title = "Báo cáo tổng hợp ý kiến góp ý – " + held->conference.title;
        return render(ReportComposer::conference(*held), infoFor(held->heading, title, now),
                      format);
    };
}

std::string ReportGenerator::conferenceDocument(Engine& engine, std::int64_t conferenceId,
                                                Millis now, DocumentFormat format) {
    return conferenceRenderer(conferenceModel(engine, conferenceId, now), now, format)();
}

std::string ReportGenerator::combinedDocument(Engine& engine, Millis now, DocumentFormat format) {
    const CombinedReport model = combinedModel(engine, now);
    const std::string title = "Báo cáo tổng hợp chung ý kiến góp ý vào " + model.heading.draftTitle;
    return render(ReportComposer::combined(model), infoFor(model.heading, title, now), format);
}

std::string ReportGenerator::acceptanceDocument(Engine& engine, Millis now, DocumentFormat format) {
    const AcceptanceReport model = acceptanceModel(engine, now);
    const std::string title =
        "Bảng tổng hợp tiếp thu, giải trình ý kiến góp ý vào " + model.heading.draftTitle;
    return render(ReportComposer::acceptance(model), infoFor(model.heading, title, now), format);
}

std::string ReportGenerator::conferencePdf(Engine& engine, std::int64_t conferenceId, Millis now) {
    return conferenceDocument(engine, conferenceId, now, DocumentFormat::Pdf);
}

std::string ReportGenerator::combinedPdf(Engine& engine, Millis now) {
    return combinedDocument(engine, now, DocumentFormat::Pdf);
}

}  // namespace gopy::server::report
