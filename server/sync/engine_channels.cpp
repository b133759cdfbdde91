// Engine: draft import, public import, the drafting team's work lists and the dashboard.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "gopy/clock.h"
#include "gopy/text.h"
#include "server/intake/field_text.h"
#include "server/store/store.h"
#include "server/sync/engine.h"

namespace gopy::server {
namespace {

std::set<std::string> shingles(const std::string& text) {
    std::istringstream words(text::fold(text));
    std::vector<std::string> tokens;
    std::string word;
    while (words >> word) {
        word.erase(std::remove_if(word.begin(), word.end(),
                                  [](unsigned char c) { return std::ispunct(c) != 0; }),
                   word.end());
        if (!word.empty()) tokens.push_back(word);
    }
    std::set<std::string> out;
    // Short texts compare by their words.
    if (tokens.size() < 3) {
        out.insert(tokens.begin(), tokens.end());
        return out;
    }
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        out.insert(tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2]);
    }
    return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t common = 0;
    for (const auto& s : a) common += b.count(s);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

DeadlineStatus statusOf(bool done, const std::string& due, const std::string& today) {
    if (done) return DeadlineStatus::Done;
    return today > due ? DeadlineStatus::Late : DeadlineStatus::Due;
}

// The day before an ISO date (the plan's "trước 01/7/2025" ends on 30/6).
std::string dayBefore(const std::string& iso) {
    if (iso.size() != 10) return iso;
    int y = std::stoi(iso.substr(0, 4));
    int m = std::stoi(iso.substr(5, 2));
    int d = std::stoi(iso.substr(8, 2)) - 1;
    if (d == 0) {
        static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        m -= 1;
        if (m == 0) {
            m = 12;
            y -= 1;
        }
        d = kDays[m - 1];
        if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) d = 29;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return buffer;
}


}  // namespace

std::string hanoiToday() { return isoHanoiDate(nowMillis()); }

Engine::DraftImportResult Engine::importDraft(const std::vector<Section>& sections,
                                              const std::vector<intake::DraftParagraph>& paragraphs) {
    DraftImportResult result;
    store::Transaction transaction(store_->db());
    result.diff = intake::diffOutline(store_->sections().all(), sections);
    std::map<std::string, std::string> renamed;
    for (const auto& move : result.diff.moved) renamed.emplace(move.from, move.to);
    std::set<std::string> codes;
    for (const Section& s : sections) codes.insert(s.code);
    std::vector<store::ParagraphRow> rows;
    rows.reserve(paragraphs.size());
    for (const auto& p : paragraphs) rows.push_back({p.sectionCode, p.number, p.text});
    store_->draft().replace(sections, rows);
    for (Comment& comment : store_->comments().all()) {
        if (comment.sections.empty()) continue;
        std::vector<std::string> kept;
        for (const auto& code : comment.sections) {
            const auto move = renamed.find(code);
            const std::string now = move != renamed.end() ? move->second : code;
            if (codes.count(now) && std::find(kept.begin(), kept.end(), now) == kept.end()) {
                kept.push_back(now);
            }
        }
        if (kept == comment.sections) continue;
        store_->comments().setSections(comment.id, kept);
        if (kept.empty()) {
            comment.sections.clear();
            result.orphaned.push_back(std::move(comment));
        }
    }
    transaction.commit();
    return result;
}

