#include "server/report/report_builder.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "gopy/text.h"
#include "server/report/date_words.h"
#include "server/report/report_composer.h"

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
    if (c.origin && c.origin->organisationId > 0)
        return "organisation:" + std::to_string(c.origin->organisationId);
    if (c.participantId.empty() && c.origin && !c.origin->authorName.empty())
        return "public:" + text::fold(c.origin->authorName) + "|" + text::fold(c.origin->ward);
    return c.participantId.empty() ? "comment:" + c.id : c.participantId;
}

/// "phường Phúc Xá" for a ward name, unless the name already says it.
std::string wardPhrase(const std::string& ward) {
    if (ward.empty()) return {};
    if (text::fold(ward).rfind("phuong ", 0) == 0) return ward;
    return "phường " + ward;
}

CommentEntry entryFor(const Comment& c, const Participant* p, const Outline& outline,
                      std::size_t source, Channel channel) {
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
    e.channel = channel;
    if (channel == Channel::Public && c.origin) {
        // who: the author's name with the ward, or "Nhân dân phường X" when unsigned
        e.ward = c.origin->ward;
        e.submittedAt = c.origin->submittedAt;
        e.outsideWindow = c.origin->outsideWindow;
        if (!c.origin->authorName.empty()) {
            e.speaker = c.origin->authorName;
            e.organisation = wardPhrase(c.origin->ward);
        } else if (p == nullptr) {
            e.speaker = c.origin->ward.empty() ? std::string("Nhân dân")
                                               : "Nhân dân " + wardPhrase(c.origin->ward);
        }
    }
    if (!c.sections.empty() && c.paragraph > 0) {
        e.paragraph = c.paragraph;
        e.paragraphSection = c.sections.front();
    }
    e.acceptance = c.acceptance;
    e.acceptanceNote = c.acceptanceNote;
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

/// "Hội nghị 1: Nguyễn Văn An, Trần Thị Bình; Nhân dân: Nhân dân phường Phúc Xá" for the
/// members of a row, source by source; at most three names per source.
std::string whoOf(const CombinedReport& r, const std::vector<std::size_t>& members) {
    std::vector<std::size_t> sources;
    std::vector<std::vector<std::string>> names;
    for (std::size_t i : members) {
        const CommentEntry& e = r.comments[i];
        auto at = std::find(sources.begin(), sources.end(), e.source);
        if (at == sources.end()) {
            sources.push_back(e.source);
            names.emplace_back();
            at = sources.end() - 1;
        }
        auto& list = names[static_cast<std::size_t>(at - sources.begin())];
        const std::string name = e.speaker.empty() ? std::string("Không ghi tên") : e.speaker;
        if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
    }
    std::vector<std::size_t> order(sources.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return sources[a] < sources[b]; });
    std::string who;
    for (std::size_t k : order) {
        if (!who.empty()) who += "; ";
        if (sources[k] < r.sources.size()) who += r.sources[sources[k]].name + ": ";
        const auto& list = names[k];
        for (std::size_t n = 0; n < list.size() && n < 3; ++n) {
            if (n > 0) who += ", ";
            who += list[n];
        }
        if (list.size() > 3) who += " và " + std::to_string(list.size() - 3) + " người khác";
    }
    return who;
}

/// "Phần I, mục 1 (Phát triển kinh tế), đoạn 2".
std::string locationOf(const Outline& outline, const std::string& code, int paragraph) {
    std::string where = ReportComposer::location(outline.sections, code);
    if (auto it = outline.index.find(code); it != outline.index.end()) {
        const std::string& title = outline.sections[it->second].title;
        if (!title.empty()) where += " (" + title + ")";
    }
    if (paragraph > 0) where += ", đoạn " + std::to_string(paragraph);
    return where;
}

