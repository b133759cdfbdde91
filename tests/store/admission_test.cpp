// Admission codes, device tokens, authentication and revocation.
#include <algorithm>
#include <cctype>
#include <regex>

#include "fixture.h"

namespace gopy::server::testing {
namespace {

class AdmissionTest : public EngineTest {
protected:
    AdmitResult admit(const std::string& code, const std::string& remote = "192.168.1.20",
                      Millis at = 0) {
        return engine_->admit(proto::Admit{code, "Máy tính bảng thư ký 1"}, remote,
                              at != 0 ? at : wallNow());
    }
};

TEST_F(AdmissionTest, CodeIsPrintedFromTheUnambiguousAlphabet) {
    const std::regex format("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$");
    for (int i = 0; i < 50; ++i) {
        const auto code = engine_->createAdmissionCode(Role::Secretary, 1);
        EXPECT_TRUE(std::regex_match(code, format)) << code;
    }
}

TEST_F(AdmissionTest, RightCodeAdmitsOnceWithItsRoleAndConference) {
    const auto code = engine_->createAdmissionCode(Role::Secretary, 2);
    const auto result = admit(code);
    ASSERT_TRUE(result.welcome) << (result.error ? result.error->message : "");
    const auto& welcome = *result.welcome;
    EXPECT_EQ(welcome.role, Role::Secretary);
    EXPECT_EQ(welcome.conferenceId, 2);
    EXPECT_EQ(welcome.deviceName, "Máy tính bảng thư ký 1");
    EXPECT_TRUE(std::regex_match(welcome.deviceId, std::regex("^d-[0-9a-f]{16}$")));
    EXPECT_TRUE(std::regex_match(welcome.token, std::regex("^[0-9a-f]{64}$")));
    EXPECT_EQ(welcome.campaign.planNumber, "273-KH/QU");
    EXPECT_EQ(welcome.sections.size(), 5u);
    EXPECT_EQ(welcome.conferences.size(), 2u);

    // Neither the code nor the token is stored in clear.
    EXPECT_EQ(engine_->store().db().scalarInt(
                  "SELECT count(*) FROM devices WHERE token_hash = '" + welcome.token + "'"),
              0);
    std::string bare = code;
    bare.erase(std::remove(bare.begin(), bare.end(), '-'), bare.end());
    EXPECT_EQ(engine_->store().db().scalarInt(
                  "SELECT count(*) FROM admission_codes WHERE code_hash = '" + bare + "'"),
              0);

    const auto again = admit(code);
    ASSERT_TRUE(again.error);
    EXPECT_EQ(again.error->code, proto::ErrorCode::BadCode);
}

TEST_F(AdmissionTest, CodeIsAcceptedWithoutDashInLowerCaseWithSpaces) {
    const auto code = engine_->createAdmissionCode(Role::Chair, 1);
    std::string typed = " " + code.substr(0, 2) + " " + code.substr(2, 2) + code.substr(5) + " ";
    std::transform(typed.begin(), typed.end(), typed.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto result = admit(typed);
    ASSERT_TRUE(result.welcome) << typed;
    EXPECT_EQ(result.welcome->role, Role::Chair);
}

TEST_F(AdmissionTest, ExpiredCodeIsRefused) {
    const auto code = engine_->createAdmissionCode(Role::Secretary, 1, 900);
    const auto result = admit(code, "192.168.1.20", wallNow() + 16 * 60 * 1000);
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->code, proto::ErrorCode::BadCode);
}

TEST_F(AdmissionTest, OrganiserIsNeverGrantedByCode) {
    EXPECT_THROW(engine_->createAdmissionCode(Role::Organiser, 0), std::invalid_argument);
}

TEST_F(AdmissionTest, FiveWrongCodesLockTheRemoteEvenForARightCode) {
    const auto code = engine_->createAdmissionCode(Role::Secretary, 1);
    const Millis start = wallNow();
    for (int i = 0; i < 5; ++i) {
        const auto wrong = admit("ABCD-EFGH", "10.0.0.66", start + i * 1000);
        ASSERT_TRUE(wrong.error);
        EXPECT_EQ(wrong.error->code, proto::ErrorCode::BadCode) << i;
    }
    const auto locked = admit(code, "10.0.0.66", start + 6000);
    ASSERT_TRUE(locked.error);
    EXPECT_EQ(locked.error->code, proto::ErrorCode::Locked);

    // Another address is not affected; the code was not consumed by the locked attempt.
    const auto other = admit(code, "10.0.0.67", start + 7000);
    EXPECT_TRUE(other.welcome);

    // After five minutes the address may try again.
    const auto code2 = engine_->createAdmissionCode(Role::Secretary, 1);
    const auto later = admit(code2, "10.0.0.66", start + 4000 + 5 * 60 * 1000 + 1);
    EXPECT_TRUE(later.welcome);
}

// Many laptops guessing in parallel, each under the per-address limit: the hall-wide limit
// locks admissions for everyone for five minutes.
TEST_F(AdmissionTest, FiftyWrongCodesFromManyAddressesLockEveryAddress) {
    const auto code = engine_->createAdmissionCode(Role::Secretary, 1);
    const Millis start = wallNow();
    for (int i = 0; i < 50; ++i) {
        const auto wrong = admit("ABCD-EFGH", "10.0.1." + std::to_string(i), start + i * 100);
        ASSERT_TRUE(wrong.error);
        ASSERT_EQ(wrong.error->code, proto::ErrorCode::BadCode) << i << ": each address stays under its own limit";
    }
    const auto locked = admit(code, "10.0.2.1", start + 6000);
    ASSERT_TRUE(locked.error) << "a right code got in while the hall was being guessed at";
    EXPECT_EQ(locked.error->code, proto::ErrorCode::Locked);
    EXPECT_NE(locked.error->message.find("hội trường"), std::string::npos) << locked.error->message;
    const auto later = admit(code, "10.0.2.1", start + 6000 + 5 * 60 * 1000 + 1);
    EXPECT_TRUE(later.welcome) << "the code was not consumed while locked";
}

// The link drops after the server admitted the device but before the welcome arrived: the
// device sends the same code with the same request_id and gets itself back (a fresh token),
// not "code already used"; anyone else with that code still gets nothing.
TEST_F(AdmissionTest, ARetryOfTheSameAdmissionGetsTheSameDeviceBack) {
    const auto code = engine_->createAdmissionCode(Role::Secretary, 2);
    const auto first = engine_->admit(proto::Admit{code, "Máy tính bảng thư ký 1", "req-7f3a"}, "192.168.1.20", wallNow());
    ASSERT_TRUE(first.welcome);
    const auto retry = engine_->admit(proto::Admit{code, "Máy tính bảng thư ký 1", "req-7f3a"}, "192.168.1.20", wallNow());
    ASSERT_TRUE(retry.welcome) << (retry.error ? retry.error->message : "");
    EXPECT_EQ(retry.welcome->deviceId, first.welcome->deviceId) << "a second device for one code";
    EXPECT_NE(retry.welcome->token, first.welcome->token);
    EXPECT_TRUE(engine_->authenticate(retry.welcome->token));
    EXPECT_FALSE(engine_->authenticate(first.welcome->token)) << "the lost token must not stay valid";
    EXPECT_EQ(engine_->store().devices().all().size(), 1u);

    const auto stranger = engine_->admit(proto::Admit{code, "Máy lạ", "req-other"}, "192.168.1.99", wallNow());
    ASSERT_TRUE(stranger.error);
    EXPECT_EQ(stranger.error->code, proto::ErrorCode::BadCode);
    const auto bare = engine_->admit(proto::Admit{code, "Máy lạ", ""}, "192.168.1.99", wallNow());
    ASSERT_TRUE(bare.error);
    EXPECT_EQ(bare.error->code, proto::ErrorCode::BadCode);
}

TEST_F(AdmissionTest, WrongCodesSpreadOverMoreThanTenMinutesDoNotLock) {
    const auto code = engine_->createAdmissionCode(Role::Secretary, 1);
    const Millis start = wallNow();
    for (int i = 0; i < 8; ++i) {
        const auto wrong = admit("ABCD-EFGH", "10.0.0.70", start + i * 3 * 60 * 1000);
        ASSERT_TRUE(wrong.error);
        EXPECT_EQ(wrong.error->code, proto::ErrorCode::BadCode) << i;
    }
}

TEST_F(AdmissionTest, TokenAuthenticatesUntilRevoked) {
    const auto result = admit(engine_->createAdmissionCode(Role::Delegate, 1));
    ASSERT_TRUE(result.welcome);
    const auto device = engine_->authenticate(result.welcome->token);
    ASSERT_TRUE(device);
    EXPECT_EQ(device->id, result.welcome->deviceId);
    EXPECT_EQ(device->role, Role::Delegate);
    EXPECT_EQ(device->conferenceId, 1);
    EXPECT_EQ(engine_->welcome(*device).deviceId, device->id);
    EXPECT_TRUE(engine_->welcome(*device).token.empty());

    EXPECT_FALSE(engine_->authenticate("0123"));
    EXPECT_FALSE(engine_->authenticate(""));
    engine_->revokeDevice(device->id);
    EXPECT_FALSE(engine_->authenticate(result.welcome->token));
}

TEST_F(AdmissionTest, MayTypeOnlySecretariesInScope) {
    EXPECT_TRUE(engine_->mayType(secretary("s", 1), 1));
    EXPECT_FALSE(engine_->mayType(secretary("s", 1), 2));
    EXPECT_TRUE(engine_->mayType(secretary("s", 0), 2));
    EXPECT_FALSE(engine_->mayType(chair("c", 0), 1));
    EXPECT_FALSE(engine_->mayType(delegate("d", 0), 1));
}

}  // namespace
}  // namespace gopy::server::testing
