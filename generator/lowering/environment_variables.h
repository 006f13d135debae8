// Container environment variables: which are code (same everywhere, or references) and which are
// per-environment values.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lowering/access.h"
#include "lowering/lowering_context.h"

namespace infragen {

// The env vars of `workload` in every environment (the same workload looked up by kind and
// name; absent when an environment lacks it).
const std::vector<EnvVar>* env_in(const AppModel& model, const Workload& workload);

struct EnvironmentVariablePlan {
  // Entries written in the code, sorted by name: references, and literals equal everywhere.
  // Each: {name, literal, single, composite, text, formats: {<format>: {expression, parts}}}.
  nlohmann::json code = nlohmann::json::array();
  // Literal variables whose value differs (or that exist only in some environments): they go to
  // each environment's variables file.
  std::set<std::string> per_environment;
};

EnvironmentVariablePlan plan_environment_variables(const LoweringContext& context,
                                                   const Workload& workload);

// The per-environment literal values of `workload` in `model`: [{name, value, last}].
nlohmann::json environment_overrides(const AppModel& model, const Workload& workload,
                                     const std::set<std::string>& names);

}  // namespace infragen