/// The acceptance table: one row per group of the drafting team, one per ungrouped comment
/// that has a section; in the draft's order (section, paragraph, first member's number).
std::vector<AcceptanceRow> acceptanceRows(const CombinedReport& r, const Outline& outline,
                                          const std::vector<CommentGroup>& groups,
                                          ReportBuilder::PendingRows pendingRows) {
    std::unordered_map<std::string, std::size_t> byId;
    byId.reserve(r.comments.size());
    for (std::size_t i = 0; i < r.comments.size(); ++i) byId.emplace(r.comments[i].commentId, i);

    struct Pending {
        std::size_t sectionPos;
        int paragraph;
        std::size_t first;
        AcceptanceRow row;
    };
    std::vector<Pending> rows;
    std::vector<bool> grouped(r.comments.size(), false);
    auto add = [&](const std::vector<std::size_t>& members, std::string code, Acceptance decision,
                   const std::string& reason, const std::string& groupId) {
        const CommentEntry& lead = r.comments[members.front()];
        if (code.empty() || !outline.index.contains(code)) {
            code = lead.sectionCodes.empty() ? std::string() : lead.sectionCodes.front();
        }
        // a paragraph counts when every member points at the same one in this section
        int paragraph = lead.paragraphSection == code ? lead.paragraph : 0;
        for (std::size_t i : members) {
            const CommentEntry& e = r.comments[i];
            if (e.paragraphSection != code || e.paragraph != paragraph) paragraph = 0;
        }
        Pending p;
        const auto pos = outline.index.find(code);
        p.sectionPos = pos == outline.index.end() ? outline.sections.size() : pos->second;
        p.paragraph = paragraph;
        p.first = members.front();
        p.row.location =
            code.empty() ? std::string("Toàn văn Dự thảo") : locationOf(outline, code, paragraph);
        p.row.comment = lead.text;
        if (lead.proposed) p.row.comment += "\nĐề nghị sửa thành: “" + lead.proposed->wording + "”";
        p.row.who = whoOf(r, members);
        p.row.howMany = static_cast<int>(members.size());
        p.row.decision = decision;
        p.row.reason = reason;
        p.row.groupId = groupId;
        rows.push_back(std::move(p));
    };
    for (const CommentGroup& g : groups) {
        std::vector<std::size_t> members;
        for (const std::string& id : g.commentIds) {
            const auto it = byId.find(id);
            if (it == byId.end() || grouped[it->second]) continue;  // deleted, or listed twice
            grouped[it->second] = true;
            members.push_back(it->second);
        }
        if (members.empty()) continue;
        add(members, g.section, g.acceptance, g.explanation, g.id);
    }
    // Unanswered comments counted per section, in the order their sections first appear.
    std::vector<std::pair<std::string, std::vector<std::size_t>>> unanswered;
    for (std::size_t i = 0; i < r.comments.size(); ++i) {
        const CommentEntry& e = r.comments[i];
        if (grouped[i] || e.sectionCodes.empty()) continue;
        if (pendingRows == ReportBuilder::PendingRows::PerSection &&
            e.acceptance == Acceptance::Pending) {
            const std::string& code = e.sectionCodes.front();
            auto at = std::find_if(unanswered.begin(), unanswered.end(),
                                   [&](const auto& u) { return u.first == code; });
            if (at == unanswered.end()) at = unanswered.insert(unanswered.end(), {code, {}});
            at->second.push_back(i);
            continue;
        }
        add({i}, e.sectionCodes.front(), e.acceptance, e.acceptanceNote, {});
    }
    for (const auto& [code, members] : unanswered) {
        if (members.size() == 1) {
            add(members, code, Acceptance::Pending, {}, {});
            continue;
        }
        add(members, code, Acceptance::Pending, {}, {});
        // The row stands for them all: no one comment's text, and no paragraph unless shared.
        AcceptanceRow& row = rows.back().row;
        row.comment = std::to_string(members.size()) + " ý kiến chưa xem xét (toàn văn tại Phần II).";
        row.counted = true;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Pending& a, const Pending& b) {
        return std::tie(a.sectionPos, a.paragraph, a.first) <
               std::tie(b.sectionPos, b.paragraph, b.first);
    });
    std::vector<AcceptanceRow> out;
    out.reserve(rows.size());
    for (Pending& p : rows) {
        p.row.number = static_cast<int>(out.size() + 1);
        out.push_back(std::move(p.row));
    }
    return out;
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
    std::unordered_set<std::string> spoke;
    int ticked = 0;
    for (const Participant& p : snapshot.participants) {
        people.emplace(p.id, &p);
        if (p.present) ++ticked;
    }
    // Whoever took the floor was there, ticked or not.
    for (const Turn& t : snapshot.turns) {
        const auto p = people.find(t.participantId);
        if (t.startedAt > 0 && p != people.end() && !p->second->present && spoke.insert(t.participantId).second) {
            ++ticked;
        }
    }
    r.invited = snapshot.conference.invitedCount.value_or(static_cast<int>(snapshot.participants.size()));
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
        r.comments.push_back(entryFor(c, p == people.end() ? nullptr : p->second, outline, 0,
                                      snapshot.conference.channel));
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
                                       const ChannelData& channels, PendingRows pending) {
    CombinedReport r;
    r.heading = heading(welcome.campaign, now);
    r.campaignTitle = welcome.campaign.title;
    r.publicFrom = welcome.campaign.publicFrom;
    r.publicTo = welcome.campaign.publicTo;
    const Outline outline(welcome.sections);

    std::unordered_map<std::int64_t, const GrassrootsOrganisation*> organisations;
    for (const GrassrootsOrganisation& o : channels.organisations) organisations.emplace(o.id, &o);

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
            SourceInfo src;
            src.conferenceId = conf.id;
            src.channel = channel;
            src.title = conf.title;
            src.date = conf.date;
            src.state = snap != nullptr ? snap->conference.state : conf.state;
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
        SourceInfo& src = r.sources[s];
        std::unordered_map<std::int64_t, int> perOrganisation;
        if (ordered[s] != nullptr) {
            const proto::Snapshot& snap = *ordered[s];
            std::unordered_map<std::string, const Participant*> people;
            people.reserve(snap.participants.size());
            for (const Participant& p : snap.participants) people.emplace(p.id, &p);
            std::unordered_set<std::string> sourceAuthors;
            std::unordered_map<std::string, std::size_t> wardIndex;
            for (const Comment& c : snap.comments) {
                const auto p = people.find(c.participantId);
                CommentEntry e =
                    entryFor(c, p == people.end() ? nullptr : p->second, outline, s, src.channel);
                if (src.channel == Channel::Grassroots && c.origin &&
                    c.origin->organisationId > 0) {
                    // who: the organisation whose congress aggregated the comment
                    ++perOrganisation[c.origin->organisationId];
                    const auto o = organisations.find(c.origin->organisationId);
                    e.speaker =
                        o != organisations.end()
                            ? o->second->name
                            : "Tổ chức cơ sở đảng số " + std::to_string(c.origin->organisationId);
                    e.speakerTitle.clear();
                    e.organisation.clear();
                }
                if (src.channel == Channel::Public) {
                    if (e.outsideWindow) ++src.outsideWindow;
                    const std::string ward =
                        e.ward.empty() ? std::string("(không ghi phường)") : e.ward;
                    auto [it, added] = wardIndex.emplace(ward, src.byWard.size());
                    if (added) src.byWard.emplace_back(ward, 0);
                    ++src.byWard[it->second].second;
                }
                r.comments.push_back(std::move(e));
                authors.push_back(std::to_string(snap.conference.id) + "/" + authorKey(c));
                sourceAuthors.insert(authors.back());
                everyone.insert(authors.back());
                src.counts.add(c.kind);
            }
            src.contributors = static_cast<int>(sourceAuthors.size());
        }
        if (src.channel == Channel::Grassroots) {
            for (const GrassrootsOrganisation& o : channels.organisations) {
                const auto n = perOrganisation.find(o.id);
                src.organisations.push_back(
                    {o.name, o.due, o.reportedAt, n == perOrganisation.end() ? 0 : n->second});
            }
        }
        // the wards with most comments first, then by name
        std::stable_sort(src.byWard.begin(), src.byWard.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    r.contributors = static_cast<int>(everyone.size());
    arrange(r, outline, authors, r.sources.size(), false);
    r.acceptance = acceptanceRows(r, outline, channels.groups, pending);
    return r;
}

AcceptanceReport ReportBuilder::acceptance(const proto::Welcome& welcome,
                                           const std::vector<proto::Snapshot>& snapshots,
                                           Millis now, const ChannelData& channels) {
    CombinedReport combinedReport = combined(welcome, snapshots, now, channels, PendingRows::Each);
    AcceptanceReport r;
    r.heading = std::move(combinedReport.heading);
    r.rows = std::move(combinedReport.acceptance);
    for (const AcceptanceRow& row : r.rows) ++r.byDecision[static_cast<std::size_t>(row.decision)];
    return r;
}

}  // namespace gopy::server::report
