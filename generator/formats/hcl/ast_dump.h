// Compact S-expression rendering of the syntax tree, for tests and debugging.
#pragma once

#include <string>

#include "formats/hcl/ast.h"

namespace infragen::hcl {

// E.g. `a.b[0] + f(x...)` -> (+ (traverse a .b [0]) (call f x ...)).
std::string dump_expression(const Expression& expression);

// One line per attribute (`name = <expression>`) and block (`type "label" {` ... `}`),
// nested blocks indented by two spaces.
std::string dump_body(const Body& body);

}  // namespace infragen::hcl
