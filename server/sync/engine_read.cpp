// The Engine's read API and the campaign's creation: what the report, the demo and the
// command line need of the domain state, each answer read in one transaction.
#include <optional>

#include "gopy/text.h"
#include "server/store/store.h"
#include "server/store/transaction.h"
#include "server/sync/engine.h"

namespace gopy::server {
namespace {

/// A read transaction for one consistent view, unless the caller already holds one (an
/// apply in progress reading back, a test's own transaction).
class ReadScope {
public:
    explicit ReadScope(Store& store) {
        if (!store.db().inTransaction())
            read_.emplace(store.db(), store::Transaction::Mode::Deferred);
    }

private:
    std::optional<store::Transaction> read_;
};

}  // namespace

proto::Welcome Engine::campaignView() {
    proto::Welcome w;
    w.serverVersion = GOPY_VERSION;
    const ReadScope read(*store_);
    w.campaign = store_->campaign().get().value_or(Campaign{});
    w.sections = store_->sections().all();
    w.conferences = store_->conferences().all();
    // Only the first words travel: enough to pick a paragraph, small enough for a big draft.
    const auto paragraphs = store_->draft().all();
    w.paragraphs.reserve(paragraphs.size());
    for (const auto& p : paragraphs) {
        w.paragraphs.push_back({p.sectionCode, p.number, text::opening(p.text)});
    }
    return w;
}

proto::Snapshot Engine::snapshotOf(const Conference& conference, bool releasedOnly) {
    proto::Snapshot snapshot;
    snapshot.head = store_->oplog().head();
    snapshot.conference = conference;
    snapshot.participants = store_->participants().byConference(conference.id);
    snapshot.turns = store_->turns().byConference(conference.id);
    snapshot.comments = store_->comments().byConference(conference.id);
    snapshot.conflicts = store_->comments().unresolvedConflicts(conference.id);
    snapshot.groups = store_->groups().touching(conference.id);
    // Devices show reports in a PDF viewer: the DOCX versions (for the office, written by
    // `gopy-server report --format docx`) are not listed.
    snapshot.reports = store_->reports().byConference(conference.id, releasedOnly, "pdf");
    return snapshot;
}

std::optional<proto::Snapshot> Engine::conferenceView(std::int64_t conferenceId) {
    const ReadScope read(*store_);
    const auto found = store_->conferences().get(conferenceId);
    if (!found) return std::nullopt;
    return snapshotOf(*found, false);
}

std::optional<Campaign> Engine::campaign() { return store_->campaign().get(); }

std::optional<Conference> Engine::conference(std::int64_t conferenceId) {
    return store_->conferences().get(conferenceId);
}

std::vector<Section> Engine::sections() { return store_->sections().all(); }

std::vector<GrassrootsOrganisation> Engine::organisations() { return store_->grassroots().all(); }

std::vector<CommentGroup> Engine::groups(std::int64_t conferenceId) {
    return store_->groups().byConference(conferenceId);
}

std::optional<Comment> Engine::comment(const std::string& commentId, bool includeDeleted) {
    return store_->comments().get(commentId, includeDeleted);
}

std::vector<ReportInfo> Engine::reports(std::int64_t conferenceId, bool releasedOnly,
                                        const std::string& format) {
    return store_->reports().byConference(conferenceId, releasedOnly, format);
}

std::int64_t Engine::nextClientSeq(const std::string& deviceId) {
    return store_->clientSeqs().get(deviceId).lastSeq + 1;
}

std::int64_t Engine::logHead() { return store_->oplog().head(); }

std::vector<store::RoutedEvent> Engine::logAfter(std::int64_t since, std::size_t limit) {
    return store_->oplog().after(since, limit);
}

std::vector<std::int64_t> Engine::conferencesChangedAfter(std::int64_t since) {
    return store_->oplog().conferencesAfter(since);
}

bool Engine::createCampaign(const intake::CampaignFile& file, const std::vector<Section>& outline,
                            const std::vector<intake::DraftParagraph>& paragraphs,
                            const std::vector<Participant>& participants) {
    store::Transaction transaction(store_->db());
    if (store_->campaign().get()) return false;
    store_->campaign().put(file.campaign);
    if (!outline.empty()) {
        std::vector<store::ParagraphRow> rows;
        rows.reserve(paragraphs.size());
        for (const auto& p : paragraphs) rows.push_back({p.sectionCode, p.number, p.text});
        store_->draft().replace(outline, rows);
    }
    for (const Conference& conference : file.conferences) store_->conferences().insert(conference);
    for (const auto& organisation : file.organisations) store_->grassroots().insert(organisation);
    for (const Participant& participant : participants) store_->participants().insert(participant);
    transaction.commit();
    return true;
}

}  // namespace gopy::server
