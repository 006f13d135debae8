#include "review/replacement_table.h"

#include <cctype>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace infragen {
const std::string& replacement_table_text();  // embedded schemas/replacement.v1.json
}

namespace infragen::review {
namespace {

std::string folded(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

const ReplacementTable& ReplacementTable::builtin() {
  static const ReplacementTable table = [] {
    std::string error;
    auto parsed = parse(replacement_table_text(), error);
    // The file is checked in and unit-tested; a broken copy is a build defect.
    if (!parsed) throw std::runtime_error("schemas/replacement.v1.json: " + error);
    return *parsed;
  }();
  return table;
}

std::optional<ReplacementTable> ReplacementTable::parse(const std::string& text,
                                                        std::string& error) {
  auto data = nlohmann::json::parse(text, nullptr, false);
  if (data.is_discarded() || !data.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  try {
    ReplacementTable table;
    const auto& source = data.at("source");
    table.source_ = source.at("package").get<std::string>() + " " +
                    source.at("version").get<std::string>() +
                    " (CloudFormation resource specification " +
                    source.at("resource_specification_version").get<std::string>() + ")";
    for (const auto& [type, entry] : data.at("cloudformation").items()) {
      auto& out = table.cloudformation_[type];
      for (const auto& p : entry.at("immutable")) out.immutable.insert(p.get<std::string>());
      for (const auto& p : entry.at("conditional")) out.conditional.insert(p.get<std::string>());
    }
    for (const auto& [type, entry] : data.at("terraform").items()) {
      auto& out = table.terraform_[type];
      if (entry.at("cloudformation").is_string()) {
        out.cloudformation_type = entry.at("cloudformation").get<std::string>();
      }
      for (const auto& [attribute, property] : entry.at("attributes").items()) {
        out.attributes[attribute] = property.get<std::string>();
      }
    }
    for (const auto& group : data.at("stateful")) {
      for (const auto& type : group) table.stateful_.insert(type.get<std::string>());
    }
    return table;
  } catch (const nlohmann::json::exception& exception) {
    error = exception.what();
    return std::nullopt;
  }
}

std::optional<ReplacementCause> ReplacementTable::replaced_by(const std::string& type,
                                                              const std::string& attribute) const {
  std::string cloudformation_type = type;
  std::string property = attribute;
  bool by_name = false;
  if (type.find("::") == std::string::npos) {
    auto it = terraform_.find(type);
    if (it == terraform_.end() || it->second.cloudformation_type.empty()) return std::nullopt;
    cloudformation_type = it->second.cloudformation_type;
    if (auto named = it->second.attributes.find(attribute); named != it->second.attributes.end()) {
      property = named->second;
    } else {
      by_name = true;
    }
  }
  auto it = cloudformation_.find(cloudformation_type);
  if (it == cloudformation_.end()) return std::nullopt;
  auto matches = [&](const std::set<std::string>& properties) -> std::optional<std::string> {
    for (const auto& candidate : properties) {
      if (by_name ? folded(candidate) == folded(property) : candidate == property) return candidate;
    }
    return std::nullopt;
  };
  if (auto found = matches(it->second.immutable)) {
    return ReplacementCause{cloudformation_type, *found, true};
  }
  if (auto found = matches(it->second.conditional)) {
    return ReplacementCause{cloudformation_type, *found, false};
  }
  return std::nullopt;
}

}  // namespace infragen::review
