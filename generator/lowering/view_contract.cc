#include "lowering/view_contract.h"

#include <map>
#include <memory>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "lowering/view_sections.h"

namespace infragen {

// Compiled in from schemas/view/ (CMakeLists.txt: infragen_embed).
const std::string& view_common_schema_text();
const std::string& view_network_schema_text();
const std::string& view_load_balancer_schema_text();
const std::string& view_images_schema_text();
const std::string& view_ecs_workloads_schema_text();
const std::string& view_data_stores_schema_text();
const std::string& view_security_groups_schema_text();
const std::string& view_pipeline_schema_text();
const std::string& view_fargate_sizing_schema_text();
const std::string& view_instance_capacity_schema_text();
const std::string& view_batch_jobs_schema_text();
const std::string& view_compose_groups_schema_text();
const std::string& view_cloudformation_schema_text();
const std::string& view_kubernetes_schema_text();

namespace {

struct CompiledSection {
  nlohmann::json schema;
  valijson::Schema compiled;
};

const std::map<std::string, std::unique_ptr<CompiledSection>>& compiled_sections() {
  static const auto sections = [] {
    const std::map<std::string, const std::string& (*)()> texts = {
        {"common", view_common_schema_text},
        {"network", view_network_schema_text},
        {"load_balancer", view_load_balancer_schema_text},
        {"images", view_images_schema_text},
        {"ecs_workloads", view_ecs_workloads_schema_text},
        {"data_stores", view_data_stores_schema_text},
        {"security_groups", view_security_groups_schema_text},
        {"pipeline", view_pipeline_schema_text},
        {"fargate_sizing", view_fargate_sizing_schema_text},
        {"instance_capacity", view_instance_capacity_schema_text},
        {"batch_jobs", view_batch_jobs_schema_text},
        {"compose_groups", view_compose_groups_schema_text},
        {"cloudformation", view_cloudformation_schema_text},
        {"kubernetes", view_kubernetes_schema_text}};
    std::map<std::string, std::unique_ptr<CompiledSection>> compiled;
    for (const auto& [name, text] : texts) {
      auto section = std::make_unique<CompiledSection>();
      section->schema = nlohmann::json::parse(text());
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(section->schema);
      parser.populateSchema(adapter, section->compiled);
      compiled.emplace(name, std::move(section));
    }
    return compiled;
  }();
  return sections;
}

// valijson's context ("<root>", "[services]", "[0]") as a JSON pointer.
std::string pointer_of(const std::vector<std::string>& context) {
  std::string pointer;
  for (size_t i = 1; i < context.size(); ++i) {
    const std::string& step = context[i];
    pointer += "/" + (step.size() >= 2 ? step.substr(1, step.size() - 2) : step);
  }
  return pointer.empty() ? "/" : pointer;
}

std::set<std::string> owned_keys(const std::vector<std::string>& sections, bool environment) {
  std::set<std::string> keys;
  for (const auto& name : sections) {
    if (const ViewSection* section = find_view_section(name)) {
      const auto& own = environment ? section->environment_keys : section->keys;
      keys.insert(own.begin(), own.end());
    }
  }
  return keys;
}

}  // namespace

const nlohmann::json& view_section_schema(const std::string& name) {
  static const nlohmann::json none;
  auto found = compiled_sections().find(name);
  return found == compiled_sections().end() ? none : found->second->schema;
}

std::vector<std::string> view_contract_problems(const nlohmann::json& view,
                                                const std::vector<std::string>& sections) {
  std::vector<std::string> problems;
  const std::set<std::string> keys = owned_keys(sections, false);
  const std::set<std::string> environment_keys = owned_keys(sections, true);
  for (const auto& [key, value] : view.items()) {
    if (!keys.count(key)) problems.push_back("/" + key + ": no built section owns this key");
  }
  if (view.contains("environments") && view["environments"].is_array()) {
    for (size_t i = 0; i < view["environments"].size(); ++i) {
      for (const auto& [key, value] : view["environments"][i].items()) {
        if (!environment_keys.count(key)) {
          problems.push_back("/environments/" + std::to_string(i) + "/" + key +
                             ": no built section owns this key");
        }
      }
    }
  }
  valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter target(view);
  for (const auto& name : sections) {
    auto found = compiled_sections().find(name);
    if (found == compiled_sections().end()) {
      problems.push_back("/: section '" + name + "' has no schema");
      continue;
    }
    valijson::ValidationResults results;
    if (validator.validate(found->second->compiled, target, &results)) continue;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      problems.push_back(pointer_of(error.context) + ": " + error.description + " (section " +
                         name + ")");
    }
  }
  return problems;
}

nlohmann::json view_sections_of(const nlohmann::json& view,
                                const std::vector<std::string>& sections) {
  const std::set<std::string> keys = owned_keys(sections, false);
  const std::set<std::string> environment_keys = owned_keys(sections, true);
  nlohmann::json selected = nlohmann::json::object();
  for (const auto& [key, value] : view.items()) {
    if (keys.count(key)) selected[key] = value;
  }
  if (view.contains("environments") && (keys.count("environments") || !environment_keys.empty())) {
    // Each entry keeps its name, so a section's values can be told apart by environment.
    nlohmann::json environments = nlohmann::json::array();
    for (const auto& environment : view["environments"]) {
      nlohmann::json entry = {{"name", environment.value("name", "")}};
      for (const auto& [key, value] : environment.items()) {
        if (environment_keys.count(key)) entry[key] = value;
      }
      environments.push_back(std::move(entry));
    }
    selected["environments"] = std::move(environments);
  }
  return selected;
}

}  // namespace infragen