namespace {

// Imports commit every kImportChunk rows: a running server waits for the write lock at most
// one chunk long (about 0.1 s; see docs/benchmarks.md), and an interrupted import is simply
// run again (rows already in are recognised by their dedupe key).
constexpr std::size_t kImportChunk = 500;

// The device name imported rows are logged under (no device has it: device ids are UUIDs).
constexpr const char* kImportDevice = "import";

// Inserts an imported comment and logs it as a comment.create event, so that a running
// server pushes it to its subscribers and a client catching up "since" receives it.
void insertImported(Store& store, Comment comment, const std::string& dedupeKey, Millis now) {
    const std::int64_t seq = store.oplog().nextSeq();
    store.comments().insert(comment, seq, dedupeKey);
    proto::Event event;
    event.seq = seq;
    event.conferenceId = comment.conferenceId;
    event.at = now;
    event.deviceId = kImportDevice;
    event.comment = comment;
    event.op = proto::CommentCreate{std::move(comment)};
    store.oplog().append(seq, event.conferenceId, kImportDevice, 0, now, proto::encodeEvent(event));
}

// Marks an organisation reported and logs it as a grassroots.report event.
void logReported(Store& store, std::int64_t channel, const GrassrootsOrganisation& organisation,
                 Millis now) {
    const std::int64_t seq = store.oplog().nextSeq();
    store.grassroots().setReported(organisation.id, organisation.reportedAt);
    proto::Event event;
    event.seq = seq;
    event.conferenceId = channel;
    event.at = now;
    event.deviceId = kImportDevice;
    event.op = proto::GrassrootsReport{organisation.id, organisation.reportedAt};
    event.organisation = organisation;
    store.oplog().append(seq, channel, kImportDevice, 0, now, proto::encodeEvent(event));
}

std::int64_t channelConference(Store& store, Channel channel) {
    for (const Conference& c : store.conferences().all()) {
        if (c.channel == channel) return c.id;
    }
    return 0;
}

// Imports the rows whose dedupe key is new: `makeComment(row)` builds each comment, which is
// inserted and logged; commits every kImportChunk rows. `beforeLastCommit`, if set, runs
// inside the last transaction. Counts into `summary` and reports progress after each commit.
template <class Row, class MakeComment>
void importRows(Store& store, const std::vector<Row>& rows, Millis now,
                const std::function<void(std::size_t)>& progress, intake::ImportSummary& summary,
                MakeComment&& makeComment, const std::function<void()>& beforeLastCommit = {}) {
    std::optional<store::Transaction> transaction;
    std::size_t inChunk = 0;
    std::size_t handled = 0;
    for (const Row& row : rows) {
        if (!transaction) transaction.emplace(store.db());
        ++handled;
        if (store.comments().hasDedupeKey(row.dedupeKey)) {
            ++summary.duplicates;
            continue;
        }
        insertImported(store, makeComment(row), row.dedupeKey, now);
        ++summary.imported;
        if (++inChunk == kImportChunk) {
            transaction->commit();
            transaction.reset();
            inChunk = 0;
            if (progress) progress(handled);
        }
    }
    if (beforeLastCommit) {
        if (!transaction) transaction.emplace(store.db());
        beforeLastCommit();
    }
    if (transaction) transaction->commit();
    if (progress) progress(rows.size());
}

}  // namespace

intake::ImportSummary Engine::importPublic(const std::vector<intake::PublicRow>& rows, int refused,
                                           Millis now,
                                           const std::function<void(std::size_t)>& progress) {
    const std::int64_t publicConference = channelConference(*store_, Channel::Public);
    if (publicConference == 0) {
        throw std::runtime_error("Chiến dịch chưa có kênh lấy ý kiến Nhân dân (kênh public)");
    }
    intake::ImportSummary summary;
    summary.refused = refused;
    importRows(*store_, rows, now, progress, summary, [&](const intake::PublicRow& row) {
        Comment c;
        c.id = "pub-" + row.dedupeKey.substr(0, 24);
        c.conferenceId = publicConference;
        c.kind = CommentKind::Other;
        c.text = row.text;
        if (!row.section.empty()) c.sections = {row.section};
        c.rev = 1;
        c.createdAt = row.submittedAt > 0 ? row.submittedAt : now;
        c.updatedAt = now;
        CommentOrigin origin;
        origin.ward = row.ward;
        origin.authorName = row.name;
        origin.contact = row.contact;
        origin.submittedAt = isoHanoi(row.submittedAt);
        origin.outsideWindow = row.outsideWindow;
        c.origin = origin;
        return c;
    });
    return summary;
}

