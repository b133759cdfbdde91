// The real gopy-server for the QML tests of views that show server data: a demo database in a
// temporary folder, served on 127.0.0.1 with an ephemeral port, and admission codes for roles.
// Registered as the `TestServer` singleton of GopY.Test.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class TestServer : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString address READ address NOTIFY addressChanged)
    Q_PROPERTY(QString lastOutput READ lastOutput NOTIFY lastOutputChanged)
public:
    explicit TestServer(QObject* parent = nullptr);
    ~TestServer() override;

    /// Writes the demo data (`gopy-server demo`) and starts `serve --listen 127.0.0.1:0`;
    /// false (with the server's output in lastOutput) if either fails. Blocks until listening.
    Q_INVOKABLE bool start();
    /// A one-time admission code (`gopy-server admit`) for `role`; `conferenceId` and
    /// `organisationId` are passed when > 0. "" (and lastOutput) on failure.
    Q_INVOKABLE QString admit(const QString& role, int conferenceId, int organisationId);
    /// Kills the server (like a power cut) and waits for it to end; false if none was running.
    Q_INVOKABLE bool stop();
    /// Serves the same data again on the same address; false (and lastOutput) on failure.
    Q_INVOKABLE bool restart();
    /// "127.0.0.1:PORT" while serving, "" before.
    QString address() const { return address_; }
    QString lastOutput() const { return lastOutput_; }

signals:
    void addressChanged();
    void lastOutputChanged();

private:
    bool run(const QStringList& arguments, QString* standardOutput);
    bool serve(const QString& listen);
    void setLastOutput(const QString& text);

    QTemporaryDir dir_;
    QString address_;
    QString lastOutput_;
    std::unique_ptr<QProcess> server_;
};
