// Stable names of the model's enums. The names are part of the wire protocol and of the
// database: never rename one, only add.
#include "gopy/model.h"

#include <array>
#include <utility>

namespace gopy {
namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Channel, 3> kChannels{{
    {Channel::Conference, "conference"},
    {Channel::Public, "public"},
    {Channel::Grassroots, "grassroots"},
}};

constexpr NameTable<ConferenceState, 3> kConferenceStates{{
    {ConferenceState::Planned, "planned"},
    {ConferenceState::InSession, "in_session"},
    {ConferenceState::Concluded, "concluded"},
}};

constexpr NameTable<TurnState, 3> kTurnStates{{
    {TurnState::Waiting, "waiting"},
    {TurnState::Speaking, "speaking"},
    {TurnState::Done, "done"},
}};

constexpr NameTable<CommentKind, 6> kCommentKinds{{
    {CommentKind::Agreement, "agreement"},
    {CommentKind::Addition, "addition"},
    {CommentKind::Amendment, "amendment"},
    {CommentKind::Deletion, "deletion"},
    {CommentKind::Recommendation, "recommendation"},
    {CommentKind::Other, "other"},
}};

constexpr NameTable<Role, 6> kRoles{{
    {Role::Organiser, "organiser"},
    {Role::Secretary, "secretary"},
    {Role::Chair, "chair"},
    {Role::Delegate, "delegate"},
    {Role::Grassroots, "grassroots"},
    {Role::Drafting, "drafting"},
}};

constexpr NameTable<Acceptance, 4> kAcceptances{{
    {Acceptance::Pending, "pending"},
    {Acceptance::Accepted, "accepted"},
    {Acceptance::Partly, "partly"},
    {Acceptance::NotAccepted, "not_accepted"},
}};

constexpr NameTable<DeadlineStatus, 3> kDeadlineStatuses{{
    {DeadlineStatus::Done, "done"},
    {DeadlineStatus::Due, "due"},
    {DeadlineStatus::Late, "late"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const NameTable<E, N>& table, E value) {
    for (const auto& [e, name] : table) {
        if (e == value) return name;
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const NameTable<E, N>& table, std::string_view name) {
    for (const auto& [e, n] : table) {
        if (n == name) return e;
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(Channel v) { return nameOf(kChannels, v); }
std::string_view toString(ConferenceState v) { return nameOf(kConferenceStates, v); }
std::string_view toString(TurnState v) { return nameOf(kTurnStates, v); }
std::string_view toString(CommentKind v) { return nameOf(kCommentKinds, v); }
std::string_view toString(Role v) { return nameOf(kRoles, v); }
std::string_view toString(Acceptance v) { return nameOf(kAcceptances, v); }
std::string_view toString(DeadlineStatus v) { return nameOf(kDeadlineStatuses, v); }

std::optional<Channel> channelFromString(std::string_view s) { return valueOf(kChannels, s); }
std::optional<ConferenceState> conferenceStateFromString(std::string_view s) {
    return valueOf(kConferenceStates, s);
}
std::optional<TurnState> turnStateFromString(std::string_view s) { return valueOf(kTurnStates, s); }
std::optional<CommentKind> commentKindFromString(std::string_view s) {
    return valueOf(kCommentKinds, s);
}
std::optional<Role> roleFromString(std::string_view s) { return valueOf(kRoles, s); }
std::optional<Acceptance> acceptanceFromString(std::string_view s) {
    return valueOf(kAcceptances, s);
}
std::optional<DeadlineStatus> deadlineStatusFromString(std::string_view s) {
    return valueOf(kDeadlineStatuses, s);
}

std::string_view labelVi(Acceptance acceptance) {
    switch (acceptance) {
        case Acceptance::Accepted:
            return "tiếp thu";
        case Acceptance::Partly:
            return "tiếp thu một phần";
        case Acceptance::NotAccepted:
            return "không tiếp thu";
        case Acceptance::Pending:
            return "chưa xem xét";
    }
    return "chưa xem xét";
}

std::string_view labelVi(CommentKind kind) {
    switch (kind) {
        case CommentKind::Agreement:
            return "nhất trí";
        case CommentKind::Addition:
            return "bổ sung";
        case CommentKind::Amendment:
            return "sửa đổi";
        case CommentKind::Deletion:
            return "đề nghị bỏ";
        case CommentKind::Recommendation:
            return "kiến nghị, đề xuất";
        case CommentKind::Other:
            return "ý kiến khác";
    }
    return "ý kiến khác";
}

}  // namespace gopy
