// What an outsider on the hall Wi-Fi sees of a real session, and what a device does when the
// server is not the one it was admitted to. The real client core against the real gopy-server,
// through a TCP proxy on loopback that records every byte both ways (a passive capture).
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "client/core/server_link.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

// Forwards every connection to `target` and keeps a copy of all the bytes, as a passive
// listener on the Wi-Fi would. Like such a listener it also reads what it can: client-to-server
// WebSocket frames are XOR-masked with a key carried in each frame's header, so for a plain
// connection it unmasks them (for TLS the bytes after the handshake are ciphertext and there is
// nothing to unmask).
class RecordingProxy : public QObject {
public:
    explicit RecordingProxy(const QString& target)
    {
        retarget(target);
        connect(&listener_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* inside = listener_.nextPendingConnection()) {
                auto* outside = new QTcpSocket(inside);
                auto upstream = std::make_shared<QByteArray>();
                outside->connectToHost(host_, port_);
                connect(inside, &QTcpSocket::readyRead, this, [this, inside, outside, upstream] {
                    const QByteArray bytes = inside->readAll();
                    captured_ += bytes;
                    *upstream += bytes;
                    unmask(*upstream);
                    outside->write(bytes);
                });
                connect(outside, &QTcpSocket::readyRead, this, [this, inside, outside] {
                    const QByteArray bytes = outside->readAll();
                    captured_ += bytes;
                    inside->write(bytes);
                });
                connect(outside, &QTcpSocket::disconnected, inside, &QTcpSocket::disconnectFromHost);
                connect(inside, &QTcpSocket::disconnected, inside, &QObject::deleteLater);
            }
        });
        listener_.listen(QHostAddress::LocalHost);
    }
    void retarget(const QString& target)
    {
        host_ = target.section(QLatin1Char(':'), 0, 0);
        port_ = static_cast<quint16>(target.section(QLatin1Char(':'), 1).toUInt());
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(listener_.serverPort()); }
    /// Every byte both ways, plus the unmasked payloads of plain client frames.
    QByteArray readable() const { return captured_ + unmasked_; }
    qsizetype size() const { return captured_.size(); }

private:
    // Consumes complete frames from `stream` once its HTTP upgrade request has gone by.
    void unmask(QByteArray& stream)
    {
        if (stream.startsWith("GET ")) {
            const qsizetype end = stream.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            stream.remove(0, end + 4);
            stream.prepend('\0');  // marks "frames follow"
        }
        if (!stream.startsWith('\0'))
            return;  // TLS or not yet upgraded: nothing a listener can read
        for (;;) {
            const auto* p = reinterpret_cast<const unsigned char*>(stream.constData()) + 1;
            const qsizetype available = stream.size() - 1;
            if (available < 2)
                return;
            quint64 length = p[1] & 0x7F;
            qsizetype header = 2;
            if (length == 126) {
                if (available < 4)
                    return;
                length = (quint64(p[2]) << 8) | p[3];
                header = 4;
            } else if (length == 127) {
                if (available < 10)
                    return;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | p[2 + i];
                header = 10;
            }
            const bool masked = (p[1] & 0x80) != 0;
            const qsizetype keyAt = header;
            if (masked)
                header += 4;
            if (available < header + qsizetype(length))
                return;
            QByteArray payload(reinterpret_cast<const char*>(p + header), qsizetype(length));
            if (masked) {
                for (qsizetype i = 0; i < payload.size(); ++i)
                    payload[i] = char(payload[i] ^ p[keyAt + (i % 4)]);
            }
            unmasked_ += payload;
            stream.remove(1, header + qsizetype(length));
        }
    }

    QTcpServer listener_;
    QString host_;
    quint16 port_ = 0;
    QByteArray captured_;
    QByteArray unmasked_;
};

