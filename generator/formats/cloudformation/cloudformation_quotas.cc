#include "formats/cloudformation/cloudformation_quotas.h"

#include <nlohmann/json.hpp>

namespace infragen {

namespace {

constexpr size_t kResources = 500;
constexpr size_t kOutputs = 200;
constexpr size_t kParameters = 200;
constexpr size_t kMappings = 200;
constexpr size_t kMappingKeys = 200;
constexpr size_t kBodyBytes = 1024 * 1024;

void check_count(const nlohmann::json& template_json, const char* section, size_t quota,
                 const std::string& what, std::vector<std::string>& problems) {
  if (!template_json.contains(section) || !template_json[section].is_object()) return;
  size_t count = template_json[section].size();
  if (count <= quota) return;
  problems.push_back(std::to_string(count) + " " + what + "; CloudFormation allows " +
                     std::to_string(quota) + " per template (quota '" + what + " per template')");
}

}  // namespace

std::vector<std::string> cloudformation_quota_problems(const std::string& template_json) {
  std::vector<std::string> problems;
  if (template_json.size() > kBodyBytes) {
    problems.push_back(std::to_string(template_json.size()) +
                       " bytes; CloudFormation allows 1 MB (1,048,576 bytes) per template body "
                       "(quota 'Template body size in an Amazon S3 object')");
  }
  nlohmann::json parsed = nlohmann::json::parse(template_json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return problems;
  check_count(parsed, "Resources", kResources, "resources", problems);
  check_count(parsed, "Outputs", kOutputs, "outputs", problems);
  check_count(parsed, "Parameters", kParameters, "parameters", problems);
  check_count(parsed, "Mappings", kMappings, "mappings", problems);
  if (parsed.contains("Mappings") && parsed["Mappings"].is_object()) {
    for (const auto& [name, mapping] : parsed["Mappings"].items()) {
      if (!mapping.is_object()) continue;
      for (const auto& [key, level] : mapping.items()) {
        if (!level.is_object() || level.size() <= kMappingKeys) continue;
        problems.push_back(std::to_string(level.size()) + " keys in mapping " + name + "." + key +
                           "; CloudFormation allows 200 per mapping level (quota 'Mapping "
                           "attributes per mapping')");
      }
    }
  }
  return problems;
}

}  // namespace infragen
