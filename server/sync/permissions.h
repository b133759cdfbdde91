// Who may do what: the role matrix for operations and the conference scope of a device.
#pragma once

#include <cstdint>
#include <string>

#include "gopy/model.h"
#include "gopy/protocol.h"

namespace gopy::server::permissions {

/// Secretary: every operation of a conference except comment.flag and the operations below;
/// chair: comment.flag only; delegate: nothing; grassroots: comment.create, comment.update,
/// comment.delete and grassroots.report (the applier checks the channel and that the comment
/// or report is of the device's own organisation); drafting:
/// comment.assign, group.set, acceptance.set; organiser (the server console, in-process
/// only): everything.
bool mayApply(Role role, const proto::Operation& op);
/// A device bound to a conference (deviceConference != 0) acts only within it.
bool inScope(std::int64_t deviceConference, std::int64_t conferenceId);
/// Vietnamese name of a role for messages: "thư ký", "chủ trì", …
std::string roleLabel(Role role);

}  // namespace gopy::server::permissions