// The device token the client stored (client.db, settings table).
std::string storedToken(const QString& folder)
{
    sqlite3* db = nullptr;
    std::string token;
    if (sqlite3_open_v2((folder + QStringLiteral("/client.db")).toUtf8().constData(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = 'token'", -1, &statement, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            token = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return token;
}

class TransportTest : public DemoServerTest {
protected:
    // Admits a secretary through the proxy and records a comment and a live draft with
    // recognisable words; returns what the capture must not show.
    QList<QByteArray> recordSession(RecordingProxy& proxy, const QString& address)
    {
        const QString code = server->admit(QStringLiteral("secretary"), kConference);
        EXPECT_FALSE(code.isEmpty()) << server->lastOutput().toStdString();
        const QString folder = root.filePath(QStringLiteral("captured-%1").arg(++sessions_));
        auto app = std::make_unique<App>(folder);
        app->connectTo(address);
        app->admit(code, QStringLiteral("Thư ký bị nghe lén"));
        EXPECT_TRUE(QTest::qWaitFor([&] { return app->connectionState() == App::Connected && app->hasServerState(); },
                                    kWaitMs))
            << app->lastError().toStdString();
        const QString speaker = app->addParticipant(QStringLiteral("Trần Văn Kín"), QStringLiteral("Bí thư chi bộ"),
                                                    QStringLiteral("Chi bộ khu dân cư số 7"), QString());
        const QString turn = app->enqueue(speaker);
        app->startTurn(turn);
        app->sendTyping(QString(), speaker, QStringLiteral("Bản nháp riêng tư về quỹ đất hồ Tây"));
        const QString id = app->createComment(speaker, turn,
                                              QStringLiteral("Đề nghị công khai quy hoạch khu đất ven hồ Tây"), {},
                                              QStringLiteral("other"), QString(), QString(), false);
        EXPECT_FALSE(id.isEmpty()) << app->lastError().toStdString();
        EXPECT_TRUE(QTest::qWaitFor([&] { return app->unsentCount() == 0; }, kWaitMs));
        const std::string token = storedToken(folder);
        EXPECT_FALSE(token.empty());
        app.reset();
        return {code.toUtf8(), QByteArray::fromStdString(token),
                QStringLiteral("công khai quy hoạch khu đất ven hồ Tây").toUtf8(),
                QStringLiteral("Bản nháp riêng tư").toUtf8(), QStringLiteral("Trần Văn Kín").toUtf8()};
    }
    int sessions_ = 0;
};

class InsecureTransportTest : public TransportTest {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(root.isValid());
        QDir().mkpath(root.filePath("server"));
        server = std::make_unique<ServerProcess>(root.filePath("server"));
        ASSERT_TRUE(server->createDemo()) << server->lastOutput().toStdString();
        ASSERT_TRUE(server->start(/*insecure=*/true)) << server->lastOutput().toStdString();
    }
};

}  // namespace

TEST_F(TransportTest, APassiveCaptureOfASessionShowsNoCodeTokenNameOrText)
{
    RecordingProxy proxy(server->address());
    const auto secrets = recordSession(proxy, proxy.address());
    ASSERT_FALSE(HasFailure());
    ASSERT_GT(proxy.size(), 2000) << "the capture recorded nothing";
    for (const QByteArray& secret : secrets)
        EXPECT_FALSE(proxy.readable().contains(secret)) << "readable on the Wi-Fi: " << secret.toStdString();
}

TEST_F(InsecureTransportTest, WithoutTlsTheSameCaptureShowsEverything)
{
    // Proves the capture above can see what it looks for.
    RecordingProxy proxy(server->address());
    const auto secrets = recordSession(proxy, QStringLiteral("ws://") + proxy.address());
    ASSERT_FALSE(HasFailure());
    for (const QByteArray& secret : secrets)
        EXPECT_TRUE(proxy.readable().contains(secret)) << "not found in a plain capture: " << secret.toStdString();
}

TEST_F(TransportTest, ADevicePinsTheCertificateAndRefusesAnotherServerAtTheSameAddress)
{
    RecordingProxy proxy(server->address());
    auto app = admitted(QStringLiteral("pinned"), QStringLiteral("secretary"), QStringLiteral("Thư ký"));
    ASSERT_FALSE(HasFailure());
    const QString first = server->fingerprint();
    ASSERT_EQ(first.size(), 64);
    EXPECT_EQ(app->serverFingerprint(), shortFingerprint(first)) << "trusted on first use and pinned";
    EXPECT_TRUE(app->secureConnection());

    // Through the proxy (a stable address), then the server is replaced by one with another
    // certificate: a reinstalled server, or a laptop pretending to be it.
    app->connectTo(proxy.address());
    ASSERT_TRUE(QTest::qWaitFor([&] { return app->connectionState() == App::Connected; }, kWaitMs));
    server->kill();
    QDir(root.filePath(QStringLiteral("server/tls"))).removeRecursively();
    ASSERT_TRUE(server->start()) << server->lastOutput().toStdString();
    const QString second = server->fingerprint();
    ASSERT_NE(second, first);
    const qsizetype before = proxy.size();
    proxy.retarget(server->address());

    ASSERT_TRUE(QTest::qWaitFor([&] { return app->lastError().contains(shortFingerprint(second)); }, kWaitMs))
        << app->lastError().toStdString();
    EXPECT_TRUE(app->lastError().contains(shortFingerprint(first))) << app->lastError().toStdString();
    EXPECT_TRUE(app->lastError().contains(QStringLiteral("Quên thiết bị"))) << "says what to do";
    // It stays refused: no reconnect loop, never connected.
    QTest::qWait(1500);
    EXPECT_NE(app->connectionState(), App::Connected);
    const qsizetype after = proxy.size();
    QTest::qWait(2000);
    EXPECT_EQ(proxy.size(), after) << "the device keeps knocking at a server it refused";
    EXPECT_GT(after, before) << "the refused handshake went through the proxy";
    EXPECT_EQ(app->serverFingerprint(), shortFingerprint(first)) << "the pin must not move";
}

TEST_F(TransportTest, ALinkWithTheFingerprintAdmitsAndAWrongOneKeepsTheCodeUnused)
{
    const QString code = server->admit(QStringLiteral("chair"), kConference);
    const QString link = server->lastLink();
    ASSERT_TRUE(link.startsWith(QStringLiteral("gopy://127.0.0.1:"))) << server->lastOutput().toStdString();
    ASSERT_TRUE(link.contains(QStringLiteral("code=") + code));
    ASSERT_TRUE(link.contains(QStringLiteral("fp=") + server->fingerprint()));

    // A link whose fingerprint is not the server's: refused before the code is sent.
    QString forged = link;
    forged.replace(server->fingerprint(), QString(64, QLatin1Char('a')));
    auto fooled = std::make_unique<App>(root.filePath(QStringLiteral("forged")));
    const QVariantMap parsed = fooled->parseServerLink(forged);
    ASSERT_TRUE(parsed.value(QStringLiteral("valid")).toBool());
    EXPECT_EQ(parsed.value(QStringLiteral("code")).toString(), code);
    fooled->connectTo(forged);
    fooled->admit(code, QStringLiteral("Chủ trì"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return fooled->lastError().contains(QStringLiteral("AAAA AAAA")); }, kWaitMs))
        << fooled->lastError().toStdString();
    EXPECT_NE(fooled->connectionState(), App::Connected);

    // The right link: admitted with that same code, pinned from the start.
    auto chair = std::make_unique<App>(root.filePath(QStringLiteral("linked")));
    chair->connectTo(link);
    EXPECT_EQ(chair->serverAddress(), server->address());
    chair->admit(code, QStringLiteral("Chủ trì"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->connectionState() == App::Connected; }, kWaitMs))
        << "the code was burnt by the refused attempt: " << chair->lastError().toStdString();
    EXPECT_EQ(chair->serverFingerprint(), shortFingerprint(server->fingerprint()));
}

