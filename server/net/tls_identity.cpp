#include "server/net/tls_identity.h"

#include "server/sync/crypto.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace gopy::server::net {

namespace fs = std::filesystem;

namespace {

struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct X509Free {
    void operator()(X509* cert) const { X509_free(cert); }
};
using Bio = std::unique_ptr<BIO, BioFree>;
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;

[[noreturn]] void fail(const std::string& what) {
    std::string detail;
    if (const unsigned long code = ERR_get_error(); code != 0) {
        std::array<char, 256> buffer{};
        ERR_error_string_n(code, buffer.data(), buffer.size());
        detail = std::string(": ") + buffer.data();
    }
    ERR_clear_error();
    throw std::runtime_error(what + detail);
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("không đọc được " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Written to a temporary file with the given mode, synced and renamed: a crash leaves either
// no file or the whole file, never half a key.
void writeFile(const fs::path& path, const std::string& content, mode_t mode) {
    const fs::path temporary = path.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) throw std::runtime_error("không ghi được " + temporary.string() + ": " + std::strerror(errno));
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string message = std::strerror(errno);
            ::close(fd);
            throw std::runtime_error("không ghi được " + temporary.string() + ": " + message);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        const std::string message = std::strerror(errno);
        ::close(fd);
        throw std::runtime_error("không ghi được " + temporary.string() + ": " + message);
    }
    ::close(fd);
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) throw std::runtime_error("không ghi được " + path.string() + ": " + ec.message());
}

std::string pemOf(int (*write)(BIO*, void*), void* object) {
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get(), object) != 1) fail("không mã hóa được PEM");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

Cert certificateFromPem(const std::string& pem) {
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Cert cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!cert) fail("chứng chỉ TLS không đọc được");
    return cert;
}

Pkey keyFromPem(const std::string& pem) {
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key) fail("khóa TLS không đọc được");
    return key;
}

std::string fingerprintOf(X509* cert) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (X509_digest(cert, EVP_sha256(), digest.data(), &length) != 1) fail("không tính được dấu vân tay");
    return crypto::hex(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

std::string hostName() {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return "máy chủ";
    return name.data();
}

void addExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (extension == nullptr) fail("không tạo được phần mở rộng của chứng chỉ");
    const int added = X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
    if (added != 1) fail("không tạo được phần mở rộng của chứng chỉ");
}

TlsIdentity createIdentity() {
    Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) fail("không tạo được khóa TLS");
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1) fail("không tạo được chứng chỉ TLS");
    std::array<unsigned char, 16> serial{};
    if (RAND_bytes(serial.data(), static_cast<int>(serial.size())) != 1) fail("không tạo được số ngẫu nhiên");
    serial[0] &= 0x7F;  // a positive serial number
    BIGNUM* number = BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr);
    if (number == nullptr || BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get())) == nullptr) {
        BN_free(number);
        fail("không tạo được số hiệu chứng chỉ");
    }
    BN_free(number);
    // Valid from a day ago (a tablet whose clock is a little behind) for twenty years: a hall
    // server has no one to renew it, and the pin, not the dates, is what devices check.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24L * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 20L * 365 * 24 * 3600);
    if (X509_set_pubkey(cert.get(), key.get()) != 1) fail("không gắn được khóa vào chứng chỉ");
    X509_NAME* name = X509_get_subject_name(cert.get());
    const std::string common = "GopY " + hostName();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("GopY"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common.c_str()), -1,
                               -1, 0);
    if (X509_set_issuer_name(cert.get(), name) != 1) fail("không tạo được chứng chỉ TLS");
    addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(cert.get(), NID_ext_key_usage, "serverAuth");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) fail("không ký được chứng chỉ TLS");

    TlsIdentity identity;
    identity.certificatePem = pemOf([](BIO* bio, void* x) { return PEM_write_bio_X509(bio, static_cast<X509*>(x)); },
                                    cert.get());
    identity.privateKeyPem = pemOf(
        [](BIO* bio, void* k) {
            return PEM_write_bio_PrivateKey(bio, static_cast<EVP_PKEY*>(k), nullptr, nullptr, 0, nullptr, nullptr);
        },
        key.get());
    identity.fingerprint = fingerprintOf(cert.get());
    return identity;
}

}  // namespace

TlsIdentity loadOrCreateTlsIdentity(const fs::path& dataDir) {
    const fs::path folder = dataDir / "tls";
    const fs::path certPath = folder / "cert.pem";
    const fs::path keyPath = folder / "key.pem";
    const bool haveCert = fs::exists(certPath);
    const bool haveKey = fs::exists(keyPath);
    if (haveCert != haveKey) {
        throw std::runtime_error("thư mục " + folder.string() + " chỉ có " + (haveCert ? "chứng chỉ" : "khóa") +
                                 " TLS: hãy khôi phục tệp còn thiếu từ bản sao lưu, hoặc xóa cả thư mục để tạo "
                                 "chứng chỉ mới (mọi thiết bị sẽ phải kết nạp lại)");
    }
    if (!haveCert) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) throw std::runtime_error("không tạo được thư mục " + folder.string() + ": " + ec.message());
        fs::permissions(folder, fs::perms::owner_all, ec);
        TlsIdentity created = createIdentity();
        writeFile(keyPath, created.privateKeyPem, 0600);
        writeFile(certPath, created.certificatePem, 0644);
        return created;
    }
    TlsIdentity identity;
    identity.certificatePem = readFile(certPath);
    identity.privateKeyPem = readFile(keyPath);
    Cert cert = certificateFromPem(identity.certificatePem);
    Pkey key = keyFromPem(identity.privateKeyPem);
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        throw std::runtime_error("khóa " + keyPath.string() + " không khớp với chứng chỉ " + certPath.string());
    }
    identity.fingerprint = fingerprintOf(cert.get());
    return identity;
}

std::string tlsFingerprintOf(const fs::path& dataDir) {
    const fs::path certPath = dataDir / "tls" / "cert.pem";
    if (!fs::exists(certPath)) return {};
    Cert cert = certificateFromPem(readFile(certPath));
    return fingerprintOf(cert.get());
}

std::shared_ptr<boost::asio::ssl::context> makeServerTlsContext(const TlsIdentity& identity) {
    namespace ssl = boost::asio::ssl;
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                         ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    context->use_certificate_chain(boost::asio::buffer(identity.certificatePem));
    context->use_private_key(boost::asio::buffer(identity.privateKeyPem), ssl::context::pem);
    return context;
}

std::string groupedFingerprint(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        if (i != 0 && i % 4 == 0) out += ' ';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
    }
    return out;
}

std::string shortFingerprint(const std::string& hex) { return groupedFingerprint(hex.substr(0, 16)); }

}  // namespace gopy::server::net
