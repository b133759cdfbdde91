// The server's domain core: admission, authentication, applying operations exactly once,
// and answering subscriptions. Synchronous, single-threaded: the net layer calls it from
// one writer strand only (SQLite has one writer). No Asio here.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"
#include "gopy/protocol.h"
#include "server/intake/campaign_file.h"
#include "server/intake/draft_import.h"
#include "server/intake/grassroots_import.h"
#include "server/intake/outline_diff.h"
#include "server/intake/participant_import.h"
#include "server/intake/public_import.h"
#include "server/store/oplog_table.h"

namespace gopy::server {

class Store;

/// Today's date in Hà Nội (UTC+7) as "YYYY-MM-DD", for the dashboard.
std::string hanoiToday();

/// A device that has been admitted and presented its token.
struct Device {
    std::string id;
    std::string name;
    Role role = Role::Delegate;
    std::int64_t conferenceId = 0;  ///< 0: every conference
    std::int64_t organisationId = 0;  ///< grassroots role: the organisation it reports for
    bool operator==(const Device&) const = default;
};

/// Outcome of one operation. Exactly one of ack / nack is set. `event` is set when the
/// operation changed state and must be broadcast (not for duplicates).
struct ApplyResult {
    std::optional<proto::Ack> ack;
    std::optional<proto::Nack> nack;
    std::optional<proto::Event> event;
    /// Other conferences the event must reach besides event->conferenceId (it changed comments
    /// of theirs: comment.assign, group.set, acceptance.set). Deliver with eventFor().
    std::vector<std::int64_t> routedTo;
    /// The conference whose session this op ended (a committed session.end), else 0: the
    /// server then produces that conference's synthesis (server/net/writer.cpp).
    std::int64_t endedSession = 0;
};

/// The event as the subscribers of `conferenceId` receive it (live and on catch-up):
/// conferenceId set to that conference, and `comments` limited to that conference's comments.
proto::Event eventFor(const proto::Event& event, std::int64_t conferenceId);

struct AdmitResult {
    std::optional<proto::Welcome> welcome;  ///< with token
    std::optional<proto::Error> error;      ///< BadCode or Locked
};

class Engine {
public:
    /// Opens (creating if needed) the database file and migrates it to the current schema.
    /// Throws store::Error (see store/errors.h) when the file cannot be opened or is locked.
    explicit Engine(const std::string& databasePath);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// Organiser: creates a one-time admission code (8 characters, shown "ABCD-EFGH") bound to
    /// a role and conference (0 = all), valid for `ttlSeconds`. Returns the printable code.
    /// A grassroots code also binds `organisationId` (required, must exist) and the grassroots
    /// channel conference; other roles take no organisation. Refusals throw
    /// std::invalid_argument with a Vietnamese message.
    std::string createAdmissionCode(Role role, std::int64_t conferenceId, int ttlSeconds = 900,
                                    std::int64_t organisationId = 0);

    /// Exchanges a code for a new device and token. `remote` identifies the peer address for
    /// the wrong-guess lock (5 wrong codes lock that address for 5 minutes).
    AdmitResult admit(const proto::Admit& request, const std::string& remote, Millis now);

    /// Checks a token; nullopt if unknown or revoked.
    std::optional<Device> authenticate(const std::string& token);
    /// The Welcome for an authenticated device (without token).
    proto::Welcome welcome(const Device& device);
    void revokeDevice(const std::string& deviceId);
    /// Records that a device connected (admission or hello) from `address`, for the organiser's
    /// `gopy-server devices`. A storage fault is swallowed: seeing a device is not worth
    /// refusing it.
    void recordSeen(const std::string& deviceId, const std::string& address, Millis now);
    /// Appends a record to the audit trail (its own transaction unless one is open). A storage
    /// fault is swallowed: an audit record is never a reason to refuse the action.
    void audit(const std::string& kind, const std::string& deviceId, const std::string& address,
               const std::string& detail, Millis now);
    /// Counts a piece of junk (a malformed frame, a refused hello) in the audit counters.
    void countJunk(const std::string& kind, Millis now);

