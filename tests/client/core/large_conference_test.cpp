// A conference larger than one frame opens on a device: the public channel with 9,000 imported
// comments (a snapshot of several MB) reaches a real client in parts and is shown whole.
#include <QFile>
#include <QTest>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

constexpr int kPublicChannel = 6;
constexpr int kImported = 9000;

class LargeConferenceTest : public DemoServerTest {
protected:
    void beforeStart() override
    {
        const QString csv = root.filePath(QStringLiteral("public.csv"));
        QFile file(csv);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("submitted_at,ward,name,contact,section,text\r\n");
        for (int i = 0; i < kImported; ++i) {
            file.write(QStringLiteral("2025-03-05,Phúc Xá,Người dân số %1,,I,\"Đề nghị bổ sung giải pháp phát triển văn "
                                      "hoá, thể thao ở khu dân cư, ý kiến thứ %1 gửi qua trang của phường\"\r\n")
                           .arg(i)
                           .toUtf8());
        }
        file.close();
        ASSERT_TRUE(server->importPublic(csv)) << server->lastOutput().toStdString();
    }
};

}  // namespace

TEST_F(LargeConferenceTest, APublicChannelOfNineThousandCommentsOpensWhole)
{
    auto chair = admitted(QStringLiteral("chair"), QStringLiteral("chair"), QStringLiteral("Chủ trì"), kPublicChannel);
    ASSERT_FALSE(HasFailure());
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->confirmed().comments.size() >= std::size_t(kImported); }, kWaitMs))
        << "shown: " << chair->confirmed().comments.size() << " " << chair->lastError().toStdString();
    EXPECT_TRUE(chair->lastError().isEmpty()) << chair->lastError().toStdString();
    // And again from the device's own cache after a restart (larger than a frame too).
    chair.reset();
    App again(root.filePath(QStringLiteral("chair")));
    EXPECT_GE(again.confirmed().comments.size(), std::size_t(kImported)) << "the cached conference did not load";
}
