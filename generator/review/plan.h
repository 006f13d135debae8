// `infragen plan`: what each part would create, by kind, and what differs between environments.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "review/resource.h"

namespace infragen::review {

struct Plan {
  std::map<std::string, PartResources> parts;  // by folder
  std::vector<std::string> environments;       // shown, in order
};

// The plan of generated `files`; `environment`, when set, keeps only that environment.
Plan build_plan(const FileMap& files, const std::optional<std::string>& environment);

// Addresses that exist in some environments of a part and not in all, keyed by the
// environments they exist in ("prod" -> [aws_db_instance.db_replica[0], ...]).
std::map<std::string, std::vector<std::string>> environment_differences(const PartResources& part);

std::string plan_text(const Plan& plan);
std::string plan_markdown(const Plan& plan);
nlohmann::json plan_json(const Plan& plan);

}  // namespace infragen::review