    /// Snapshot when since == 0 or more than `maxCatchUp` events were missed; else the events
    /// with seq > since for that conference. Nullopt + error if the device may not read it.
    struct SubscribeResult {
        std::optional<proto::Snapshot> snapshot;
        std::optional<proto::Events> events;
        std::optional<proto::Error> error;
    };
    SubscribeResult subscribe(const Device& device, const proto::Subscribe& request,
                              std::size_t maxCatchUp = 2000);
    /// May this device follow the conference (the scope check of subscribe)?
    bool mayFollow(const Device& device, std::int64_t conferenceId) const;

    /// Applies a batch in ONE durable transaction (group commit): each op is checked for role,
    /// exactly-once (client seq), validity, then applied in its own savepoint; the last applied
    /// seq per client is written in the same transaction. Returns one result per op, in order,
    /// only after the commit (synchronous=FULL) succeeded. If the commit fails (disk full,
    /// I/O error), every op in the batch gets a Nack StorageFull and nothing is applied.
    std::vector<ApplyResult> applyBatch(const std::vector<std::pair<Device, proto::OpRequest>>& ops,
                                        Millis now);
    ApplyResult apply(const Device& device, const proto::OpRequest& op, Millis now);

    // ---- reports (written by server/report, served by server/net) ----
    /// Stores a generated document as the next version for that conference (0 = combined
    /// synthesis) and format ("pdf", "docx"), with its SHA-256; older versions stay.
    ReportInfo storeReport(std::int64_t conferenceId, const std::string& format,
                           const std::string& bytes, Millis now);
    /// Newest first. releasedOnly for delegates.
    std::vector<ReportInfo> listReports(std::int64_t conferenceId, bool releasedOnly);
    std::optional<ReportInfo> reportInfo(std::int64_t reportId);
    std::optional<std::string> reportContent(std::int64_t reportId);
    /// May this device download this report (delegates: released and in their scope)?
    bool mayRead(const Device& device, const ReportInfo& report) const;

    /// May this device send typing drafts for the conference (secretaries only)?
    bool mayType(const Device& device, std::int64_t conferenceId) const;

    /// Conferences whose session ended and that have no stored PDF synthesis (its generation
    /// failed or the server stopped before storing it), by id.
    std::vector<std::int64_t> endedWithoutReport();

    // ---- the three channels and the drafting team (issue 5; engine_channels.cpp) ----
    struct DraftImportResult {
        intake::OutlineDiff diff;
        std::vector<Comment> orphaned;  ///< comments whose every section disappeared
    };
    /// Replaces the draft's outline and paragraphs in one transaction. Comments keep their
    /// sections that still exist; a section reported `moved` is renamed to its new code;
    /// vanished sections are dropped from comments. Returns the diff and the comments left
    /// without any section by this import.
    DraftImportResult importDraft(const std::vector<Section>& sections,
                                  const std::vector<intake::DraftParagraph>& paragraphs);
    /// Inserts checked public rows into the public channel's conference;
    /// rows whose dedupe key exists are skipped. `refused` (rows the parser refused) is
    /// copied into the summary. Throws std::runtime_error (Vietnamese) when the campaign has
    /// no public channel.
    /// Rows are committed in chunks (a running server waits at most one chunk for the write
    /// lock); `progress`, if set, is called with the rows handled after each chunk. Each
    /// imported row is logged as a comment.create event of the device "import".
    intake::ImportSummary importPublic(const std::vector<intake::PublicRow>& rows, int refused,
                                       Millis now,
                                       const std::function<void(std::size_t)>& progress = {});
    struct GrassrootsImportResult {
        intake::ImportSummary summary;
        /// Organisations marked reported by this import (they had no report before).
        std::vector<GrassrootsOrganisation> reported;
    };
    /// Inserts checked grassroots rows into the grassroots channel's conference (in chunks,
    /// logged as events, as importPublic); rows whose dedupe key exists are skipped. Every
    /// organisation with at least
    /// one row imported is marked reported at `now` unless it already was. `refused` is copied
    /// into the summary. Throws std::runtime_error (Vietnamese) when the campaign has no
    /// grassroots channel.
    GrassrootsImportResult importGrassroots(const std::vector<intake::GrassrootsRow>& rows,
                                            int refused, Millis now,
                                            const std::function<void(std::size_t)>& progress = {});
    struct ParticipantImportSummary {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int refused = 0;
        bool operator==(const ParticipantImportSummary&) const = default;
    };
    /// Stores the invited delegates of a conference (one transaction). A row matches the
    /// conference's participant with the same name and title (folded for case and diacritics);
    /// else the only one with the same name (its title is updated); else it is added. Added and
    /// changed participants are logged as participant.add events of the device "import" (they
    /// carry the participant's new state, which devices upsert), so a running server pushes
    /// them. Nobody is removed and attendance is kept. `refused` is copied into the summary.
    /// Throws std::runtime_error (Vietnamese) for an unknown conference or a channel's.
    ParticipantImportSummary importParticipants(std::int64_t conferenceId,
                                                const std::vector<intake::ParticipantRow>& rows,
                                                int refused, Millis now);
    /// Comments of every channel with no section, in creation order.
    std::vector<Comment> unassigned();
    /// Suggested groups of near-duplicates per section: comments not yet grouped whose folded
    /// texts share word 3-shingles with Jaccard similarity >= threshold. Group ids are empty.
    std::vector<CommentGroup> nearDuplicates(double threshold = 0.5);
    /// The dashboard as of `today` (ISO date): the plan's deadlines with done/due/late, the
    /// grassroots organisations and, for drafting and organiser, unassigned comments and
    /// near-duplicate suggestions.
    proto::Dashboard dashboard(const Device& device, const std::string& today);

