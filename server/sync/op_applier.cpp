#include "server/sync/op_applier.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <variant>

#include "gopy/limits.h"
#include "gopy/text.h"
#include "server/store/store.h"
#include "server/sync/permissions.h"

namespace gopy::server {
namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n\f\v");
    return std::string(text.substr(first, last - first + 1));
}

void nfcInPlace(std::string& text) { text = text::nfc(text); }

void nfcInPlace(std::optional<ProposedWording>& proposed) {
    if (!proposed) return;
    nfcInPlace(proposed->wording);
    nfcInPlace(proposed->location);
}

void nfcInPlace(std::vector<std::string>& items) {
    for (auto& item : items) nfcInPlace(item);
}

// Every text that reaches the database is NFC, whatever the caller sent.
proto::Operation normalised(proto::Operation op) {
    std::visit(
        [](auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, proto::AttendanceSet>) {
                nfcInPlace(o.participantId);
            } else if constexpr (std::is_same_v<T, proto::ParticipantAdd>) {
                nfcInPlace(o.participant.id);
                nfcInPlace(o.participant.fullName);
                nfcInPlace(o.participant.title);
                nfcInPlace(o.participant.organisation);
                nfcInPlace(o.participant.group);
            } else if constexpr (std::is_same_v<T, proto::QueueAdd>) {
                nfcInPlace(o.turnId);
                nfcInPlace(o.participantId);
            } else if constexpr (std::is_same_v<T, proto::QueueMove> ||
                                 std::is_same_v<T, proto::QueueRemove> ||
                                 std::is_same_v<T, proto::TurnStart> ||
                                 std::is_same_v<T, proto::TurnStop>) {
                nfcInPlace(o.turnId);
            } else if constexpr (std::is_same_v<T, proto::CommentCreate>) {
                nfcInPlace(o.comment.id);
                nfcInPlace(o.comment.participantId);
                nfcInPlace(o.comment.turnId);
                nfcInPlace(o.comment.sections);
                nfcInPlace(o.comment.text);
                nfcInPlace(o.comment.proposed);
                if (o.comment.origin) {
                    nfcInPlace(o.comment.origin->ward);
                    nfcInPlace(o.comment.origin->authorName);
                    nfcInPlace(o.comment.origin->contact);
                    nfcInPlace(o.comment.origin->submittedAt);
                }
                nfcInPlace(o.comment.acceptanceNote);
            } else if constexpr (std::is_same_v<T, proto::CommentUpdate>) {
                nfcInPlace(o.commentId);
                nfcInPlace(o.text);
                nfcInPlace(o.sections);
                nfcInPlace(o.proposed);
            } else if constexpr (std::is_same_v<T, proto::CommentDelete> ||
                                 std::is_same_v<T, proto::CommentFlag>) {
                nfcInPlace(o.commentId);
            } else if constexpr (std::is_same_v<T, proto::CommentAssign>) {
                nfcInPlace(o.commentIds);
                nfcInPlace(o.sections);
            } else if constexpr (std::is_same_v<T, proto::GroupSet>) {
                nfcInPlace(o.groupId);
                nfcInPlace(o.section);
                nfcInPlace(o.commentIds);
            } else if constexpr (std::is_same_v<T, proto::AcceptanceSet>) {
                nfcInPlace(o.groupId);
                nfcInPlace(o.commentId);
                nfcInPlace(o.explanation);
            }
        },
        op);
    return op;
}

bool validKind(CommentKind kind) {
    const auto value = static_cast<int>(kind);
    return value >= static_cast<int>(CommentKind::Agreement) &&
           value <= static_cast<int>(CommentKind::Other);
}

std::vector<std::string> distinct(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
    return out;
}

// One operation being applied: the store, who sent it, and the event being built.
class Run {
public:
    Run(Store& store, const Device& device, const proto::OpRequest& request, Millis now,
        std::int64_t seq)
        : store_(store), device_(device), request_(request), now_(now) {
        event_.seq = seq;
        event_.conferenceId = request.conferenceId;
        event_.at = now;
        event_.deviceId = device.id;
    }

