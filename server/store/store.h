// The server's database: one connection (migrated to the current schema) and one object per
// table. Single-threaded, like the Engine that owns it.
#pragma once

#include <string>

#include "server/store/admission_table.h"
#include "server/store/audit_table.h"
#include "server/store/campaign_table.h"
#include "server/store/client_seq_table.h"
#include "server/store/comment_table.h"
#include "server/store/conference_table.h"
#include "server/store/database.h"
#include "server/store/device_table.h"
#include "server/store/draft_table.h"
#include "server/store/grassroots_table.h"
#include "server/store/group_table.h"
#include "server/store/errors.h"
#include "server/store/op_outcome_table.h"
#include "server/store/oplog_table.h"
#include "server/store/participant_table.h"
#include "server/store/report_table.h"
#include "server/store/savepoint.h"
#include "server/store/section_table.h"
#include "server/store/transaction.h"
#include "server/store/turn_table.h"

namespace gopy::server {

class Store {
public:
    /// Opens (creating if needed) the database at `path` and migrates it (store::migrate).
    /// Throws store::CannotOpen, store::Corrupt, store::Busy or store::Error.
    explicit Store(const std::string& path);
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    store::Database& db() { return db_; }
    store::CampaignTable& campaign() { return campaign_; }
    store::SectionTable& sections() { return sections_; }
    store::ConferenceTable& conferences() { return conferences_; }
    store::ParticipantTable& participants() { return participants_; }
    store::TurnTable& turns() { return turns_; }
    store::CommentTable& comments() { return comments_; }
    store::OpLogTable& oplog() { return oplog_; }
    store::ClientSeqTable& clientSeqs() { return clientSeqs_; }
    store::OpOutcomeTable& opOutcomes() { return opOutcomes_; }
    store::DeviceTable& devices() { return devices_; }
    store::AdmissionTable& admissions() { return admissions_; }
    store::ReportTable& reports() { return reports_; }
    store::GroupTable& groups() { return groups_; }
    store::GrassrootsTable& grassroots() { return grassroots_; }
    store::DraftTable& draft() { return draft_; }
    store::AuditTable& audit() { return audit_; }

private:
    store::Database db_;
    store::CampaignTable campaign_{db_};
    store::SectionTable sections_{db_};
    store::ConferenceTable conferences_{db_};
    store::ParticipantTable participants_{db_};
    store::TurnTable turns_{db_};
    store::CommentTable comments_{db_};
    store::OpLogTable oplog_{db_};
    store::ClientSeqTable clientSeqs_{db_};
    store::OpOutcomeTable opOutcomes_{db_};
    store::DeviceTable devices_{db_};
    store::AdmissionTable admissions_{db_};
    store::ReportTable reports_{db_};
    store::GroupTable groups_{db_};
    store::GrassrootsTable grassroots_{db_};
    store::DraftTable draft_{db_};
    store::AuditTable audit_{db_};
};

}  // namespace gopy::server