    // ---- the read API (engine_read.cpp): the domain state as the report, the demo and the
    // command line read it, with no device and no store. Each call is one consistent read. ----

    /// The campaign as the organiser sees it: letterhead, sections, every conference and the
    /// paragraphs' openings (the device fields of the Welcome are empty).
    proto::Welcome campaignView();
    /// One conference's whole state as the organiser sees it (every PDF report, released or
    /// not); nullopt if there is no such conference.
    std::optional<proto::Snapshot> conferenceView(std::int64_t conferenceId);
    std::optional<Campaign> campaign();
    std::optional<Conference> conference(std::int64_t conferenceId);
    std::vector<Section> sections();
    std::vector<GrassrootsOrganisation> organisations();
    /// The drafting team's groups logged under a conference (0: the campaign-wide ones).
    std::vector<CommentGroup> groups(std::int64_t conferenceId);
    /// A comment by id (deleted ones too when asked).
    std::optional<Comment> comment(const std::string& commentId, bool includeDeleted = false);
    /// The reports of a conference in one format ("pdf", "docx"), newest first.
    std::vector<ReportInfo> reports(std::int64_t conferenceId, bool releasedOnly,
                                    const std::string& format);
    /// The next client seq a device's next operation must carry (its last applied + 1).
    std::int64_t nextClientSeq(const std::string& deviceId);

    /// The newest seq in the operation log.
    std::int64_t logHead();
    /// Up to `limit` logged events with seq > since, oldest first.
    std::vector<store::RoutedEvent> logAfter(std::int64_t since, std::size_t limit);
    /// Every conference an event with seq > since is logged under or routed to.
    std::vector<std::int64_t> conferencesChangedAfter(std::int64_t since);

    /// Creates the campaign of a campaign file (letterhead, conferences, organisations) and,
    /// when given, the draft and the invited delegates, in one transaction. Returns false and
    /// changes nothing when the database already has a campaign.
    bool createCampaign(const intake::CampaignFile& file, const std::vector<Section>& outline = {},
                        const std::vector<intake::DraftParagraph>& paragraphs = {},
                        const std::vector<Participant>& participants = {});

    /// The storage itself, for tests that reach under the engine (a full disk, a forged row).
    /// The product reads and writes only through the API above: nothing outside server/sync
    /// calls it.
    Store& store();

private:
    /// The snapshot of a conference read inside an open read transaction; PDF reports only,
    /// released ones only for a delegate's view.
    proto::Snapshot snapshotOf(const Conference& conference, bool releasedOnly);

    std::unique_ptr<Store> store_;
};

}  // namespace gopy::server