Engine::GrassrootsImportResult Engine::importGrassroots(
    const std::vector<intake::GrassrootsRow>& rows, int refused, Millis now,
    const std::function<void(std::size_t)>& progress) {
    const std::int64_t channel = channelConference(*store_, Channel::Grassroots);
    if (channel == 0) {
        throw std::runtime_error("Chiến dịch chưa có kênh tổ chức cơ sở đảng (kênh grassroots)");
    }
    GrassrootsImportResult result;
    result.summary.refused = refused;
    std::set<std::int64_t> organisations;
    const auto makeComment = [&](const intake::GrassrootsRow& row) {
        Comment c;
        c.id = "grs-" + row.dedupeKey.substr(0, 24);
        c.conferenceId = channel;
        c.kind = row.kind;
        c.text = row.text;
        if (!row.section.empty()) c.sections = {row.section};
        c.rev = 1;
        c.createdAt = now;
        c.updatedAt = now;
        CommentOrigin origin;
        origin.organisationId = row.organisationId;
        c.origin = origin;
        organisations.insert(row.organisationId);
        return c;
    };
    // The organisations last, in the last transaction: a report marked sent has its rows.
    const auto markReported = [&] {
        for (const auto id : organisations) {
            auto organisation = store_->grassroots().get(id);
            if (!organisation || organisation->reportedAt > 0) continue;
            organisation->reportedAt = now;
            logReported(*store_, channel, *organisation, now);
            result.reported.push_back(std::move(*organisation));
        }
    };
    importRows(*store_, rows, now, progress, result.summary, makeComment, markReported);
    return result;
}

Engine::ParticipantImportSummary Engine::importParticipants(
    std::int64_t conferenceId, const std::vector<intake::ParticipantRow>& rows, int refused,
    Millis now) {
    const auto conference = store_->conferences().get(conferenceId);
    if (!conference) {
        throw std::runtime_error("Không có hội nghị số " + std::to_string(conferenceId));
    }
    if (conference->channel != Channel::Conference) {
        throw std::runtime_error("\"" + conference->title +
                                 "\" là một kênh lấy ý kiến, không có danh sách đại biểu mời");
    }
    ParticipantImportSummary summary;
    summary.refused = refused;
    std::vector<Participant> existing = store_->participants().byConference(conferenceId);
    std::vector<bool> matched(existing.size(), false);
    const auto find = [&](const intake::ParticipantRow& row) -> std::optional<std::size_t> {
        const std::string name = text::fold(row.fullName);
        const std::string title = text::fold(row.title);
        std::optional<std::size_t> sameName;
        int sameNameCount = 0;
        for (std::size_t i = 0; i < existing.size(); ++i) {
            if (matched[i] || text::fold(existing[i].fullName) != name) continue;
            if (text::fold(existing[i].title) == title) return i;
            sameName = i;
            ++sameNameCount;
        }
        if (sameNameCount == 1) return sameName;
        return std::nullopt;
    };
    const auto log = [&](const Participant& participant) {
        const std::int64_t seq = store_->oplog().nextSeq();
        proto::Event event;
        event.seq = seq;
        event.conferenceId = conferenceId;
        event.at = now;
        event.deviceId = kImportDevice;
        event.op = proto::ParticipantAdd{participant};
        event.participant = participant;
        store_->oplog().append(seq, conferenceId, kImportDevice, 0, now, proto::encodeEvent(event));
    };
    store::Transaction transaction(store_->db());
    for (const auto& row : rows) {
        if (const auto index = find(row)) {
            matched[*index] = true;
            Participant& p = existing[*index];
            if (p.fullName == row.fullName && p.title == row.title && p.organisation == row.organisation &&
                p.group == row.group) {
                ++summary.unchanged;
                continue;
            }
            p.fullName = row.fullName;
            p.title = row.title;
            p.organisation = row.organisation;
            p.group = row.group;
            store_->participants().update(p);
            log(p);
            ++summary.updated;
            continue;
        }
        Participant p;
        p.id = "p" + std::to_string(conferenceId) + "-" +
               intake::sha256Hex(text::fold(row.fullName) + "|" + text::fold(row.title)).substr(0, 16);
        p.conferenceId = conferenceId;
        p.fullName = row.fullName;
        p.title = row.title;
        p.organisation = row.organisation;
        p.group = row.group;
        store_->participants().insert(p);
        log(p);
        existing.push_back(p);
        matched.push_back(true);
        ++summary.added;
    }
    transaction.commit();
    return summary;
}