    OpApplier::Outcome run() {
        const proto::Operation op = normalised(request_.op);
        event_.op = op;
        if (!permissions::mayApply(device_.role, op)) {
            return refuse(proto::ErrorCode::Forbidden,
                          "Vai trò " + permissions::roleLabel(device_.role) +
                              " không được phép thực hiện thao tác " +
                              std::string(proto::kindName(op)));
        }
        if (device_.role == Role::Grassroots && device_.organisationId <= 0) {
            // Admitted before devices were bound to their organisation: it speaks for no one.
            return refuse(proto::ErrorCode::Forbidden,
                          "Thiết bị báo cáo viên cơ sở này chưa gắn với tổ chức cơ sở đảng nào; "
                          "hãy xin mã kết nạp mới");
        }
        if (const auto* release = std::get_if<proto::ReportRelease>(&op)) {
            return reportRelease(*release);
        }
        if (!permissions::inScope(device_.conferenceId, request_.conferenceId)) {
            return refuse(proto::ErrorCode::Forbidden,
                          "Thiết bị này chỉ được ghi cho hội nghị số " +
                              std::to_string(device_.conferenceId));
        }
        auto conference = store_.conferences().get(request_.conferenceId);
        if (!conference) {
            return refuse(proto::ErrorCode::NotFound,
                          "Không tìm thấy hội nghị số " + std::to_string(request_.conferenceId));
        }
        conference_ = *conference;
        return std::visit([this](const auto& o) { return on(o); }, op);
    }

private:
    using Outcome = OpApplier::Outcome;

    Outcome refuse(proto::ErrorCode code, std::string message) {
        Outcome outcome;
        outcome.refusal = proto::Nack{request_.clientSeq, code, std::move(message), 0};
        return outcome;
    }

    Outcome done() {
        Outcome outcome;
        touched_.erase(event_.conferenceId);
        outcome.routedTo.assign(touched_.begin(), touched_.end());
        outcome.event = std::move(event_);
        return outcome;
    }

    // Remembers the conferences of these comments (deleted ones included): the event goes to
    // their subscribers too.
    void touch(const std::vector<std::string>& commentIds) {
        for (const auto& id : commentIds) {
            if (const auto comment = store_.comments().get(id, true)) {
                touched_.insert(comment->conferenceId);
            }
        }
    }

    // A group's members before and after a change, and the groups its new members leave.
    void touchGroup(const std::string& groupId, const std::vector<std::string>& newMembers) {
        if (const auto before = store_.groups().get(groupId)) touch(before->commentIds);
        touch(newMembers);
        for (const auto& id : newMembers) {
            const std::string left = store_.groups().groupOf(id);
            if (left.empty() || left == groupId) continue;
            if (const auto other = store_.groups().get(left)) touch(other->commentIds);
        }
    }

    [[nodiscard]] Millis timeOr(Millis at) const { return at > 0 ? at : now_; }

    std::optional<Participant> participantHere(const std::string& id) {
        auto participant = store_.participants().get(id);
        if (!participant || participant->conferenceId != conference_.id) return std::nullopt;
        return participant;
    }

    std::optional<Turn> turnHere(const std::string& id) {
        auto turn = store_.turns().get(id);
        if (!turn || turn->conferenceId != conference_.id) return std::nullopt;
        return turn;
    }

    std::optional<Comment> commentHere(const std::string& id) {
        auto comment = store_.comments().get(id);
        if (!comment || comment->conferenceId != conference_.id) return std::nullopt;
        return comment;
    }

    // A grassroots reporter acts only for its own organisation; other roles are not limited.
    [[nodiscard]] bool ownOrganisation(const Comment& comment) const {
        if (device_.role != Role::Grassroots) return true;
        return comment.origin && comment.origin->organisationId == device_.organisationId;
    }

    [[nodiscard]] std::string otherOrganisation() const {
        return "Báo cáo viên cơ sở chỉ được ghi, sửa, xóa ý kiến và gửi báo cáo của tổ chức "
               "mình (tổ chức số " +
               std::to_string(device_.organisationId) + ")";
    }

    Outcome turnNotFound(const std::string& id) {
        return refuse(proto::ErrorCode::NotFound,
                      "Không tìm thấy lượt phát biểu " + id + " trong hội nghị này");
    }

    Outcome commentNotFound(const std::string& id) {
        return refuse(proto::ErrorCode::NotFound,
                      "Không tìm thấy ý kiến " + id + " (có thể đã bị xóa)");
    }

