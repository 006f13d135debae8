// The per-environment file list of a pack: the S3 backend settings that `each:` renders.
#pragma once

#include <nlohmann/json.hpp>

namespace infragen {

// `backend_files`: the S3 backend settings of each environment that has remote state.
nlohmann::json backend_files(const nlohmann::json& environments);

}  // namespace infragen
