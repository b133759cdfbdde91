// `--screenshot FILE` support: resizes the first window (`--size WxH`), waits until the views
// have settled and saves a PNG of it, then quits. For the documentation screenshots.
#pragma once

#include <QObject>
#include <QSize>
#include <QString>

class QQmlApplicationEngine;

class WindowCapture : public QObject {
    Q_OBJECT
public:
    /// Captures the engine's first root window `delayMs` after start into `path`, then quits
    /// the application with exit code 0 (1 if the grab or the write failed).
    WindowCapture(QQmlApplicationEngine& engine, QString path, QSize size, int delayMs,
                  QObject* parent = nullptr);

private:
    void capture();

    QQmlApplicationEngine& engine_;
    QString path_;
};
