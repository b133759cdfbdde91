// The server's TLS identity: a private key and a self-signed certificate kept in the data
// folder (DIR/tls/key.pem, mode 0600, and DIR/tls/cert.pem), created on first start and reused
// afterwards, so every device can pin the certificate's SHA-256 fingerprint at admission.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

namespace gopy::server::net {

struct TlsIdentity {
    std::string certificatePem;
    std::string privateKeyPem;
    std::string fingerprint;  ///< SHA-256 of the DER certificate, 64 lowercase hex digits
};

/// Reads DIR/tls/{cert,key}.pem, or creates them (EC P-256 key, self-signed X.509 v3, CN
/// "GopY <hostname>", valid 20 years) when neither exists. Throws std::runtime_error with a
/// Vietnamese message when the files cannot be read, written or do not match each other.
TlsIdentity loadOrCreateTlsIdentity(const std::filesystem::path& dataDir);

/// The fingerprint of DIR/tls/cert.pem, or an empty string when the folder has no identity yet.
std::string tlsFingerprintOf(const std::filesystem::path& dataDir);

/// A TLS server context (TLS 1.2 or later) holding the identity's key and certificate.
std::shared_ptr<boost::asio::ssl::context> makeServerTlsContext(const TlsIdentity& identity);

/// "3f2a9c01…" → "3F2A 9C01 … " (16 groups of 4, upper case): the form people compare.
std::string groupedFingerprint(const std::string& hex);
/// The first 4 groups ("3F2A 9C01 7B44 E012"): short enough to read aloud across the hall.
std::string shortFingerprint(const std::string& hex);

}  // namespace gopy::server::net
