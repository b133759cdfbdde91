#include "server/sync/permissions.h"

#include <variant>

namespace gopy::server::permissions {

bool mayApply(Role role, const proto::Operation& op) {
    const bool flag = std::holds_alternative<proto::CommentFlag>(op);
    switch (role) {
        case Role::Organiser:
            return true;
        case Role::Secretary:
            return !flag;
        case Role::Chair:
            return flag;
        case Role::Delegate:
            return false;
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
    }
    return "không rõ";
}

}  // namespace gopy::server::permissions
