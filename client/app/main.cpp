// gopy-client [--server ADDR:PORT] [--data DIR] [--screenshot FILE --size WxH --delay MS]
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

#include "client/core/app.h"
#include "window_capture.h"

Q_IMPORT_QML_PLUGIN(GopYPlugin)
#ifdef GOPY_HAVE_VIEWS
Q_IMPORT_QML_PLUGIN(GopY_ViewsPlugin)
#endif

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("GopY"));
    QGuiApplication::setOrganizationName(QStringLiteral("GopY"));
    for (const QString& font : QDir(QStringLiteral(":/fonts")).entryList({QStringLiteral("*.ttf")}))
        QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/") + font);
    QGuiApplication::setFont(QFont(QStringLiteral("Liberation Sans"), 12));

    QCommandLineParser options;
    options.setApplicationDescription(QStringLiteral("GopY: ghi nhận và tổng hợp ý kiến góp ý tại hội nghị"));
    options.addHelpOption();
    options.addOptions({
        {QStringLiteral("server"), QStringLiteral("Địa chỉ máy chủ (ADDR:PORT)."), QStringLiteral("ADDR:PORT")},
        {QStringLiteral("data"), QStringLiteral("Thư mục dữ liệu trên máy."), QStringLiteral("DIR")},
        {QStringLiteral("screenshot"), QStringLiteral("Lưu ảnh cửa sổ vào FILE rồi thoát."), QStringLiteral("FILE")},
        {QStringLiteral("size"), QStringLiteral("Kích thước cửa sổ cho ảnh (WxH)."), QStringLiteral("WxH")},
        {QStringLiteral("delay"), QStringLiteral("Chờ bao lâu trước khi chụp (ms)."), QStringLiteral("MS"), QStringLiteral("3000")},
    });
    options.process(app);
    QString dataDir = options.value(QStringLiteral("data"));
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    gopy::client::App::setStartupOptions(dataDir, options.value(QStringLiteral("server")));

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    // Qt 6.4 puts modules under qrc:/qt/qml only when asked (RESOURCE_PREFIX); accept both.
    const QString main = QFile::exists(QStringLiteral(":/qt/qml/GopY/Views/Main.qml"))
                             ? QStringLiteral("qrc:/qt/qml/GopY/Views/Main.qml")
                             : QStringLiteral("qrc:/GopY/Views/Main.qml");
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(main));
    if (engine.rootObjects().isEmpty())
        return 1;

    std::unique_ptr<WindowCapture> capture;
    if (options.isSet(QStringLiteral("screenshot"))) {
        const QStringList size = options.value(QStringLiteral("size")).split(QLatin1Char('x'));
        const QSize windowSize = size.size() == 2 ? QSize(size[0].toInt(), size[1].toInt()) : QSize();
        capture = std::make_unique<WindowCapture>(engine, options.value(QStringLiteral("screenshot")),
                                                  windowSize, options.value(QStringLiteral("delay")).toInt());
    }
    return QGuiApplication::exec();
}
