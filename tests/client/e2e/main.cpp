// gopy_e2e: without arguments, the end-to-end test (server + secretary + chair processes);
// with --screenshots DIR, screenshots of every view; with --client, one driven client.
#include <QCommandLineParser>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

#include "client_driver.h"
#include "orchestrator.h"

Q_IMPORT_QML_PLUGIN(GopYPlugin)
Q_IMPORT_QML_PLUGIN(GopY_ViewsPlugin)

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QStringList valued{"server", "data", "code", "device", "shared", "comment", "screenshot",
                             "size", "conference", "scenario", "screenshots"};
    for (const QString& name : valued)
        parser.addOption(QCommandLineOption(name, name, name));
    parser.addOption(QCommandLineOption("client"));
    parser.process(app);

    const QDir fonts(QStringLiteral(GOPY_ASSETS_DIR "/fonts"));
    for (const QString& name : fonts.entryList({QStringLiteral("*.ttf")}))
        QFontDatabase::addApplicationFont(fonts.filePath(name));

    if (parser.isSet("client")) {
        gopy::e2e::ClientOptions options;
        options.scenario = parser.value("scenario");
        options.server = parser.value("server");
        options.dataDir = parser.value("data");
        options.code = parser.value("code");
        options.deviceName = parser.value("device");
        options.sharedDir = parser.value("shared");
        options.comment = parser.value("comment");
        options.screenshot = parser.value("screenshot");
        options.conferenceId = parser.value("conference").toInt();
        const QStringList size = parser.value("size").split('x');
        if (size.size() == 2)
            options.size = QSize(size[0].toInt(), size[1].toInt());
        gopy::e2e::ClientDriver driver(options);
        return driver.run();
    }
    gopy::e2e::Orchestrator orchestrator(QCoreApplication::applicationFilePath(),
                                         QStringLiteral(GOPY_SERVER_EXE));
    if (parser.isSet("screenshots"))
        return orchestrator.runScreenshots(parser.value("screenshots"));
    return orchestrator.runLiveComment();
}
