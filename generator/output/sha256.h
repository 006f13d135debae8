// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex; used for ownership hashes and names.
#pragma once

#include <string>
#include <string_view>

namespace infragen {

// The 64-character lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace infragen