TEST(ServerLinkTest, ParsesTheFormsPeopleTypeOrPaste)
{
    auto link = parseServerLink(QStringLiteral(" 192.168.1.10:8080 "));
    ASSERT_TRUE(link);
    EXPECT_EQ(link->address, QStringLiteral("192.168.1.10:8080"));
    EXPECT_TRUE(link->secure);
    link = parseServerLink(QStringLiteral("ws://127.0.0.1:9000"));
    ASSERT_TRUE(link);
    EXPECT_FALSE(link->secure);
    EXPECT_EQ(storedAddress(*link), QStringLiteral("ws://127.0.0.1:9000"));
    const QString fp(64, QLatin1Char('b'));
    link = parseServerLink(QStringLiteral("gopy://10.0.0.5:8080/?code=ABCD-EFGH&fp=") + fp.toUpper());
    ASSERT_TRUE(link);
    EXPECT_EQ(link->address, QStringLiteral("10.0.0.5:8080"));
    EXPECT_EQ(link->code, QStringLiteral("ABCD-EFGH"));
    EXPECT_EQ(link->fingerprint, fp);
    EXPECT_EQ(shortFingerprint(fp), QStringLiteral("BBBB BBBB BBBB BBBB"));
    EXPECT_FALSE(parseServerLink(QStringLiteral("192.168.1.10")));
    EXPECT_FALSE(parseServerLink(QStringLiteral("192.168.1.10:99999")));
    EXPECT_FALSE(parseServerLink(QStringLiteral("http://192.168.1.10:8080")));
    EXPECT_FALSE(parseServerLink(QStringLiteral("gopy://10.0.0.5:8080/?code=X&fp=1234")));
}
