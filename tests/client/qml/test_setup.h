// Prepares the Qt Quick Test run of the views: a fresh client data folder for the App singleton,
// the Liberation fonts, a `TestData` singleton (import GopY.Test) with a small PDF report and a
// `TestServer` singleton that runs the real gopy-server with demo data.
#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;

/// Files the QML tests read: a three-page Vietnamese PDF written with QPdfWriter.
class TestData : public QObject {
    Q_OBJECT
    Q_PROPERTY(QUrl pdfUrl READ pdfUrl CONSTANT)
    Q_PROPERTY(QString pdfPath READ pdfPath CONSTANT)
    /// $GOPY_SCREENSHOT_DIR: where tests save pictures of the views to look at; "" = none.
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)
public:
    explicit TestData(QString pdfPath, QObject* parent = nullptr);
    QUrl pdfUrl() const { return QUrl::fromLocalFile(pdfPath_); }
    QString pdfPath() const { return pdfPath_; }
    QString screenshotDir() const { return qEnvironmentVariable("GOPY_SCREENSHOT_DIR"); }

private:
    QString pdfPath_;
};

/// The QUICK_TEST_MAIN_WITH_SETUP hook object.
class TestSetup : public QObject {
    Q_OBJECT
public slots:
    /// Points the App singleton at an empty data folder (so it starts in NeedsAdmission),
    /// registers the fonts and writes the PDF.
    void applicationAvailable();
    /// Registers the TestData and TestServer singletons.
    void qmlEngineAvailable(QQmlEngine* engine);

private:
    QTemporaryDir dir_;
    QString pdfPath_;
};