std::vector<Comment> Engine::unassigned() {
    std::vector<Comment> out;
    for (Comment& c : store_->comments().all()) {
        if (c.sections.empty()) out.push_back(std::move(c));
    }
    return out;
}

std::vector<CommentGroup> Engine::nearDuplicates(double threshold) {
    std::map<std::string, std::vector<std::pair<std::string, std::set<std::string>>>> bySection;
    for (const Comment& c : store_->comments().all()) {
        if (c.sections.empty() || !store_->groups().groupOf(c.id).empty()) continue;
        bySection[c.sections.front()].emplace_back(c.id, shingles(c.text));
    }
    std::vector<CommentGroup> out;
    for (const Section& section : store_->sections().all()) {
        const auto found = bySection.find(section.code);
        if (found == bySection.end()) continue;
        const auto& items = found->second;
        std::vector<bool> taken(items.size(), false);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (taken[i]) continue;
            CommentGroup group;
            group.section = section.code;
            group.commentIds.push_back(items[i].first);
            for (std::size_t j = i + 1; j < items.size(); ++j) {
                if (!taken[j] && jaccard(items[i].second, items[j].second) >= threshold) {
                    taken[j] = true;
                    group.commentIds.push_back(items[j].first);
                }
            }
            if (group.commentIds.size() > 1) out.push_back(std::move(group));
        }
    }
    return out;
}

proto::Dashboard Engine::dashboard(const Device& device, const std::string& today) {
    proto::Dashboard d;
    d.today = today;
    const auto campaign = store_->campaign().get();
    d.organisations = store_->grassroots().all();
    if (campaign && campaign->synthesisDue.size() == 10) {
        int concluded = 0;
        int conferences = 0;
        for (const Conference& c : store_->conferences().all()) {
            if (c.channel != Channel::Conference) continue;
            ++conferences;
            if (c.state == ConferenceState::Concluded) ++concluded;
        }
        d.deadlines.push_back({"conferences", "Tổ chức các hội nghị lấy ý kiến (quý I–II)",
                               campaign->conferencesFrom, campaign->conferencesTo,
                               statusOf(conferences > 0 && concluded == conferences,
                                        campaign->conferencesTo, today),
                               concluded, conferences});
        d.deadlines.push_back({"public_window", "Lấy ý kiến Nhân dân", campaign->publicFrom,
                               campaign->publicTo,
                               today > campaign->publicTo ? DeadlineStatus::Done
                                                          : DeadlineStatus::Due,
                               0, 0});
        int sent = 0;
        for (const auto& o : d.organisations) sent += o.reportedAt > 0 ? 1 : 0;
        const int total = static_cast<int>(d.organisations.size());
        d.deadlines.push_back({"grassroots", "Báo cáo của tổ chức cơ sở đảng", "",
                               campaign->grassrootsDue,
                               statusOf(total > 0 && sent == total, campaign->grassrootsDue, today),
                               sent, total});
        const std::string synthesisLast = dayBefore(campaign->synthesisDue);
        const bool synthesised = !store_->reports().byConference(0, false).empty();
        d.deadlines.push_back({"synthesis", "Tổng hợp ý kiến, hoàn thành trước " +
                                                 campaign->synthesisDue.substr(8, 2) + "/" +
                                                 campaign->synthesisDue.substr(5, 2) + "/" +
                                                 campaign->synthesisDue.substr(0, 4),
                               "", synthesisLast, statusOf(synthesised, synthesisLast, today), 0,
                               0});
    }
    if (device.role == Role::Drafting || device.role == Role::Organiser) {
        for (const Comment& c : unassigned()) d.unassigned.push_back(c.id);
        d.suggestions = nearDuplicates();
    }
    return d;
}

}  // namespace gopy::server
