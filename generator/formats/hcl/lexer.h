// Splits HCL native syntax into tokens exactly where HashiCorp's scanner does.
#pragma once

#include <string_view>
#include <vector>

#include "formats/hcl/token.h"

namespace infragen::hcl {

// Tokens of `source` (which must outlive them), comments and newlines included, ending
// with an end_of_file token. A UTF-8 byte order mark is skipped. Lexing never fails:
// characters that start no token become invalid/bad_utf8 tokens for the parser to report.
std::vector<Token> lex_hcl(std::string_view source);

}  // namespace infragen::hcl
