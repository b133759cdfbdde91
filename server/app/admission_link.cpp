#include "server/app/admission_link.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <memory>

#include <qrencode.h>

namespace gopy::server::app {

std::vector<std::string> lanAddresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    const std::unique_ptr<ifaddrs, void (*)(ifaddrs*)> owner(list, freeifaddrs);
    for (const ifaddrs* it = list; it != nullptr; it = it->ifa_next) {
        if (it->ifa_addr == nullptr || it->ifa_addr->sa_family != AF_INET) continue;
        if ((it->ifa_flags & IFF_LOOPBACK) != 0 || (it->ifa_flags & IFF_UP) == 0) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* address = reinterpret_cast<const sockaddr_in*>(it->ifa_addr);
        if (inet_ntop(AF_INET, &address->sin_addr, text, sizeof text) == nullptr) continue;
        std::string value(text);
        bool seen = false;
        for (const auto& known : out) seen = seen || known == value;
        if (!seen) out.push_back(std::move(value));
    }
    return out;
}

std::string admissionLink(const std::string& host, std::uint16_t port, const std::string& code,
                          const std::string& fingerprint) {
    std::string link = "gopy://" + host + ":" + std::to_string(port) + "/?code=" + code;
    if (!fingerprint.empty()) link += "&fp=" + fingerprint;
    return link;
}

std::string terminalQr(const std::string& text) {
    const std::unique_ptr<QRcode, void (*)(QRcode*)> qr(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!qr) return {};
    constexpr int kQuiet = 2;
    const int width = qr->width;
    const int size = width + 2 * kQuiet;
    // Bit 0 of each module byte is "dark".
    const auto dark = [&](int row, int column) {
        row -= kQuiet;
        column -= kQuiet;
        if (row < 0 || column < 0 || row >= width || column >= width) return false;
        return (qr->data[row * width + column] & 1) != 0;
    };
    std::string out;
    for (int row = 0; row < size; row += 2) {
        for (int column = 0; column < size; ++column) {
            const bool topLight = !dark(row, column);
            const bool bottomLight = row + 1 < size ? !dark(row + 1, column) : false;
            if (topLight && bottomLight)
                out += "\u2588";  // █
            else if (topLight)
                out += "\u2580";  // ▀
            else if (bottomLight)
                out += "\u2584";  // ▄
            else
                out += ' ';
        }
        out += '\n';
    }
    return out;
}

}  // namespace gopy::server::app
