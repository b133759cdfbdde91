// What `gopy-server admit` shows besides the code: the LAN addresses a tablet can reach, the
// gopy:// link that carries address, code and certificate fingerprint in one, and that link as
// a QR code drawn in the terminal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gopy::server::app {

/// The machine's IPv4 addresses other than loopback, in interface order ("192.168.1.10").
std::vector<std::string> lanAddresses();

/// "gopy://192.168.1.10:8080/?code=ABCD-EFGH&fp=<64 hex>" (fp left out when empty). The client
/// reads the same form (client/core/server_link.h).
std::string admissionLink(const std::string& host, std::uint16_t port, const std::string& code,
                          const std::string& fingerprint);

/// `text` as a QR code (error correction M) in lines of Unicode half blocks, two modules per
/// character row, with a quiet zone of two modules. Light modules are drawn as blocks, as
/// `qrencode -t UTF8` does, so the code reads on a terminal with a dark background. Empty when
/// the text does not fit in a QR code.
std::string terminalQr(const std::string& text);

}  // namespace gopy::server::app
