#include "server/sync/engine.h"

#include <chrono>
#include <exception>

#include "gopy/clock.h"
#include "gopy/text.h"
#include "server/store/store.h"
#include "server/sync/admission.h"
#include "server/sync/crypto.h"
#include "server/sync/op_applier.h"
#include "server/sync/permissions.h"

namespace gopy::server {
namespace {

constexpr const char* kStorageFull = "Ổ đĩa đầy hoặc lỗi ghi; chưa lưu, hãy thử lại";
constexpr const char* kBusy = "Cơ sở dữ liệu đang bận (một tiến trình khác đang ghi); hãy thử lại";


std::vector<ApplyResult> refuseAll(const std::vector<std::pair<Device, proto::OpRequest>>& ops,
                                   proto::ErrorCode code, const std::string& message) {
    std::vector<ApplyResult> results(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
        results[i].nack = proto::Nack{ops[i].second.clientSeq, code, message, 0};
    }
    return results;
}

ApplyResult nack(std::int64_t clientSeq, proto::ErrorCode code, std::string message,
                 std::int64_t expectedSeq = 0) {
    ApplyResult result;
    result.nack = proto::Nack{clientSeq, code, std::move(message), expectedSeq};
    return result;
}

// The same (client id, seq) came with other content than the op applied (or refused) under it:
// the device's counter went back (a restored or copied client folder) or another copy of the
// device sent it. Never taken for a duplicate; nothing is applied and nothing is recorded.
ApplyResult seqReused(std::int64_t clientSeq, std::int64_t lastSeq) {
    return nack(clientSeq, proto::ErrorCode::SeqReused,
                "Số thứ tự thao tác " + std::to_string(clientSeq) +
                    " đã được dùng cho một thao tác khác của thiết bị này (máy đã dùng tới số " +
                    std::to_string(lastSeq) +
                    "): bộ đếm của thiết bị bị lùi hoặc có bản sao của thiết bị. Hãy kết nạp lại "
                    "thiết bị; nội dung chưa gửi vẫn được giữ trên máy",
                lastSeq + 1);
}

// The audit record of a generated report, in the transaction that stores it.
void auditReport(Store& store, const ReportInfo& info, std::int64_t conferenceId,
                 const std::string& format, const std::string& sha256, Millis now) {
    store.audit().append(now, "report", "", "",
                         "lập báo cáo " +
                             (conferenceId == 0 ? std::string("tổng hợp chung")
                                                : "hội nghị " + std::to_string(conferenceId)) +
                             " (" + format + ", phiên bản " + std::to_string(info.version) +
                             ", SHA-256 " + sha256 + ")");
}

// Applies one op of a batch inside the batch transaction (see Engine::applyBatch).
ApplyResult applyOne(Store& store, const Device& device, const proto::OpRequest& op, Millis now) {
    if (device.id.empty() || device.id != op.clientId) {
        return nack(op.clientSeq, proto::ErrorCode::Forbidden,
                    "Thao tác mang mã thiết bị khác với thiết bị đã đăng nhập");
    }
    if (op.clientSeq <= 0) {
        return nack(op.clientSeq, proto::ErrorCode::Invalid,
                    "Số thứ tự thao tác phải bắt đầu từ 1");
    }
    auto& clientSeqs = store.clientSeqs();
    const store::ClientSeq last = clientSeqs.get(device.id);
    // What this op is, byte for byte as the decoder normalised it: a replay has the same digest;
    // the same (client id, seq) with other content is another op and must not pass for it.
    const std::string digest = crypto::sha256Hex(proto::encode(proto::Message{op}));
    const auto reused = [&](const std::string& recorded) {
        return !recorded.empty() && recorded != digest;
    };
    if (op.clientSeq <= last.lastSeq) {
        // Already handled: answer exactly what was answered the first time.
        if (const auto outcome = store.opOutcomes().find(device.id, op.clientSeq)) {
            if (reused(outcome->opDigest)) return seqReused(op.clientSeq, last.lastSeq);
            if (outcome->nackCode) {
                return nack(op.clientSeq,
                            proto::errorCodeFromString(*outcome->nackCode)
                                .value_or(proto::ErrorCode::Internal),
                            outcome->nackMessage);
            }
            ApplyResult result;
            result.ack = proto::Ack{op.clientSeq, outcome->serverSeq, true};
            return result;
        }
        const auto applied = store.oplog().findApplied(device.id, op.clientSeq);
        if (applied && reused(applied->second)) return seqReused(op.clientSeq, last.lastSeq);
        ApplyResult result;
        result.ack = proto::Ack{op.clientSeq, applied ? applied->first : last.lastServerSeq, true};
        return result;
    }
    if (op.clientSeq > last.lastSeq + 1) {
        return nack(op.clientSeq, proto::ErrorCode::Gap,
                    "Thiếu thao tác trước đó; gửi lại từ số " + std::to_string(last.lastSeq + 1),
                    last.lastSeq + 1);
    }

    const std::int64_t seq = store.oplog().nextSeq();
    store::Savepoint savepoint(store.db());
    OpApplier::Outcome outcome;
    try {
        outcome = OpApplier(store).apply(device, op, now, seq);
    } catch (const store::DiskFull&) {
        throw;
    } catch (const store::IoError&) {
        throw;
    } catch (const store::Busy&) {
        throw;
    } catch (const store::Error& e) {
        // A rule the checks above missed (a constraint): refuse this op, keep the batch.
        outcome = {};
        outcome.refusal = proto::Nack{op.clientSeq, proto::ErrorCode::Internal,
                                      std::string("Lỗi máy chủ khi ghi thao tác: ") + e.what(), 0};
    }
    if (outcome.refusal) {
        savepoint.rollback();
        // A refused op still consumes its client seq, so it never blocks the outbox behind it,
        // and its answer is kept for replays.
        store::OpOutcome refused;
        refused.serverSeq = last.lastServerSeq;
        refused.nackCode = std::string(proto::toString(outcome.refusal->code));
        refused.nackMessage = outcome.refusal->message;
        refused.opDigest = digest;
        store.opOutcomes().put(device.id, op.clientSeq, refused);
        clientSeqs.put(device.id, {op.clientSeq, last.lastServerSeq});
        ApplyResult result;
        result.nack = outcome.refusal;
        return result;
    }
    proto::Event& event = *outcome.event;
    store.oplog().append(seq, event.conferenceId, device.id, op.clientSeq, now,
                           proto::encodeEvent(event), digest);
    for (const auto conferenceId : outcome.routedTo) store.oplog().route(seq, conferenceId);
    // Who did what, in the same transaction as the effect (the audit trail).
    store.audit().append(now, "op", device.id, "",
                         std::string(proto::kindName(op.op)) + " (" + device.name + ", hội nghị " +
                             std::to_string(event.conferenceId) + ", thao tác " +
                             std::to_string(op.clientSeq) + " của thiết bị → số " + std::to_string(seq) + ")");
    // Applied ops are found again through the oplog's (device_id, client_seq) index; only
    // refusals need an op_outcomes row, which keeps a batch's writes small.
    clientSeqs.put(device.id, {op.clientSeq, seq});
    savepoint.release();
    ApplyResult result;
    result.endedSession = outcome.endedConference;
    result.ack = proto::Ack{op.clientSeq, seq, false};
    result.event = std::move(event);
    result.routedTo = std::move(outcome.routedTo);
    return result;
}

}  // namespace

proto::Event eventFor(const proto::Event& event, std::int64_t conferenceId) {
    proto::Event out = event;
    out.conferenceId = conferenceId;
    std::erase_if(out.comments,
                  [conferenceId](const Comment& c) { return c.conferenceId != conferenceId; });
    return out;
}

Engine::Engine(const std::string& databasePath)
    : store_(std::make_unique<Store>(databasePath)) {}

Engine::~Engine() = default;

Store& Engine::store() { return *store_; }

std::string Engine::createAdmissionCode(Role role, std::int64_t conferenceId, int ttlSeconds,
                                        std::int64_t organisationId) {
    return Admission(*store_).createCode(role, conferenceId, ttlSeconds, nowMillis(),
                                         organisationId);
}

AdmitResult Engine::admit(const proto::Admit& request, const std::string& remote, Millis now) {
    AdmitResult result;
    Admission::Result admitted;
    try {
        admitted = Admission(*store_).admit(request.code, request.deviceName, remote, now, request.requestId);
    } catch (const store::DiskFull&) {
        result.error = proto::Error{proto::ErrorCode::StorageFull, kStorageFull};
        return result;
    } catch (const store::IoError&) {
        result.error = proto::Error{proto::ErrorCode::StorageFull, kStorageFull};
        return result;
    }
    if (admitted.error) {
        result.error = admitted.error;
        audit("admit.refused", "", remote,
              "từ chối mã kết nạp (" + std::string(proto::toString(admitted.error->code)) + ")", now);
        return result;
    }
    audit("admit", admitted.admitted->deviceId, remote,
          "kết nạp \"" + admitted.admitted->deviceName + "\" với vai trò " +
              std::string(toString(admitted.admitted->role)) +
              (admitted.admitted->conferenceId > 0
                   ? ", hội nghị " + std::to_string(admitted.admitted->conferenceId)
                   : std::string(", mọi hội nghị")),
          now);
    Device device{admitted.admitted->deviceId, admitted.admitted->deviceName,
                  admitted.admitted->role, admitted.admitted->conferenceId,
                  admitted.admitted->organisationId};
    result.welcome = welcome(device);
    result.welcome->token = admitted.admitted->token;
    return result;
}

std::optional<Device> Engine::authenticate(const std::string& token) {
    if (token.empty()) return std::nullopt;
    const auto row = store_->devices().byTokenHash(crypto::sha256Hex(token));
    if (!row || row->revoked) return std::nullopt;
    return Device{row->id, row->name, row->role, row->conferenceId, row->organisationId};
}

proto::Welcome Engine::welcome(const Device& device) {
    proto::Welcome w = campaignView();
    w.deviceId = device.id;
    w.deviceName = device.name;
    w.role = device.role;
    w.conferenceId = device.conferenceId;
    w.organisationId = device.organisationId;
    return w;
}

void Engine::revokeDevice(const std::string& deviceId) { store_->devices().revoke(deviceId); }

void Engine::audit(const std::string& kind, const std::string& deviceId, const std::string& address,
                   const std::string& detail, Millis now) {
    try {
        if (store_->db().inTransaction()) {
            store_->audit().append(now, kind, deviceId, address, detail);
            return;
        }
        store::Transaction transaction(store_->db());
        store_->audit().append(now, kind, deviceId, address, detail);
        transaction.commit();
    } catch (const store::Error& e) {
        // A full disk must not turn an admission into a refusal; the event log still has it.
        (void)e;
    }
}

void Engine::countJunk(const std::string& kind, Millis now) {
    try {
        store_->audit().count(kind, now);
    } catch (const store::Error&) {
        // Counting junk is worth nothing when the disk is full.
    }
}

void Engine::recordSeen(const std::string& deviceId, const std::string& address, Millis now) {
    try {
        store_->devices().touch(deviceId, address, now);
    } catch (const store::Error&) {
        // A full disk or a busy database: the device still works; its last-seen time waits.
    }
}

bool Engine::mayFollow(const Device& device, std::int64_t conferenceId) const {
    return permissions::inScope(device.conferenceId, conferenceId);
}

Engine::SubscribeResult Engine::subscribe(const Device& device, const proto::Subscribe& request,
                                          std::size_t maxCatchUp) {
    SubscribeResult result;
    if (!mayFollow(device, request.conferenceId)) {
        result.error = proto::Error{proto::ErrorCode::Forbidden,
                                    "Thiết bị này chỉ được theo dõi hội nghị số " +
                                        std::to_string(device.conferenceId)};
        return result;
    }
    // One read transaction: the snapshot or the events are one consistent state.
    std::optional<store::Transaction> read;
    if (!store_->db().inTransaction()) read.emplace(store_->db(), store::Transaction::Mode::Deferred);
    const auto conference = store_->conferences().get(request.conferenceId);
    if (!conference) {
        result.error = proto::Error{proto::ErrorCode::NotFound,
                                    "Không tìm thấy hội nghị số " +
                                        std::to_string(request.conferenceId)};
        return result;
    }
    const std::int64_t head = store_->oplog().head();
    const bool catchUp =
        request.since > 0 && request.since <= head &&
        store_->oplog().countSince(conference->id, request.since, maxCatchUp) <= maxCatchUp;
    if (catchUp) {
        proto::Events events;
        events.conferenceId = conference->id;
        events.head = head;
        bool complete = true;
        for (const auto& logged : store_->oplog().since(conference->id, request.since, maxCatchUp)) {
            auto event = proto::decodeEvent(logged.event);
            if (!event) {
                complete = false;
                break;
            }
            event->seq = logged.seq;
            events.events.push_back(eventFor(*event, conference->id));
        }
        if (complete) {
            result.events = std::move(events);
            return result;
        }
        // An unreadable log entry: a snapshot is always correct.
    }
    result.snapshot = snapshotOf(*conference, device.role == Role::Delegate);
    return result;
}

std::vector<ApplyResult> Engine::applyBatch(
    const std::vector<std::pair<Device, proto::OpRequest>>& ops, Millis now) {
    std::vector<ApplyResult> results;
    results.reserve(ops.size());
    if (ops.empty()) return results;
    try {
        store::Transaction transaction(store_->db());
        for (const auto& [device, op] : ops) results.push_back(applyOne(*store_, device, op, now));
        transaction.commit();
    } catch (const store::DiskFull&) {
        return refuseAll(ops, proto::ErrorCode::StorageFull, kStorageFull);
    } catch (const store::IoError&) {
        return refuseAll(ops, proto::ErrorCode::StorageFull, kStorageFull);
    } catch (const store::Busy&) {
        // Nothing was applied and retrying will work: the same answer as a full disk, which
        // clients keep and resend (an Internal refusal would make them drop the op).
        return refuseAll(ops, proto::ErrorCode::StorageFull, kBusy);
    }
    return results;
}

ApplyResult Engine::apply(const Device& device, const proto::OpRequest& op, Millis now) {
    return applyBatch({{device, op}}, now).front();
}

ReportInfo Engine::storeReport(std::int64_t conferenceId, const std::string& format,
                               const std::string& bytes, Millis now) {
    const std::string sha256 = crypto::sha256Hex(bytes);
    if (store_->db().inTransaction()) {
        // Called from inside a caller's transaction: nest, the caller commits.
        store::Savepoint savepoint(store_->db());
        auto info = store_->reports().insert(conferenceId, format, sha256, now, bytes);
        auditReport(*store_, info, conferenceId, format, sha256, now);
        savepoint.release();
        return info;
    }
    store::Transaction transaction(store_->db());
    auto info = store_->reports().insert(conferenceId, format, sha256, now, bytes);
    auditReport(*store_, info, conferenceId, format, sha256, now);
    transaction.commit();
    return info;
}

std::vector<ReportInfo> Engine::listReports(std::int64_t conferenceId, bool releasedOnly) {
    return store_->reports().byConference(conferenceId, releasedOnly);
}

std::optional<ReportInfo> Engine::reportInfo(std::int64_t reportId) {
    return store_->reports().info(reportId);
}

std::optional<std::string> Engine::reportContent(std::int64_t reportId) {
    return store_->reports().content(reportId);
}

bool Engine::mayRead(const Device& device, const ReportInfo& report) const {
    if (device.role == Role::Organiser) return true;
    const bool inScope = permissions::inScope(device.conferenceId, report.conferenceId);
    // The combined synthesis (conference 0) concerns every conference once released.
    if (device.role == Role::Delegate) {
        return report.released && (inScope || report.conferenceId == 0);
    }
    return inScope || (report.conferenceId == 0 && report.released);
}

bool Engine::mayType(const Device& device, std::int64_t conferenceId) const {
    const bool writer = device.role == Role::Secretary || device.role == Role::Organiser;
    return writer && permissions::inScope(device.conferenceId, conferenceId);
}

std::vector<std::int64_t> Engine::endedWithoutReport() {
    std::vector<std::int64_t> ids;
    for (const Conference& c : store_->conferences().all()) {
        if (c.state != ConferenceState::Concluded) continue;
        if (store_->reports().byConference(c.id, false, "pdf").empty()) ids.push_back(c.id);
    }
    return ids;
}

}  // namespace gopy::server
