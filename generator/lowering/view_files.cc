#include "lowering/view_files.h"

namespace infragen {

// The S3 backend settings of each environment that has remote state (env/<env>.s3.tfbackend).
nlohmann::json backend_files(const nlohmann::json& environments) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& environment : environments) {
    if (!environment["state"].is_object()) continue;
    nlohmann::json file = environment["state"];
    file["name"] = environment["name"];
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace infragen
