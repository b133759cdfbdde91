#include "server/sync/admission.h"

#include <stdexcept>

#include "gopy/text.h"
#include "server/store/store.h"
#include "server/sync/crypto.h"

namespace gopy::server {
namespace {

// No 0/O, 1/I/L: nothing a person can misread on a slip of paper or a projector.
constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr std::size_t kCodeLength = 8;

std::string randomCode() {
    // Rejection sampling keeps every character equally likely.
    const unsigned limit = 256 - (256 % kAlphabet.size());
    std::string code;
    while (code.size() < kCodeLength) {
        for (const char c : crypto::randomBytes(16)) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte >= limit) continue;
            code.push_back(kAlphabet[byte % kAlphabet.size()]);
            if (code.size() == kCodeLength) break;
        }
    }
    return code;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

}  // namespace

std::int64_t Admission::grassrootsConference(std::int64_t conferenceId,
                                             std::int64_t organisationId) {
    if (organisationId <= 0) {
        throw std::invalid_argument(
            "Vai trò grassroots cần mã tổ chức cơ sở đảng (--organisation ID)");
    }
    if (!store_.grassroots().get(organisationId)) {
        std::string known;
        for (const auto& o : store_.grassroots().all()) {
            known += "\n  " + std::to_string(o.id) + "  " + o.name;
        }
        throw std::invalid_argument("Không có tổ chức cơ sở đảng số " +
                                    std::to_string(organisationId) +
                                    (known.empty() ? std::string("; chiến dịch chưa có tổ chức nào")
                                                   : "; các tổ chức hiện có:" + known));
    }
    for (const Conference& c : store_.conferences().all()) {
        if (c.channel != Channel::Grassroots) continue;
        if (conferenceId != 0 && conferenceId != c.id) {
            throw std::invalid_argument(
                "Báo cáo viên cơ sở chỉ ghi vào kênh tổ chức cơ sở đảng (hội nghị số " +
                std::to_string(c.id) + ")");
        }
        return c.id;
    }
    throw std::invalid_argument("Chiến dịch chưa có kênh tổ chức cơ sở đảng (kênh grassroots)");
}

std::string Admission::normalise(const std::string& code) {
    std::string out;
    for (const char c : code) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

std::string Admission::createCode(Role role, std::int64_t conferenceId, int ttlSeconds,
                                  Millis now, std::int64_t organisationId) {
    if (role == Role::Organiser) {
        throw std::invalid_argument("the organiser role is never granted by an admission code");
    }
    if (ttlSeconds <= 0) throw std::invalid_argument("an admission code needs a positive lifetime");
    if (conferenceId < 0) throw std::invalid_argument("conference id must be 0 or positive");
    store::Transaction transaction(store_.db());
    if (role == Role::Grassroots) {
        conferenceId = grassrootsConference(conferenceId, organisationId);
    } else if (organisationId != 0) {
        throw std::invalid_argument(
            "Chỉ vai trò grassroots (báo cáo viên cơ sở) mới gắn với tổ chức cơ sở đảng");
    }
    std::string code;
    std::string hash;
    // A collision with a stored code is astronomically unlikely, but would make a code
    // ambiguous: draw again.
    do {
        code = randomCode();
        hash = crypto::sha256Hex(code);
    } while (store_.admissions().findCode(hash));
    store::AdmissionCode row;
    row.codeHash = hash;
    row.role = role;
    row.conferenceId = conferenceId;
    row.createdAt = now;
    row.expiresAt = now + static_cast<Millis>(ttlSeconds) * 1000;
    row.organisationId = organisationId;
    store_.admissions().insertCode(row);
    transaction.commit();
    return code.substr(0, 4) + "-" + code.substr(4);
}

Admission::Result Admission::admit(const std::string& code, const std::string& deviceName,
                                   const std::string& remote, Millis now, const std::string& requestId) {
    store::Transaction transaction(store_.db());
    auto failures = store_.admissions().failures(remote);
    auto everyone = store_.admissions().failures(kEveryAddress);
    if (failures.lockedUntil > now || everyone.lockedUntil > now) {
        const Millis until = std::max(failures.lockedUntil, everyone.lockedUntil);
        const auto minutes = (until - now + 59'999) / 60'000;
        return {std::nullopt,
                proto::Error{proto::ErrorCode::Locked,
                             (failures.lockedUntil > now ? std::string("Nhập sai mã quá nhiều lần từ thiết bị này")
                                                         : std::string("Có quá nhiều lần nhập sai mã trong hội trường")) +
                                 "; hãy thử lại sau " + std::to_string(minutes) + " phút"}};
    }
    const std::string hash = crypto::sha256Hex(normalise(code));
    const auto stored = store_.admissions().findCode(hash);
    const std::string requestHash = requestId.empty() ? std::string() : crypto::sha256Hex(requestId);
    if (stored && stored->usedAt != 0 && !requestHash.empty() && stored->requestHash == requestHash &&
        stored->expiresAt > now && !stored->deviceId.empty()) {
        // The same device asking again: its welcome was lost with the link. Same device, a new
        // token (only hashes are stored, so the first one cannot be sent again).
        if (auto device = store_.devices().get(stored->deviceId); device && !device->revoked) {
            Admitted again;
            again.deviceId = device->id;
            again.deviceName = device->name;
            again.role = device->role;
            again.conferenceId = device->conferenceId;
            again.organisationId = device->organisationId;
            again.token = crypto::hex(crypto::randomBytes(32));
            store_.devices().setTokenHash(device->id, crypto::sha256Hex(again.token));
            store_.admissions().clearFailures(remote);
            transaction.commit();
            return {again, std::nullopt};
        }
    }
    const bool valid = stored && stored->usedAt == 0 && stored->expiresAt > now &&
                       stored->role != Role::Organiser;
    if (!valid) {
        const auto count = [now](store::AdmissionFailures& f, int max) {
            if (f.failures == 0 || now - f.firstAt > kFailureWindow) {
                f = {1, now, 0};
            } else {
                ++f.failures;
            }
            if (f.failures >= max) f = {0, now, now + kLockTime};
        };
        count(failures, kMaxFailures);
        count(everyone, kMaxGlobalFailures);
        store_.admissions().putFailures(remote, failures);
        store_.admissions().putFailures(kEveryAddress, everyone);
        transaction.commit();
        // One message for wrong, used and expired codes: a guesser learns nothing.
        return {std::nullopt, proto::Error{proto::ErrorCode::BadCode,
                                           "Mã cấp quyền không đúng, đã được dùng hoặc đã hết hạn"}};
    }
    Admitted admitted;
    admitted.deviceId = "d-" + crypto::hex(crypto::randomBytes(8));
    store_.admissions().markUsed(hash, now, requestHash, admitted.deviceId);
    store_.admissions().clearFailures(remote);

    admitted.deviceName = trimmed(text::nfc(deviceName));
    if (admitted.deviceName.empty()) admitted.deviceName = "Thiết bị chưa đặt tên";
    admitted.role = stored->role;
    admitted.conferenceId = stored->conferenceId;
    admitted.token = crypto::hex(crypto::randomBytes(32));
    admitted.organisationId = stored->organisationId;

    store::DeviceRow device;
    device.id = admitted.deviceId;
    device.name = admitted.deviceName;
    device.role = admitted.role;
    device.conferenceId = admitted.conferenceId;
    device.tokenHash = crypto::sha256Hex(admitted.token);
    device.createdAt = now;
    device.organisationId = admitted.organisationId;
    store_.devices().insert(device);
    transaction.commit();
    return {admitted, std::nullopt};
}

}  // namespace gopy::server
