#include "server/report/report_generator.h"

#include <stdexcept>

#include "server/report/report_builder.h"
#include "server/report/report_composer.h"
#include "server/report/report_renderer.h"
#include "server/sync/engine.h"

namespace gopy::server::report {

namespace {

Device organiser() {
    Device d;
    d.id = "report-generator";
    d.name = "Báo cáo";
    d.role = Role::Organiser;
    d.conferenceId = 0;
    return d;
}

proto::Snapshot snapshotOf(Engine& engine, const Device& device, std::int64_t conferenceId) {
    proto::Subscribe request;
    request.conferenceId = conferenceId;
    request.since = 0;
    Engine::SubscribeResult result = engine.subscribe(device, request);
    if (!result.snapshot) {
        const std::string why = result.error ? result.error->message : std::string("no snapshot");
        throw std::runtime_error("report: cannot read conference " + std::to_string(conferenceId) +
                                 ": " + why);
    }
    return std::move(*result.snapshot);
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

}  // namespace

ConferenceReport ReportGenerator::conferenceModel(Engine& engine, std::int64_t conferenceId,
                                                  Millis now) {
    const Device device = organiser();
    const proto::Welcome welcome = engine.welcome(device);
    bool known = false;
    for (const Conference& c : welcome.conferences) known = known || c.id == conferenceId;
    if (!known)
        throw std::runtime_error("report: no conference with id " + std::to_string(conferenceId));
    return ReportBuilder::conference(welcome, snapshotOf(engine, device, conferenceId), now);
}

CombinedReport ReportGenerator::combinedModel(Engine& engine, Millis now) {
    const Device device = organiser();
    const proto::Welcome welcome = engine.welcome(device);
    std::vector<proto::Snapshot> snapshots;
    snapshots.reserve(welcome.conferences.size());
    for (const Conference& c : welcome.conferences)
        snapshots.push_back(snapshotOf(engine, device, c.id));
    return ReportBuilder::combined(welcome, snapshots, now);
}

std::string ReportGenerator::conferencePdf(Engine& engine, std::int64_t conferenceId, Millis now) {
    const ConferenceReport model = conferenceModel(engine, conferenceId, now);
    const std::string title = "Báo cáo tổng hợp ý kiến góp ý – " + model.conference.title;
    return ReportRenderer::render(ReportComposer::conference(model),
                                  infoFor(model.heading, title, now));
}

std::string ReportGenerator::combinedPdf(Engine& engine, Millis now) {
    const CombinedReport model = combinedModel(engine, now);
    const std::string title = "Báo cáo tổng hợp chung ý kiến góp ý vào " + model.heading.draftTitle;
    return ReportRenderer::render(ReportComposer::combined(model),
                                  infoFor(model.heading, title, now));
}

}  // namespace gopy::server::report
