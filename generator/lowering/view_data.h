// The view of databases, caches, secrets and buckets, and their per-environment values.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

nlohmann::json lower_databases(const LoweringContext& context);
nlohmann::json lower_caches(const LoweringContext& context);
nlohmann::json lower_secrets(const LoweringContext& context);
nlohmann::json lower_buckets(const LoweringContext& context);
// The volumes, with who mounts each; `volume_values`: what may differ per environment.
nlohmann::json lower_volumes(const LoweringContext& context);

// Per-environment values in `model`.
nlohmann::json database_values(const LoweringContext& context, const AppModel& model);
nlohmann::json cache_values(const AppModel& model);
nlohmann::json bucket_values(const AppModel& model);
nlohmann::json volume_values(const AppModel& model);

}  // namespace infragen
