#include "formats/cloudformation/cloudformation_quotas.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace infragen {

namespace {

constexpr size_t kResources = 500;
constexpr size_t kOutputs = 200;
constexpr size_t kParameters = 200;
constexpr size_t kMappings = 200;
constexpr size_t kMappingKeys = 200;
constexpr size_t kBodyBytes = 1024 * 1024;

// The resource an output's value is about: the first Ref or Fn::GetAtt in it (depth first).
std::string referenced_resource(const nlohmann::json& value) {
  if (value.is_object()) {
    if (value.size() == 1 && value.contains("Ref") && value["Ref"].is_string()) {
      return value["Ref"].get<std::string>();
    }
    if (value.size() == 1 && value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
        !value["Fn::GetAtt"].empty() && value["Fn::GetAtt"][0].is_string()) {
      return value["Fn::GetAtt"][0].get<std::string>();
    }
  }
  if (value.is_object() || value.is_array()) {
    for (const auto& item : value) {
      std::string found = referenced_resource(item);
      if (!found.empty()) return found;
    }
  }
  return "";
}

// The kind of each entry of a section: a resource's Type, or the Type of the resource an output
// is about ("" when neither is known).
std::string kind_of(const nlohmann::json& template_json, const char* section,
                    const nlohmann::json& entry) {
  const nlohmann::json* resource = &entry;
  if (std::string(section) == "Outputs") {
    if (!entry.is_object() || !entry.contains("Value")) return "";
    const std::string name = referenced_resource(entry["Value"]);
    if (name.empty() || !template_json.contains("Resources")) return "";
    const nlohmann::json& resources = template_json["Resources"];
    if (!resources.is_object() || !resources.contains(name)) return "";
    resource = &resources[name];
  }
  if (!resource->is_object() || !resource->contains("Type") || !(*resource)["Type"].is_string()) {
    return "";
  }
  return (*resource)["Type"].get<std::string>();
}

// "(150 of AWS::SecretsManager::Secret, 51 of others)": the three commonest kinds, most first,
// so the message says what to cut.
std::string breakdown(const nlohmann::json& template_json, const char* section) {
  std::map<std::string, size_t> counts;
  for (const auto& [name, entry] : template_json[section].items()) {
    ++counts[kind_of(template_json, section, entry)];
  }
  size_t unknown = counts[""];
  counts.erase("");
  std::vector<std::pair<std::string, size_t>> kinds(counts.begin(), counts.end());
  std::stable_sort(kinds.begin(), kinds.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  size_t others = unknown;
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (i >= 3) {
      others += kinds[i].second;
      continue;
    }
    text += (text.empty() ? "" : ", ") + std::to_string(kinds[i].second) + " of " + kinds[i].first;
  }
  if (others > 0) text += (text.empty() ? "" : ", ") + std::to_string(others) + " of others";
  return " (" + text + ")";
}

void check_count(const nlohmann::json& template_json, const char* section, size_t quota,
                 const std::string& what, std::vector<std::string>& problems) {
  if (!template_json.contains(section) || !template_json[section].is_object()) return;
  size_t count = template_json[section].size();
  if (count <= quota) return;
  const bool by_kind = std::string(section) == "Resources" || std::string(section) == "Outputs";
  problems.push_back(std::to_string(count) + " " + what +
                     (by_kind ? breakdown(template_json, section) : "") +
                     "; CloudFormation allows " + std::to_string(quota) + " per template (quota '" +
                     what + " per template')");
}

// Whether a template printed as canonical JSON (nlohmann's dump with an indent of 2, one member
// per line) surely passes the count quotas, judged from its lines alone: a top-level section's
// members are the lines indented by 4 that start a string, a mapping level's those indented by
// 8. Array items count too, so this can only over-count: "not sure" means parse and count
// exactly. Every template is checked and almost all pass, so this saves a parse of each.
bool surely_within_count_quotas(std::string_view text) {
  if (text.rfind("{\n", 0) != 0) return false;
  auto quota_of = [](std::string_view section) -> size_t {
    if (section == "Resources") return kResources;
    if (section == "Outputs") return kOutputs;
    if (section == "Parameters") return kParameters;
    if (section == "Mappings") return kMappings;
    return SIZE_MAX;
  };
  std::string_view section;
  size_t members = 0;
  size_t level_keys = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || line[indent] != '"') continue;
    if (indent == 2) {
      if (members > quota_of(section)) return false;
      const size_t close = line.find('"', 3);
      section = close == std::string_view::npos ? std::string_view() : line.substr(3, close - 3);
      members = 0;
    } else if (indent == 4) {
      ++members;
      level_keys = 0;
    } else if (section == "Mappings" && indent == 6) {
      level_keys = 0;
    } else if (section == "Mappings" && indent == 8 && ++level_keys > kMappingKeys) {
      return false;
    }
  }
  return members <= quota_of(section);
}

}  // namespace

std::vector<std::string> cloudformation_quota_problems(const std::string& template_json) {
  std::vector<std::string> problems;
  if (template_json.size() > kBodyBytes) {
    problems.push_back(std::to_string(template_json.size()) +
                       " bytes; CloudFormation allows 1 MB (1,048,576 bytes) per template body "
                       "(quota 'Template body size in an Amazon S3 object')");
  }
  if (surely_within_count_quotas(template_json)) return problems;
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
