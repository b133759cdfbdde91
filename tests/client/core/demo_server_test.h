// A fixture for Apps against the real gopy-server: a fresh demo campaign served on 127.0.0.1,
// and Apps admitted through it, each in its own folder.
#pragma once

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "server_process.h"

class DemoServerTest : public ::testing::Test {
protected:
    static constexpr int kWaitMs = 60000;  // generous: a loaded 2-core machine
    static constexpr int kConference = 2;

    void SetUp() override
    {
        ASSERT_TRUE(root.isValid());
        // Keep the folders (server log, client.db) for a post-mortem when asked.
        root.setAutoRemove(qEnvironmentVariableIsEmpty("GOPY_KEEP_TEST_DIRS"));
        QDir().mkpath(root.filePath("server"));
        server = std::make_unique<ServerProcess>(root.filePath("server"));
        ASSERT_TRUE(server->createDemo()) << server->lastOutput().toStdString();
        beforeStart();
        if (HasFatalFailure())
            return;
        ASSERT_TRUE(server->start()) << server->lastOutput().toStdString();
    }

    /// Runs between the demo campaign and the server's start (an import, say).
    virtual void beforeStart() {}

    /// A new App in its own folder, admitted with a fresh code for `role` on `conference`
    /// (0: unbound) and, for a grassroots reporter, `organisation`. A device bound to a
    /// conference is waited for until it holds that conference's server state.
    std::unique_ptr<gopy::client::App> admitted(const QString& folder, const QString& role,
                                                const QString& name, int conference = kConference,
                                                int organisation = 0)
    {
        using gopy::client::App;
        const QString code = server->admit(role, conference, organisation);
        EXPECT_FALSE(code.isEmpty()) << server->lastOutput().toStdString();
        auto app = std::make_unique<App>(root.filePath(folder));
        EXPECT_EQ(app->connectionState(), App::NeedsAdmission);
        app->connectTo(server->address());
        app->admit(code, name);
        EXPECT_TRUE(QTest::qWaitFor([&] { return app->connectionState() == App::Connected; }, kWaitMs))
            << app->lastError().toStdString();
        EXPECT_EQ(app->role(), role);
        if (conference > 0) {
            // Bound to the conference by its code: selected and subscribed automatically.
            EXPECT_TRUE(QTest::qWaitFor([&] { return app->conferenceId() == conference &&
                                                     app->hasServerState(); }, kWaitMs));
        }
        return app;
    }

    QTemporaryDir root;
    std::unique_ptr<ServerProcess> server;
};