    // Empty when every section exists; otherwise the refusal.
    std::optional<Outcome> checkSections(const std::vector<std::string>& sections) {
        for (const auto& code : sections) {
            if (!store_.sections().exists(code)) {
                return refuse(proto::ErrorCode::NotFound,
                              "Mục \"" + code + "\" không có trong đề cương dự thảo");
            }
        }
        return std::nullopt;
    }

    // A paragraph number points into the first section: that section must have it.
    std::optional<Outcome> checkParagraph(const std::vector<std::string>& sections, int paragraph) {
        if (paragraph < 0) return refuse(proto::ErrorCode::Invalid, "Số đoạn không hợp lệ");
        if (paragraph == 0) return std::nullopt;
        if (sections.empty()) {
            return refuse(proto::ErrorCode::Invalid, "Số đoạn chỉ ghi khi ý kiến có mục dự thảo");
        }
        if (!store_.draft().has(sections.front(), paragraph)) {
            return refuse(proto::ErrorCode::Invalid, "Mục " + sections.front() +
                                                         " của dự thảo không có đoạn " +
                                                         std::to_string(paragraph));
        }
        return std::nullopt;
    }

    std::optional<Outcome> checkProposed(const std::optional<ProposedWording>& proposed) {
        if (proposed && trimmed(proposed->wording).empty()) {
            return refuse(proto::ErrorCode::Invalid,
                          "Đề nghị sửa đổi phải ghi nguyên văn câu chữ đề xuất");
        }
        if (proposed) {
            if (auto refusal = checkLength("Câu chữ đề xuất", proposed->wording, limits::kProposedWording)) {
                return refusal;
            }
            return checkLength("Vị trí trong dự thảo", proposed->location, limits::kLocation);
        }
        return std::nullopt;
    }

    /// A refusal when `value` is longer than `limit` characters (gopy/limits.h).
    std::optional<Outcome> checkLength(std::string_view what, std::string_view value, std::size_t limit) {
        std::string message = limits::tooLong(what, value, limit);
        if (message.empty()) return std::nullopt;
        return refuse(proto::ErrorCode::Invalid, std::move(message));
    }

    // Stops the conference's speaking turn, if any; returns it as it is now.
    std::optional<Turn> stopSpeaking(Millis at) {
        auto speaking = store_.turns().speaking(conference_.id);
        if (!speaking) return std::nullopt;
        speaking->state = TurnState::Done;
        speaking->endedAt = at;
        store_.turns().update(*speaking);
        return speaking;
    }

    Outcome on(const proto::SessionStart& o) {
        if (conference_.state == ConferenceState::InSession) {
            return refuse(proto::ErrorCode::Invalid, "Hội nghị đã bắt đầu");
        }
        conference_.state = ConferenceState::InSession;
        if (conference_.startedAt == 0) conference_.startedAt = timeOr(o.at);
        conference_.endedAt = 0;
        store_.conferences().update(conference_);
        event_.conference = conference_;
        return done();
    }

    Outcome on(const proto::SessionEnd& o) {
        if (conference_.state != ConferenceState::InSession) {
            return refuse(proto::ErrorCode::Invalid,
                          conference_.state == ConferenceState::Planned
                              ? "Hội nghị chưa bắt đầu"
                              : "Hội nghị đã kết thúc");
        }
        const Millis at = timeOr(o.at);
        event_.turn = stopSpeaking(at);
        conference_.state = ConferenceState::Concluded;
        conference_.endedAt = at;
        store_.conferences().update(conference_);
        event_.conference = conference_;
        Outcome outcome = done();
        outcome.endedConference = conference_.id;
        return outcome;
    }

    Outcome on(const proto::AttendanceSet& o) {
        auto participant = participantHere(o.participantId);
        if (!participant) {
            return refuse(proto::ErrorCode::NotFound,
                          "Không tìm thấy đại biểu " + o.participantId + " trong hội nghị này");
        }
        store_.participants().setPresent(participant->id, o.present);
        participant->present = o.present;
        event_.participant = *participant;
        return done();
    }

    Outcome on(const proto::HeadCount& o) {
        if (o.count < 0 || o.count > 1'000'000) {
            return refuse(proto::ErrorCode::Invalid, "Số đại biểu có mặt không hợp lệ");
        }
        conference_.presentCount = o.count;
        store_.conferences().update(conference_);
        event_.conference = conference_;
        return done();
    }

