// Public face of the HCL finisher: parse HCL native syntax and print it like `terraform fmt`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infragen::hcl {

// A syntax error at a 1-based line and column of the input text.
struct SyntaxError {
  int line = 0;
  int column = 0;
  std::string message;
};

struct FormatResult {
  std::string formatted;  // canonical text; empty when there are errors
  std::vector<SyntaxError> errors;
  bool ok() const { return errors.empty(); }
};

// Parses `text` (a .tf or .tfvars file) and returns it formatted byte-identically to
// `terraform fmt`, or the syntax errors found.
FormatResult format_hcl(std::string_view text);

}  // namespace infragen::hcl
