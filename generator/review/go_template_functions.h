// The functions a Helm chart calls: Go's template builtins, sprig's and Helm's own (a subset).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "review/go_template_tree.h"

namespace infragen::review::go_template {

// Renders template NAME with DATA (`include`), or TEXT parsed as a template (`tpl`).
struct FunctionHost {
  std::function<std::string(const std::string& name, const Value& data)> include;
  std::function<std::string(const std::string& text, const Value& data)> tpl;
};

// Calls function `name` with `arguments` (a piped value is the last one). Throws TemplateError
// for an unknown function, a wrong number of arguments, `required` without a value and `fail`.
Value call_function(const std::string& name, const std::vector<Value>& arguments,
                    const FunctionHost& host);

// Go's truth of a value: false, 0, nil and empty strings, lists and maps are false.
bool is_true(const Value& value);

// A value as an action prints it (fmt's %v; nil prints nothing, as Helm does).
std::string print_value(const Value& value);

}  // namespace infragen::review::go_template
