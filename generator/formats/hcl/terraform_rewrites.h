// The token rewrites `terraform fmt` makes on top of hclwrite's whitespace layout.
#pragma once

#include "formats/hcl/ast.h"
#include "formats/hcl/token_layout.h"

namespace infragen::hcl {

// Applies, to the tokens of `file` in `stream` (one layout token per file token):
//  - block labels are written quoted ("name"), escapes normalised, comments between the
//    block type and its last label dropped (as hclwrite's label rewrite does; note that it
//    also drops a quoted label made of several literal pieces, e.g. one containing a lone
//    `$`, which terraform 1.11 does too);
//  - an attribute whose value is only an interpolation, "${expr}", becomes expr
//    (parenthesised when it spans lines);
//  - in a top-level `variable` block, `type = list` / `map` / `set` become list(any) etc.,
//    and legacy quoted types "string" / "list" / "map" become string, list(string),
//    map(string).
void apply_terraform_rewrites(const File& file, LayoutStream& stream);

}  // namespace infragen::hcl
