#include "review/plan.h"
#include "review/joined.h"

#include <set>

#include <fmt/format.h>

#include "review/parts.h"

namespace infragen::review {
namespace {

// type -> environment -> instance count
std::map<std::string, std::map<std::string, int>> counts_by_type(const PartResources& part) {
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& [environment, resources] : part.environments) {
    for (const auto& [address, resource] : resources) ++counts[resource.type][environment];
  }
  return counts;
}

std::vector<std::string> conditional_addresses(const PartResources& part) {
  std::set<std::string> addresses;
  for (const auto& [environment, resources] : part.environments) {
    for (const auto& [address, resource] : resources) {
      if (resource.conditional) addresses.insert(address);
    }
  }
  return {addresses.begin(), addresses.end()};
}

std::vector<std::string> environment_names(const PartResources& part) {
  std::vector<std::string> names;
  for (const auto& [name, resources] : part.environments) names.push_back(name);
  return names;
}

}  // namespace

Plan build_plan(const FileMap& files, const std::optional<std::string>& environment) {
  Plan plan;
  plan.parts = read_parts(files);
  std::set<std::string> names;
  for (auto& [folder, part] : plan.parts) {
    if (environment) {
      std::erase_if(part.environments,
                    [&](const auto& entry) { return entry.first != *environment; });
    }
    for (const auto& [name, resources] : part.environments) names.insert(name);
  }
  plan.environments.assign(names.begin(), names.end());
  return plan;
}

std::map<std::string, std::vector<std::string>> environment_differences(const PartResources& part) {
  std::map<std::string, std::vector<std::string>> present;  // address -> environments
  for (const auto& [environment, resources] : part.environments) {
    for (const auto& [address, resource] : resources) present[address].push_back(environment);
  }
  std::map<std::string, std::vector<std::string>> differences;
  for (const auto& [address, environments] : present) {
    if (environments.size() == part.environments.size()) continue;
    differences[joined(environments)].push_back(address);
  }
  return differences;
}

std::string plan_text(const Plan& plan) {
  std::string out;
  for (const auto& [folder, part] : plan.parts) {
    auto names = environment_names(part);
    out += fmt::format("{} ({} {})\n", folder, part.target, part.format);
    for (const auto& note : part.notes) out += "  note: " + note + "\n";
    if (names.empty()) {
      out += "\n";
      continue;
    }
    auto counts = counts_by_type(part);
    std::size_t width = 8;
    for (const auto& [type, per_environment] : counts) width = std::max(width, type.size());
    out += fmt::format("  {:<{}}", "resource", width);
    for (const auto& name : names) out += fmt::format(" {:>6}", name);
    out += "\n";
    for (const auto& [type, per_environment] : counts) {
      out += fmt::format("  {:<{}}", type, width);
      for (const auto& name : names) {
        auto it = per_environment.find(name);
        out += fmt::format(" {:>6}", it == per_environment.end() ? 0 : it->second);
      }
      out += "\n";
    }
    out += fmt::format("  {:<{}}", "total", width);
    for (const auto& name : names) out += fmt::format(" {:>6}", part.environments.at(name).size());
    out += "\n";
    for (const auto& [environments, addresses] : environment_differences(part)) {
      out += "  only in " + environments + ":\n";
      for (const auto& address : addresses) out += "    " + address + "\n";
    }
    auto conditional = conditional_addresses(part);
    if (!conditional.empty()) {
      out += "  existence not decidable from the code (count, for_each or Condition):\n";
      for (const auto& address : conditional) out += "    " + address + "\n";
    }
    out += "\n";
  }
  return out;
}

std::string plan_markdown(const Plan& plan) {
  std::string out = "### infragen plan\n";
  for (const auto& [folder, part] : plan.parts) {
    auto names = environment_names(part);
    out += fmt::format("\n#### {} / {}\n\n", part.target, part.format);
    for (const auto& note : part.notes) out += "- " + note + "\n";
    if (names.empty()) continue;
    out += "| resource |";
    for (const auto& name : names) out += " " + name + " |";
    out += "\n| --- |";
    for (std::size_t i = 0; i < names.size(); ++i) out += " ---: |";
    out += "\n";
    for (const auto& [type, per_environment] : counts_by_type(part)) {
      out += "| `" + type + "` |";
      for (const auto& name : names) {
        auto it = per_environment.find(name);
        out += fmt::format(" {} |", it == per_environment.end() ? 0 : it->second);
      }
      out += "\n";
    }
    out += "| **total** |";
    for (const auto& name : names)
      out += fmt::format(" **{}** |", part.environments.at(name).size());
    out += "\n";
    for (const auto& [environments, addresses] : environment_differences(part)) {
      out += "\n<details><summary>Only in " + environments + " (" +
             std::to_string(addresses.size()) + ")</summary>\n\n";
      for (const auto& address : addresses) out += "- `" + address + "`\n";
      out += "\n</details>\n";
    }
  }
  return out;
}

nlohmann::json plan_json(const Plan& plan) {
  using nlohmann::json;
  json parts = json::array();
  for (const auto& [folder, part] : plan.parts) {
    json environments = json::object();
    for (const auto& [name, resources] : part.environments) {
      json by_type = json::object();
      for (const auto& [address, resource] : resources) {
        by_type[resource.type].push_back(
            {{"address", address}, {"conditional", resource.conditional}});
      }
      environments[name] = {{"count", resources.size()}, {"resources", std::move(by_type)}};
    }
    json differences = json::object();
    for (const auto& [names, addresses] : environment_differences(part))
      differences[names] = addresses;
    parts.push_back({{"folder", folder},
                     {"target", part.target},
                     {"format", part.format},
                     {"notes", part.notes},
                     {"environments", std::move(environments)},
                     {"only_in", std::move(differences)}});
  }
  return {{"environments", plan.environments}, {"parts", std::move(parts)}};
}

}  // namespace infragen::review