    Outcome on(const proto::ParticipantAdd& o) {
        Participant participant = o.participant;
        participant.id = trimmed(participant.id);
        participant.fullName = trimmed(participant.fullName);
        participant.conferenceId = conference_.id;
        if (participant.id.empty()) {
            return refuse(proto::ErrorCode::Invalid, "Thiếu mã đại biểu");
        }
        if (participant.fullName.empty()) {
            return refuse(proto::ErrorCode::Invalid, "Họ và tên đại biểu không được để trống");
        }
        for (const auto& [what, value, limit] :
             {std::tuple{"Họ và tên đại biểu", std::string_view(participant.fullName), limits::kName},
              std::tuple{"Chức danh", std::string_view(participant.title), limits::kTitle},
              std::tuple{"Cơ quan, đơn vị", std::string_view(participant.organisation), limits::kTitle},
              std::tuple{"Nhóm", std::string_view(participant.group), limits::kTitle},
              std::tuple{"Mã đại biểu", std::string_view(participant.id), limits::kName}}) {
            if (auto refusal = checkLength(what, value, limit)) return std::move(*refusal);
        }
        if (store_.participants().get(participant.id)) {
            return refuse(proto::ErrorCode::Invalid,
                          "Mã đại biểu " + participant.id + " đã tồn tại");
        }
        store_.participants().insert(participant);
        event_.participant = participant;
        return done();
    }

    Outcome on(const proto::QueueAdd& o) {
        if (o.turnId.empty()) return refuse(proto::ErrorCode::Invalid, "Thiếu mã lượt phát biểu");
        if (!std::isfinite(o.position)) {
            return refuse(proto::ErrorCode::Invalid, "Vị trí trong danh sách không hợp lệ");
        }
        if (store_.turns().get(o.turnId)) {
            return refuse(proto::ErrorCode::Invalid, "Lượt phát biểu " + o.turnId + " đã có");
        }
        if (!participantHere(o.participantId)) {
            return refuse(proto::ErrorCode::NotFound,
                          "Không tìm thấy đại biểu " + o.participantId + " trong hội nghị này");
        }
        Turn turn;
        turn.id = o.turnId;
        turn.conferenceId = conference_.id;
        turn.participantId = o.participantId;
        turn.position = o.position;
        turn.state = TurnState::Waiting;
        store_.turns().insert(turn);
        event_.turn = turn;
        return done();
    }

    Outcome on(const proto::QueueMove& o) {
        auto turn = turnHere(o.turnId);
        if (!turn) return turnNotFound(o.turnId);
        if (!std::isfinite(o.position)) {
            return refuse(proto::ErrorCode::Invalid, "Vị trí trong danh sách không hợp lệ");
        }
        turn->position = o.position;
        store_.turns().update(*turn);
        event_.turn = *turn;
        return done();
    }

    Outcome on(const proto::QueueRemove& o) {
        auto turn = turnHere(o.turnId);
        if (!turn) return turnNotFound(o.turnId);
        if (turn->state != TurnState::Waiting) {
            return refuse(proto::ErrorCode::Invalid,
                          "Chỉ rút được lượt đang chờ; lượt này đã phát biểu");
        }
        store_.turns().remove(turn->id);
        event_.removedTurnId = turn->id;
        return done();
    }

    Outcome on(const proto::TurnStart& o) {
        auto turn = turnHere(o.turnId);
        if (!turn) return turnNotFound(o.turnId);
        if (turn->state == TurnState::Speaking) {
            return refuse(proto::ErrorCode::Invalid, "Đại biểu này đang phát biểu");
        }
        if (turn->state == TurnState::Done) {
            return refuse(proto::ErrorCode::Invalid, "Lượt phát biểu này đã kết thúc");
        }
        const Millis at = timeOr(o.at);
        // One speaker at a time: the current one is stopped when the next one starts;
        // clients mark any other speaking turn of the conference done at this turn's start.
        stopSpeaking(at);
        turn->state = TurnState::Speaking;
        turn->startedAt = at;
        turn->endedAt = 0;
        store_.turns().update(*turn);
        event_.turn = *turn;
        return done();
    }

    Outcome on(const proto::TurnStop& o) {
        auto turn = turnHere(o.turnId);
        if (!turn) return turnNotFound(o.turnId);
        if (turn->state != TurnState::Speaking) {
            return refuse(proto::ErrorCode::Invalid, "Đại biểu này không đang phát biểu");
        }
        turn->state = TurnState::Done;
        turn->endedAt = timeOr(o.at);
        store_.turns().update(*turn);
        event_.turn = *turn;
        return done();
    }

