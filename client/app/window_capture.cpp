#include "window_capture.h"

#include <QCoreApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

WindowCapture::WindowCapture(QQmlApplicationEngine& engine, QString path, QSize size, int delayMs,
                             QObject* parent)
    : QObject(parent), engine_(engine), path_(std::move(path))
{
    const auto roots = engine_.rootObjects();
    auto* window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
    if (window != nullptr && size.isValid())
        window->resize(size);
    QTimer::singleShot(delayMs, this, &WindowCapture::capture);
}

void WindowCapture::capture()
{
    const auto roots = engine_.rootObjects();
    auto* window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
    if (window == nullptr) {
        qCritical("screenshot: no window to capture");
        QCoreApplication::exit(1);
        return;
    }
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path_)) {
        qCritical("screenshot: cannot write %s", qPrintable(path_));
        QCoreApplication::exit(1);
        return;
    }
    QCoreApplication::exit(0);
}
