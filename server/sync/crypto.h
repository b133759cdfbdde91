// The few cryptographic helpers the engine needs, on OpenSSL.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gopy::server::crypto {

/// Lower-case hex SHA-256 of `bytes` (OpenSSL EVP).
std::string sha256Hex(std::string_view bytes);
/// `count` bytes from the OpenSSL CSPRNG (RAND_bytes); throws std::runtime_error on failure.
std::string randomBytes(std::size_t count);
/// Lower-case hex of `bytes`.
std::string hex(std::string_view bytes);

}  // namespace gopy::server::crypto