    Outcome on(const proto::CommentCreate& o) {
        Comment comment = o.comment;
        if (device_.role == Role::Grassroots) {
            if (conference_.channel != Channel::Grassroots) {
                return refuse(proto::ErrorCode::Forbidden,
                              "Báo cáo viên cơ sở chỉ ghi ý kiến vào kênh tổ chức cơ sở đảng");
            }
            // The device's organisation is the only one it may write for; a client that
            // leaves the organisation out gets it filled in.
            if (!comment.origin) comment.origin = CommentOrigin{};
            if (comment.origin->organisationId == 0) {
                comment.origin->organisationId = device_.organisationId;
            }
            if (comment.origin->organisationId != device_.organisationId) {
                return refuse(proto::ErrorCode::Forbidden, otherOrganisation());
            }
            if (!store_.grassroots().get(comment.origin->organisationId)) {
                return refuse(proto::ErrorCode::Invalid,
                              "Ý kiến của tổ chức cơ sở đảng phải ghi tổ chức gửi");
            }
        }
        comment.id = trimmed(comment.id);
        comment.conferenceId = conference_.id;
        comment.text = trimmed(comment.text);
        comment.sections = distinct(comment.sections);
        if (comment.id.empty()) return refuse(proto::ErrorCode::Invalid, "Thiếu mã ý kiến");
        if (comment.text.empty()) {
            return refuse(proto::ErrorCode::Invalid, "Nội dung ý kiến không được để trống");
        }
        if (auto refusal = checkLength("Nội dung ý kiến", comment.text, limits::kCommentText)) {
            return std::move(*refusal);
        }
        if (auto refusal = checkLength("Mã ý kiến", comment.id, limits::kName)) return std::move(*refusal);
        if (!validKind(comment.kind)) {
            return refuse(proto::ErrorCode::Invalid, "Loại ý kiến không hợp lệ");
        }
        if (store_.comments().get(comment.id, true)) {
            return refuse(proto::ErrorCode::Invalid, "Mã ý kiến " + comment.id + " đã tồn tại");
        }
        if (auto refusal = checkSections(comment.sections)) return std::move(*refusal);
        if (auto refusal = checkProposed(comment.proposed)) return std::move(*refusal);
        if (!comment.participantId.empty() && !participantHere(comment.participantId)) {
            return refuse(proto::ErrorCode::NotFound, "Không tìm thấy đại biểu " +
                                                          comment.participantId +
                                                          " trong hội nghị này");
        }
        if (!comment.turnId.empty() && !turnHere(comment.turnId)) {
            return turnNotFound(comment.turnId);
        }
        if (auto refusal = checkParagraph(comment.sections, comment.paragraph)) {
            return std::move(*refusal);
        }
        // Answers are the drafting team's, through acceptance.set.
        comment.acceptance = Acceptance::Pending;
        comment.acceptanceNote.clear();
        comment.rev = 1;
        comment.flagged = false;
        comment.createdAt = timeOr(comment.createdAt);
        comment.updatedAt = comment.createdAt;
        store_.comments().insert(comment, event_.seq);
        event_.comment = comment;
        return done();
    }

    // The classification an update carries, as a conflict keeps it.
    static ConflictFields fieldsOf(const proto::CommentUpdate& o, const std::vector<std::string>& sections,
                                   int paragraph) {
        ConflictFields fields;
        fields.sections = sections;
        fields.kind = o.kind;
        fields.proposed = o.proposed;
        fields.written = o.written;
        fields.paragraph = paragraph;
        return fields;
    }

    // Stores the losing edit of a comment as a conflict row and puts it in the event.
    void keepConflict(const std::string& commentId, const proto::CommentUpdate& o, const std::string& text,
                      ConflictFields fields, std::string reason) {
        CommentConflict conflict;
        conflict.commentId = commentId;
        conflict.baseRev = o.baseRev;
        conflict.text = text;
        conflict.deviceName = device_.name;
        conflict.at = now_;
        conflict.reason = std::move(reason);
        conflict.fields = std::move(fields);
        conflict.id = store_.comments().insertConflict(conflict);
        event_.conflict = std::move(conflict);
    }

