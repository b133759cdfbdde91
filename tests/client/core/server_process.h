// The real gopy-server as a subprocess on 127.0.0.1 with an ephemeral port, for tests.
#pragma once

#include <QProcess>
#include <QString>

#include <memory>

class ServerProcess {
public:
    /// `dataDir` holds gopy.db; created with demo data by createDemo().
    explicit ServerProcess(QString dataDir);
    ~ServerProcess();

    /// Runs `gopy-server demo --data DIR`; false (with output in lastOutput) on failure.
    bool createDemo();
    /// Runs `gopy-server admit`; the printed code, "" on failure. `organisationId` > 0 binds a
    /// grassroots reporter to its organisation; conferenceId 0 leaves the device unbound.
    QString admit(const QString& role, int conferenceId, int organisationId = 0);
    /// Runs `gopy-server import-public` (the server may be running); false (output in
    /// lastOutput) on failure.
    bool importPublic(const QString& file);
    /// Starts `serve --listen 127.0.0.1:0` (TLS, or plain with `insecure`) and waits for
    /// "listening 127.0.0.1:PORT".
    bool start(bool insecure = false);
    /// The certificate fingerprint the running server printed (64 lowercase hex digits);
    /// empty for an insecure server.
    QString fingerprint() const { return fingerprint_; }
    /// The gopy:// link `admit` printed on stderr with the last code (for the running
    /// server's port), empty if none.
    QString lastLink() const { return lastLink_; }
    /// Kills the server (SIGKILL: like a power loss) and waits for it to end.
    void kill();
    /// "127.0.0.1:PORT" of the running server.
    QString address() const { return address_; }
    QString lastOutput() const { return lastOutput_; }

private:
    QString run(const QStringList& arguments, bool* ok);

    QString dataDir_;
    QString address_;
    QString fingerprint_;
    QString lastLink_;
    QString lastOutput_;
    std::unique_ptr<QProcess> server_;
};
