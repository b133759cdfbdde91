#include "server/sync/permissions.h"

#include <variant>

namespace gopy::server::permissions {

bool mayApply(Role role, const proto::Operation& op) {
    const bool flag = std::holds_alternative<proto::CommentFlag>(op);
    const bool drafting = std::holds_alternative<proto::CommentAssign>(op) ||
                          std::holds_alternative<proto::GroupSet>(op) ||
                          std::holds_alternative<proto::AcceptanceSet>(op);
    const bool report = std::holds_alternative<proto::GrassrootsReport>(op);
    const bool release = std::holds_alternative<proto::ReportRelease>(op);
    switch (role) {
        case Role::Organiser:
            return true;
        case Role::Secretary:
            return !flag && !drafting && !report;
        case Role::Chair:
            // The chair presides: releasing the meeting's synthesis to delegates is theirs too.
            return flag || release;
        case Role::Delegate:
            return false;
        case Role::Grassroots:
            // The channel and the device's own organisation are checked by the applier.
            return std::holds_alternative<proto::CommentCreate>(op) ||
                   std::holds_alternative<proto::CommentUpdate>(op) ||
                   std::holds_alternative<proto::CommentDelete>(op) || report;
        case Role::Drafting:
            return drafting;
    }
    return false;
}

bool inScope(std::int64_t deviceConference, std::int64_t conferenceId) {
    return deviceConference == 0 || deviceConference == conferenceId;
}

std::string roleLabel(Role role) {
    switch (role) {
        case Role::Organiser:
            return "ban tổ chức";
        case Role::Secretary:
            return "thư ký";
        case Role::Chair:
            return "chủ trì";
        case Role::Delegate:
            return "đại biểu";
        case Role::Grassroots:
            return "báo cáo viên cơ sở";
        case Role::Drafting:
            return "tổ biên tập";
    }
    return "không rõ";
}

}  // namespace gopy::server::permissions