    // Checks every field of an update; nullopt when it may be applied.
    std::optional<Outcome> checkUpdate(const proto::CommentUpdate& o, const std::string& text,
                                       const std::vector<std::string>& sections) {
        if (text.empty()) {
            return refuse(proto::ErrorCode::Invalid, "Nội dung ý kiến không được để trống");
        }
        if (auto refusal = checkLength("Nội dung ý kiến", text, limits::kCommentText)) return refusal;
        if (!validKind(o.kind)) return refuse(proto::ErrorCode::Invalid, "Loại ý kiến không hợp lệ");
        if (auto refusal = checkSections(sections)) return refusal;
        if (auto refusal = checkProposed(o.proposed)) return refusal;
        // Only a paragraph the update names is checked: one kept from before stays as it is
        // even if a revised draft no longer has it, so that the text can still be edited.
        if (o.paragraph) {
            if (auto refusal = checkParagraph(sections, *o.paragraph)) return refusal;
        }
        return std::nullopt;
    }

    // Writes every field of the update onto `comment` (the update is current, or a person
    // resolved the conflicts).
    void applyWhole(Comment& comment, const proto::CommentUpdate& o, const std::string& text,
                    const std::vector<std::string>& sections) {
        // The paragraph numbers a paragraph of the first section: unless the update names
        // one, it cannot follow a change of that section. Everything else the update does not
        // carry is kept.
        if (o.paragraph) {
            comment.paragraph = *o.paragraph;
        } else if (sections.empty() || comment.sections.empty() || sections.front() != comment.sections.front()) {
            comment.paragraph = 0;
        }
        comment.text = text;
        comment.sections = sections;
        comment.kind = o.kind;
        comment.proposed = o.proposed;
        comment.written = o.written;
        comment.rev += 1;
        comment.updatedAt = now_;
        store_.comments().update(comment);
    }

    Outcome on(const proto::CommentUpdate& o) {
        auto comment = commentHere(o.commentId);
        const std::string text = trimmed(o.text);
        const auto sections = distinct(o.sections);
        if (!comment) {
            auto gone = store_.comments().get(o.commentId, true);
            if (!gone || gone->conferenceId != conference_.id) return commentNotFound(o.commentId);
            return onDeleted(o, *gone, text, sections);
        }
        if (!ownOrganisation(*comment)) {
            return refuse(proto::ErrorCode::Forbidden, otherOrganisation());
        }
        if (auto refusal = checkUpdate(o, text, sections)) return std::move(*refusal);

        if (o.baseRev != comment->rev) return mergeStale(o, *comment, text, sections);
        applyWhole(*comment, o, text, sections);
        for (const auto id : o.resolves) {
            if (store_.comments().resolveConflict(id, comment->id)) {
                event_.resolvedConflicts.push_back(id);
            }
        }
        event_.comment = *comment;
        return done();
    }

    // An edit of a comment someone deleted meanwhile. Kept whole as a conflict ("deleted"),
    // acknowledged, so nothing typed is lost; an update that resolves such a conflict (a person
    // chose to keep the edit) restores the comment with it.
    Outcome onDeleted(const proto::CommentUpdate& o, Comment gone, const std::string& text,
                      const std::vector<std::string>& sections) {
        if (!ownOrganisation(gone)) return refuse(proto::ErrorCode::Forbidden, otherOrganisation());
        if (auto refusal = checkUpdate(o, text, sections)) return std::move(*refusal);
        std::vector<std::int64_t> resolved;
        for (const auto id : o.resolves) {
            if (store_.comments().resolveConflict(id, gone.id)) resolved.push_back(id);
        }
        if (!resolved.empty()) {
            store_.comments().restore(gone.id, now_);
            applyWhole(gone, o, text, sections);
            event_.resolvedConflicts = std::move(resolved);
            event_.comment = gone;
            return done();
        }
        keepConflict(gone.id, o, text, fieldsOf(o, sections, o.paragraph.value_or(gone.paragraph)), "deleted");
        return done();
    }

