#include "lowering/view_files.h"

namespace infragen {

// Files that exist only when the manifest has that part: `each:` over a list of zero or one
// empty item.
nlohmann::json optional_files(const nlohmann::json& view) {
  auto when = [](bool present) {
    return present ? nlohmann::json::array({nlohmann::json::object()}) : nlohmann::json::array();
  };
  bool alarms = view["alarms_possible"].get<bool>();
  return {{"load_balancer", when(view["load_balancer"].is_object())},
          {"repositories", when(view["has_repositories"].get<bool>())},
          {"databases", when(view["has_databases"].get<bool>())},
          {"caches", when(view["has_caches"].get<bool>())},
          {"secrets", when(view["has_secrets"].get<bool>())},
          {"buckets", when(view["has_buckets"].get<bool>())},
          {"jobs", when(view["has_jobs"].get<bool>())},
          {"alarms", when(alarms)},
          {"pipeline", when(view["pipeline"].is_object())},
          {"github_workflow",
           when(view["pipeline"].is_object() && view["pipeline"]["github_actions"].get<bool>())}};
}

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
