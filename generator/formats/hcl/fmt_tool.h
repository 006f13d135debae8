// `infragen fmt FILE...`: rewrite Terraform files in canonical form, or check that they are.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace infragen::hcl {

// Formats each file like `terraform fmt`. Without `check`, files that are not canonical are
// rewritten in place (their names are printed to `out`). With `check`, nothing is written and
// a unified diff is printed to `out` for every file that is not canonical.
// Syntax errors go to `err` as "FILE:LINE:COL: error: MESSAGE" with the source line and a caret.
// Returns 2 when a file cannot be read or written, else 1 on a syntax error or (with `check`)
// when any file is not canonical, else 0.
int run_fmt_tool(const std::vector<std::string>& files, bool check, std::ostream& out,
                 std::ostream& err);

}  // namespace infragen::hcl