    // Lost the race: the edit started from revision o.baseRev, someone else's is committed.
    // Field by field against the revision both started from (the base, from the log): what only
    // this edit changed is applied, what only the winner changed stays, what both changed to
    // different values stays as committed and this edit's value is kept in a conflict row for a
    // person to merge. Without the base (an old log) every differing field is a conflict.
    // Nothing anyone typed or chose is dropped.
    Outcome mergeStale(const proto::CommentUpdate& o, Comment comment, const std::string& text,
                       const std::vector<std::string>& sections) {
        const auto base = store_.comments().atRevision(conference_.id, comment.id, o.baseRev);
        const Comment current = comment;
        bool changed = false;
        bool textClash = false;
        std::vector<std::string> clashes;
        // mine: this edit's value; theirs: committed; old: the base's (absent: unknown).
        const auto merge = [&](const auto& mine, auto& theirs, const auto* old, const char* name) {
            if (mine == theirs) return;
            if (old != nullptr && mine == *old) return;  // only the winner changed it
            if (old != nullptr && theirs == *old) {      // only this edit changed it
                theirs = mine;
                changed = true;
                return;
            }
            if (std::string_view(name) == "text")
                textClash = true;
            else
                clashes.emplace_back(name);
        };
        merge(text, comment.text, base ? &base->text : nullptr, "text");
        merge(sections, comment.sections, base ? &base->sections : nullptr, "sections");
        merge(o.kind, comment.kind, base ? &base->kind : nullptr, "kind");
        merge(o.proposed, comment.proposed, base ? &base->proposed : nullptr, "proposed");
        merge(o.written, comment.written, base ? &base->written : nullptr, "written");
        // A paragraph the edit did not name is the base's while its first section is the base's.
        int myParagraph = current.paragraph;
        if (o.paragraph) {
            myParagraph = *o.paragraph;
        } else if (base) {
            const bool sameFirst = !sections.empty() && !base->sections.empty() &&
                                   sections.front() == base->sections.front();
            myParagraph = sameFirst ? base->paragraph : 0;
        }
        merge(myParagraph, comment.paragraph, base ? &base->paragraph : nullptr, "paragraph");
        // A paragraph belongs to the first section: after the merge it must still be that one's.
        if (comment.paragraph != 0) {
            const auto& owner = comment.paragraph == current.paragraph ? current.sections : sections;
            if (comment.sections.empty() || owner.empty() || comment.sections.front() != owner.front()) {
                if (comment.paragraph != current.paragraph) clashes.emplace_back("paragraph");
                comment.paragraph = comment.paragraph == current.paragraph ? 0 : current.paragraph;
                changed = changed || comment.paragraph != current.paragraph;
            }
        }
        if (changed) {
            comment.rev += 1;
            comment.updatedAt = now_;
            store_.comments().update(comment);
        }
        if (textClash || !clashes.empty()) {
            ConflictFields fields = fieldsOf(o, sections, myParagraph);
            fields.conflicting = std::move(clashes);
            keepConflict(comment.id, o, text, std::move(fields), {});
        }
        event_.comment = comment;
        return done();
    }

    Outcome on(const proto::CommentDelete& o) {
        auto comment = commentHere(o.commentId);
        if (!comment) return commentNotFound(o.commentId);
        if (!ownOrganisation(*comment)) {
            return refuse(proto::ErrorCode::Forbidden, otherOrganisation());
        }
        store_.comments().markDeleted(comment->id, now_);
        event_.removedCommentId = comment->id;
        return done();
    }

    Outcome on(const proto::CommentFlag& o) {
        auto comment = commentHere(o.commentId);
        if (!comment) return commentNotFound(o.commentId);
        store_.comments().setFlagged(comment->id, o.flagged);
        comment->flagged = o.flagged;
        event_.comment = *comment;
        return done();
    }

    std::optional<Outcome> checkComments(const std::vector<std::string>& ids) {
        if (ids.empty()) return refuse(proto::ErrorCode::Invalid, "Chưa chọn ý kiến nào");
        for (const auto& id : ids) {
            if (!store_.comments().get(id)) return commentNotFound(id);
        }
        return std::nullopt;
    }

    Outcome on(const proto::CommentAssign& o) {
        const auto ids = distinct(o.commentIds);
        const auto sections = distinct(o.sections);
        if (auto refusal = checkComments(ids)) return std::move(*refusal);
        if (auto refusal = checkSections(sections)) return std::move(*refusal);
        for (const auto& id : ids) {
            auto comment = store_.comments().get(id);
            // As with comment.update: a paragraph does not follow a change of first section.
            if (comment->paragraph > 0 &&
                (sections.empty() || comment->sections.empty() ||
                 comment->sections.front() != sections.front())) {
                comment->paragraph = 0;
                comment->sections = sections;
                store_.comments().update(*comment);
            } else {
                store_.comments().setSections(id, sections);
            }
            event_.comments.push_back(*store_.comments().get(id));
        }
        touch(ids);
        return done();
    }

