// Optional files of a pack: lists of zero or one item that `each:` entries in pack.yaml use.
#pragma once

#include <nlohmann/json.hpp>

namespace infragen {

// `files`: for each optional file (load balancer, repositories, databases, caches, secrets,
// buckets, jobs, alarms, pipeline, GitHub workflow) a list with one empty item when the view
// has that part, else an empty list.
nlohmann::json optional_files(const nlohmann::json& view);

// `backend_files`: the S3 backend settings of each environment that has remote state.
nlohmann::json backend_files(const nlohmann::json& environments);

}  // namespace infragen
