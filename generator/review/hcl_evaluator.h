// Evaluates what it can of a Terraform expression (variables, locals, count.index, literals,
// operators, a few functions) and renders what it cannot as canonical text.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "formats/hcl/ast.h"

namespace infragen::review {

// What names mean while evaluating one expression of one environment.
struct HclScope {
  std::string_view source;                    // the text the expression was parsed from
  const nlohmann::json* variables = nullptr;  // var.NAME -> value (tfvars over defaults)
  // local.NAME -> value, or nothing when it cannot be known. Evaluated on demand.
  std::function<std::optional<nlohmann::json>(const std::string&)> local;
  // length(TYPE.NAME) of a resource: its instance count, or nothing when unknown.
  std::function<std::optional<int>(const std::string&)> resource_count;
  std::optional<int> count_index;          // count.index of the instance
  std::optional<nlohmann::json> each_key;  // each.key / each.value of a for_each instance
  std::optional<nlohmann::json> each_value;
};

// The value of `expression`, or nothing when it depends on something only known at apply time
// (resource attributes, data sources) or on a construct the evaluator does not model.
std::optional<nlohmann::json> evaluate(const hcl::Expression& expression, const HclScope& scope);

// `expression` as one line of text: the parts that evaluate become literals (so a change of a
// tfvars value shows), the rest keeps its shape (`aws_lb.public.arn`).
std::string render(const hcl::Expression& expression, const HclScope& scope);

// A value as HCL literal text on one line: "text", 12, true, null, ["a", 1], { k = "v" }.
std::string literal_text(const nlohmann::json& value);

// Whether `key` is an HCL identifier (a letter or '_', then letters, digits and '_'): an object
// key written bare rather than quoted.
bool is_hcl_identifier(const std::string& key);

}  // namespace infragen::review
