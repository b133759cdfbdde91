#include "test_setup.h"
#include "test_server.h"

#include <QDir>
#include <QFontDatabase>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QQmlEngine>
#include <QtQml/qqml.h>

TestData::TestData(QString pdfPath, QObject* parent) : QObject(parent), pdfPath_(std::move(pdfPath)) {}

namespace {

// Writes a three-page A4 PDF whose pages say "Trang N" and contain the words "tổng hợp".
bool writePdf(const QString& path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    writer.setTitle(QStringLiteral("Báo cáo tổng hợp ý kiến"));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    painter.setFont(QFont(QStringLiteral("Liberation Sans"), 16));
    for (int page = 1; page <= 3; ++page) {
        if (page > 1)
            writer.newPage();
        painter.drawText(72, 100, QStringLiteral("BÁO CÁO tổng hợp ý kiến góp ý — Trang %1").arg(page));
        painter.drawText(72, 140, QStringLiteral("Đồng chí Nguyễn Văn Định đề nghị bổ sung mục II.3."));
    }
    return painter.end();
}

}  // namespace

void TestSetup::applicationAvailable()
{
    // The App singleton reads its folder from the environment when QML first touches it.
    qputenv("GOPY_CLIENT_DATA_DIR", QDir(dir_.path()).filePath("client").toUtf8());
    qunsetenv("GOPY_SERVER");
    const QDir fonts(QStringLiteral(GOPY_ASSETS_DIR "/fonts"));
    for (const QString& name : fonts.entryList({QStringLiteral("*.ttf")}))
        QFontDatabase::addApplicationFont(fonts.filePath(name));
    pdfPath_ = QDir(dir_.path()).filePath("report.pdf");
    if (!writePdf(pdfPath_))
        qFatal("cannot write the test PDF %s", qPrintable(pdfPath_));
}

void TestSetup::qmlEngineAvailable(QQmlEngine* engine)
{
    // Our static modules live under qrc:/qt/qml (RESOURCE_PREFIX), not on the default path in 6.4.
    engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    auto* data = new TestData(pdfPath_, engine);
    qmlRegisterSingletonInstance("GopY.Test", 1, 0, "TestData", data);
    // Started only by the tests that need server data (TestServer.start()).
    qmlRegisterSingletonInstance("GopY.Test", 1, 0, "TestServer", new TestServer(engine));
}
