#include "server/report/report_builder.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "server/report/date_words.h"

namespace gopy::server::report {

namespace {

struct Outline {
    std::vector<Section> sections;                       // draft order
    std::unordered_map<std::string, std::size_t> index;  // code -> position in `sections`

    explicit Outline(std::vector<Section> s) : sections(std::move(s)) {
        std::stable_sort(sections.begin(), sections.end(),
                         [](const Section& a, const Section& b) { return a.ord < b.ord; });
        for (std::size_t i = 0; i < sections.size(); ++i) index.emplace(sections[i].code, i);
    }
    /// Known codes of a comment, in draft order.
    std::vector<std::size_t> positions(const std::vector<std::string>& codes) const {
        std::vector<std::size_t> out;
        for (const std::string& c : codes) {
            if (auto it = index.find(c); it != index.end()) out.push_back(it->second);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
};

std::string authorKey(const Comment& c) {
    return c.participantId.empty() ? "comment:" + c.id : c.participantId;
}

CommentEntry entryFor(const Comment& c, const Participant* p, const Outline& outline,
                      std::size_t source) {
    CommentEntry e;
    e.commentId = c.id;
    if (p != nullptr) {
        e.speaker = p->fullName;
        e.speakerTitle = p->title;
        e.organisation = p->organisation;
    }
    e.kind = c.kind;
    e.text = c.text;
    e.proposed = c.proposed;
    e.written = c.written;
    e.flagged = c.flagged;
    for (std::size_t pos : outline.positions(c.sections))
        e.sectionCodes.push_back(outline.sections[pos].code);
    e.source = source;
    return e;
}

/// Orders comments as the report reads: whole-draft comments first, then section by section
/// in the draft's order and, inside a section, by kind; recommendations last (part III).
/// Fills numbers, the general list, section groups and the recommendation list.
template <typename Report>
void arrange(Report& report, const Outline& outline, std::vector<std::string>& authors,
             std::size_t sourceCount, bool recommendationsApart) {
    const std::size_t n = report.comments.size();
    std::vector<std::size_t> firstPos(n, std::numeric_limits<std::size_t>::max());
    for (std::size_t i = 0; i < n; ++i) {
        const auto& codes = report.comments[i].sectionCodes;
        if (!codes.empty()) firstPos[i] = outline.index.at(codes.front());
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](std::size_t i) {
        const CommentEntry& e = report.comments[i];
        const bool apart = recommendationsApart && e.kind == CommentKind::Recommendation;
        // general comments (no section) sort before every section
        const std::size_t pos =
            firstPos[i] == std::numeric_limits<std::size_t>::max() ? 0 : firstPos[i] + 1;
        return std::make_tuple(apart, pos, static_cast<int>(e.kind), i);
    };
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

    std::vector<CommentEntry> sorted;
    std::vector<std::string> sortedAuthors;
    sorted.reserve(n);
    sortedAuthors.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        sorted.push_back(std::move(report.comments[order[k]]));
        sorted.back().number = static_cast<int>(k + 1);
        sortedAuthors.push_back(std::move(authors[order[k]]));
    }
    report.comments = std::move(sorted);
    authors = std::move(sortedAuthors);

    std::vector<SectionGroup> groups(outline.sections.size());
    std::vector<std::unordered_set<std::string>> groupAuthors(outline.sections.size());
    for (std::size_t i = 0; i < n; ++i) {
        const CommentEntry& e = report.comments[i];
        report.counts.add(e.kind);
        if (e.sectionCodes.empty()) {
            if (!(recommendationsApart && e.kind == CommentKind::Recommendation))
                report.general.push_back(i);
        }
        for (const std::string& code : e.sectionCodes) {
            const std::size_t pos = outline.index.at(code);
            SectionGroup& g = groups[pos];
            g.comments.push_back(i);
            g.counts.add(e.kind);
            if (sourceCount > 0) {
                if (g.bySource.empty()) g.bySource.resize(sourceCount);
                g.bySource[e.source].add(e.kind);
            }
            groupAuthors[pos].insert(authors[i]);
        }
    }
    for (std::size_t pos = 0; pos < groups.size(); ++pos) {
        if (groups[pos].comments.empty()) continue;
        groups[pos].section = outline.sections[pos];
        groups[pos].contributors = static_cast<int>(groupAuthors[pos].size());
        report.sections.push_back(std::move(groups[pos]));
    }
    report.outline = outline.sections;
}

}  // namespace

int KindCounts::total() const { return std::accumulate(byKind.begin(), byKind.end(), 0); }

Heading ReportBuilder::heading(const Campaign& campaign, Millis now) {
    Heading h;
    h.letterhead = campaign.letterhead;
    // The office writes the number in by hand when the report is registered: keep a blank
    // (no-break spaces, which layout does not collapse).
    std::string blank;
    for (int i = 0; i < 8; ++i) blank += "\u00A0";
    h.number = "Số" + blank + "-BC/" + campaign.letterhead.issuingCode;
    h.placeAndDate = placeAndDate(campaign.letterhead.placeName, vietnamDate(now));
    h.draftTitle = campaign.draftTitle;
    h.planNumber = campaign.planNumber;
    return h;
}

ConferenceReport ReportBuilder::conference(const proto::Welcome& welcome,
                                           const proto::Snapshot& snapshot, Millis now) {
    ConferenceReport r;
    r.heading = heading(welcome.campaign, now);
    r.conference = snapshot.conference;
    r.sessionStart = snapshot.conference.startedAt;
    r.sessionEnd = snapshot.conference.endedAt;
    const Outline outline(welcome.sections);

    std::unordered_map<std::string, const Participant*> people;
    int ticked = 0;
    for (const Participant& p : snapshot.participants) {
        people.emplace(p.id, &p);
        if (p.present) ++ticked;
    }
    r.invited = static_cast<int>(snapshot.participants.size());
    r.present = std::max(ticked, snapshot.conference.presentCount.value_or(0));

    // speakers in the order they first took the floor
    std::unordered_map<std::string, std::size_t> speakerIndex;
    std::vector<const Turn*> turns;
    for (const Turn& t : snapshot.turns) {
        if (t.startedAt > 0) turns.push_back(&t);
    }
    std::stable_sort(turns.begin(), turns.end(),
                     [](const Turn* a, const Turn* b) { return a->startedAt < b->startedAt; });
    auto speakerFor = [&](const std::string& participantId) -> SpeakerEntry& {
        auto [it, added] = speakerIndex.emplace(participantId, r.speakerList.size());
        if (added) {
            SpeakerEntry s;
            s.participantId = participantId;
            if (auto p = people.find(participantId); p != people.end()) {
                s.name = p->second->fullName;
                s.title = p->second->title;
                s.organisation = p->second->organisation;
            }
            r.speakerList.push_back(std::move(s));
        }
        return r.speakerList[it->second];
    };
    for (const Turn* t : turns) {
        SpeakerEntry& s = speakerFor(t->participantId);
        s.spoke = true;
        ++s.turns;
        const Millis end = t->endedAt > t->startedAt ? t->endedAt
                           : snapshot.conference.endedAt > t->startedAt
                               ? snapshot.conference.endedAt
                               : t->startedAt;
        s.spokenMs += end - t->startedAt;
    }

    std::vector<std::string> authors;
    std::unordered_set<std::string> contributors, agreeing, writtenAuthors;
    for (const Comment& c : snapshot.comments) {
        const auto p = people.find(c.participantId);
        r.comments.push_back(entryFor(c, p == people.end() ? nullptr : p->second, outline, 0));
        authors.push_back(authorKey(c));
        contributors.insert(authors.back());
        if (c.kind == CommentKind::Agreement) agreeing.insert(authors.back());
        if (c.written) {
            ++r.writtenSubmissions;
            writtenAuthors.insert(authors.back());
        }
        if (!c.participantId.empty()) {
            SpeakerEntry& s = speakerFor(c.participantId);
            ++s.comments;
            if (!c.written) s.spoke = true;
        }
    }
    // people who only handed in paper go after those who spoke
    std::stable_partition(r.speakerList.begin(), r.speakerList.end(),
                          [](const SpeakerEntry& s) { return s.spoke; });
    r.speakers = static_cast<int>(std::count_if(r.speakerList.begin(), r.speakerList.end(),
                                                [](const SpeakerEntry& s) { return s.spoke; }));
    r.writtenAuthors = static_cast<int>(writtenAuthors.size());
    r.contributors = static_cast<int>(contributors.size());
    r.agreeing = static_cast<int>(agreeing.size());

    arrange(r, outline, authors, 0, true);
    for (std::size_t i = 0; i < r.comments.size(); ++i) {
        if (r.comments[i].kind == CommentKind::Recommendation) r.recommendations.push_back(i);
    }
    return r;
}

CombinedReport ReportBuilder::combined(const proto::Welcome& welcome,
                                       const std::vector<proto::Snapshot>& snapshots, Millis now,
                                       std::vector<AcceptanceRow> acceptance) {
    CombinedReport r;
    r.heading = heading(welcome.campaign, now);
    r.campaignTitle = welcome.campaign.title;
    r.acceptance = std::move(acceptance);
    const Outline outline(welcome.sections);

    // sources: conferences in the campaign's order, then the public, then grassroots
    std::vector<const proto::Snapshot*> ordered;
    for (Channel channel : {Channel::Conference, Channel::Public, Channel::Grassroots}) {
        int conferenceNumber = 0;
        for (const Conference& conf : welcome.conferences) {
            if (conf.channel != channel) continue;
            ++conferenceNumber;
            const proto::Snapshot* snap = nullptr;
            for (const proto::Snapshot& s : snapshots) {
                if (s.conference.id == conf.id) snap = &s;
            }
            const bool hasComments = snap != nullptr && !snap->comments.empty();
            if (channel != Channel::Conference && !hasComments) continue;
            SourceInfo src;
            src.conferenceId = conf.id;
            src.channel = channel;
            src.title = conf.title;
            src.name = channel == Channel::Conference
                           ? "Hội nghị " + std::to_string(conferenceNumber)
                       : channel == Channel::Public ? std::string("Nhân dân")
                                                    : std::string("Tổ chức cơ sở đảng");
            r.sources.push_back(std::move(src));
            ordered.push_back(snap);
        }
    }

    std::vector<std::string> authors;
    std::unordered_set<std::string> everyone;
    for (std::size_t s = 0; s < ordered.size(); ++s) {
        if (ordered[s] == nullptr) continue;
        const proto::Snapshot& snap = *ordered[s];
        std::unordered_map<std::string, const Participant*> people;
        people.reserve(snap.participants.size());
        for (const Participant& p : snap.participants) people.emplace(p.id, &p);
        std::unordered_set<std::string> sourceAuthors;
        for (const Comment& c : snap.comments) {
            const auto p = people.find(c.participantId);
            r.comments.push_back(entryFor(c, p == people.end() ? nullptr : p->second, outline, s));
            authors.push_back(std::to_string(snap.conference.id) + "/" + authorKey(c));
            sourceAuthors.insert(authors.back());
            everyone.insert(authors.back());
            r.sources[s].counts.add(c.kind);
        }
        r.sources[s].contributors = static_cast<int>(sourceAuthors.size());
    }
    r.contributors = static_cast<int>(everyone.size());
    arrange(r, outline, authors, r.sources.size(), false);
    return r;
}

}  // namespace gopy::server::report
