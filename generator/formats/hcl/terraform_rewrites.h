// The token rewrites `terraform fmt` makes on top of hclwrite's whitespace layout.
#pragma once

#include "formats/hcl/ast.h"
#include "formats/hcl/token_layout.h"

namespace infragen::hcl {

// Applies, to the tokens of `file` in `stream` (one layout token per file token):
//  - block labels are written quoted ("name"), escapes normalised, comments between the
//    block type and its last label dropped;
//  - an attribute whose value is only an interpolation, "${expr}", becomes expr
//    (parenthesised when it spans lines, or when a line comment inside it is followed by
//    more of the value, which terraform leaves broken);
//  - in a top-level `variable` block, `type = list` / `map` / `set` become list(any) etc.,
//    and legacy quoted types "string" / "list" / "map" become string, list(string),
//    map(string).
//
// Two things terraform 1.11 does are deliberately not copied, because they corrupt the
// configuration: hclwrite drops a quoted label whose text the scanner splits in pieces
// (one with a `$` or `%` not starting a sequence, e.g. "a$b"), and it drops the key of an
// index step `[true]`, `[false]` or `[null]` right after a variable (`var.x[true]` comes
// out as `var.x[]`, which does not parse). infragen keeps both as written.
void apply_terraform_rewrites(const File& file, LayoutStream& stream);

}  // namespace infragen::hcl
