// The per-environment part of the view model: one entry per environment, its variables file.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// `environments`: for each environment its name, class (production/development), resource
// names and every value the code takes as a variable.
nlohmann::json lower_environments(const LoweringContext& context);

// `tags`: tags with the same value in every environment (written in the code), and whether some
// differ (those are a per-environment `tags` variable).
nlohmann::json lower_tags(const LoweringContext& context);

}  // namespace infragen
