#include "output/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace infragen {

std::string sha256_hex(std::string_view data) {
  // OpenSSL's digest uses the CPU's SHA extensions where there are any: hashing every generated
  // file for the ownership record took a tenth of a large run with a portable implementation.
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1 ||
      length != 32) {
    std::abort();  // only when OpenSSL itself is broken: no hash would be right
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (unsigned int i = 0; i < 32; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return out;
}

}  // namespace infragen
