// Parses HCL native syntax (as Terraform uses it) into a File, reporting syntax errors.
#pragma once

#include <string_view>
#include <vector>

#include "formats/hcl/ast.h"
#include "formats/hcl/hcl_format.h"

namespace infragen::hcl {

struct ParseResult {
  File file;                        // views `source`; partial when there are errors
  std::vector<SyntaxError> errors;  // in source order
  bool ok() const { return errors.empty(); }
};

// Deeper nesting of blocks, brackets, templates or operators than this is reported as an
// error instead of risking the stack.
inline constexpr int kMaxNestingDepth = 100;

// Parses `source` (which must outlive the result). Accepts what HashiCorp's hclsyntax
// accepts, including the checks it makes while parsing (repeated attributes, single-line
// block rules, escapes, template directive nesting, legacy index forms).
ParseResult parse_hcl(std::string_view source);

}  // namespace infragen::hcl