    Outcome on(const proto::GroupSet& o) {
        CommentGroup group;
        group.id = trimmed(o.groupId);
        group.section = o.section;
        group.commentIds = distinct(o.commentIds);
        if (group.id.empty()) return refuse(proto::ErrorCode::Invalid, "Thiếu mã nhóm ý kiến");
        if (!group.section.empty()) {
            if (auto refusal = checkSections({group.section})) return std::move(*refusal);
        }
        if (group.commentIds.empty()) {
            touchGroup(group.id, {});
            store_.groups().remove(group.id);
            event_.group = group;
            return done();
        }
        if (auto refusal = checkComments(group.commentIds)) return std::move(*refusal);
        touchGroup(group.id, group.commentIds);
        store_.groups().put(group, conference_.id);
        event_.group = store_.groups().get(group.id);
        return done();
    }

    Outcome on(const proto::AcceptanceSet& o) {
        if (auto refusal = checkLength("Lời giải trình", trimmed(o.explanation), limits::kExplanation)) {
            return std::move(*refusal);
        }
        if (!o.groupId.empty()) {
            auto group = store_.groups().get(o.groupId);
            if (!group) {
                return refuse(proto::ErrorCode::NotFound,
                              "Không tìm thấy nhóm ý kiến " + o.groupId);
            }
            store_.groups().setAcceptance(group->id, o.acceptance, trimmed(o.explanation));
            event_.group = store_.groups().get(group->id);
            touch(group->commentIds);
            return done();
        }
        if (!store_.comments().get(o.commentId)) return commentNotFound(o.commentId);
        store_.comments().setAcceptance(o.commentId, o.acceptance, trimmed(o.explanation));
        event_.comments.push_back(*store_.comments().get(o.commentId));
        touch({o.commentId});
        return done();
    }

    Outcome on(const proto::GrassrootsReport& o) {
        if (device_.role == Role::Grassroots && o.organisationId != device_.organisationId) {
            return refuse(proto::ErrorCode::Forbidden, otherOrganisation());
        }
        auto organisation = store_.grassroots().get(o.organisationId);
        if (!organisation) {
            return refuse(proto::ErrorCode::NotFound,
                          "Không tìm thấy tổ chức cơ sở đảng số " +
                              std::to_string(o.organisationId));
        }
        organisation->reportedAt = timeOr(o.at);
        store_.grassroots().setReported(organisation->id, organisation->reportedAt);
        event_.organisation = *organisation;
        return done();
    }

    Outcome on(const proto::ReportRelease&) {
        return refuse(proto::ErrorCode::Internal, "Lỗi nội bộ: phát hành báo cáo xử lý sai chỗ");
    }

    Outcome reportRelease(const proto::ReportRelease& o) {
        auto report = store_.reports().info(o.reportId);
        if (!report) {
            return refuse(proto::ErrorCode::NotFound,
                          "Không tìm thấy báo cáo số " + std::to_string(o.reportId));
        }
        if (!permissions::inScope(device_.conferenceId, report->conferenceId)) {
            return refuse(proto::ErrorCode::Forbidden,
                          "Thiết bị này chỉ được phát hành báo cáo của hội nghị số " +
                              std::to_string(device_.conferenceId));
        }
        if (store_.reports().format(report->id).value_or("pdf") != "pdf") {
            // Delegates read releases on their tablets, in a PDF viewer.
            return refuse(proto::ErrorCode::Invalid,
                          "Chỉ phát hành bản PDF cho đại biểu; bản DOCX dùng để chỉnh sửa tại văn phòng");
        }
        store_.reports().setReleased(report->id, true);
        report->released = true;
        event_.conferenceId = report->conferenceId;
        event_.report = *report;
        return done();
    }

    Store& store_;
    const Device& device_;
    const proto::OpRequest& request_;
    Millis now_;
    Conference conference_;
    proto::Event event_;
    std::set<std::int64_t> touched_;
};

}  // namespace

OpApplier::Outcome OpApplier::apply(const Device& device, const proto::OpRequest& op, Millis now,
                                    std::int64_t seq) {
    return Run(store_, device, op, now, seq).run();
}

}  // namespace gopy::server
