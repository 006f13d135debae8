// CloudFormation resources per environment, read from the canonical JSON templates.
#include "review/cloudformation_resources.h"

#include <cctype>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "review/json_paths.h"

namespace infragen::review {
namespace {

using nlohmann::json;

// Parameter values of one environment file: every accepted shape becomes key -> string.
std::optional<json> parameter_values(const json& file) {
  json out = json::object();
  auto add = [&out](const std::string& key, const json& value) {
    out[key] = value.is_string() ? value : json(value.dump());
  };
  if (file.is_array()) {
    for (const auto& entry : file) {
      if (!entry.is_object() || !entry.contains("ParameterKey")) return std::nullopt;
      add(entry["ParameterKey"].get<std::string>(), entry.value("ParameterValue", json("")));
    }
    return out;
  }
  if (file.is_object()) {
    const json& values = file.contains("Parameters") ? file["Parameters"] : file;
    if (!values.is_object()) return std::nullopt;
    for (const auto& [key, value] : values.items()) add(key, value);
    return out;
  }
  return std::nullopt;
}

class TemplateEvaluator {
 public:
  TemplateEvaluator(const json& templ, const json& params) : template_(templ) {
    const json parameters = templ.value("Parameters", json::object());
    for (const auto& [name, declaration] : parameters.items()) {
      if (params.contains(name)) {
        values_[name] = params[name];
      } else if (declaration.is_object() && declaration.contains("Default")) {
        const json& value = declaration["Default"];
        values_[name] = value.is_string() ? value : json(value.dump());
      }
    }
  }

  // The value a Ref or condition operand stands for, or nothing when unknown.
  std::optional<json> value(const json& node) {
    // CloudFormation compares as strings: a parameter "0" equals a literal 0.
    if (node.is_string()) return node;
    if (node.is_number() || node.is_boolean()) return json(node.dump());
    if (node.is_object() && node.size() == 1 && node.contains("Ref")) {
      auto it = values_.find(node["Ref"].get<std::string>());
      if (it != values_.end()) return it->second;
      return std::nullopt;
    }
    if (node.is_object() && node.size() == 1 && node.contains("Fn::FindInMap")) {
      return find_in_map(node["Fn::FindInMap"]);
    }
    if (node.is_object() && node.size() == 1 && node.contains("Fn::Sub") &&
        node["Fn::Sub"].is_string()) {
      return substitute(node["Fn::Sub"].get<std::string>());
    }
    if (node.is_object() && node.size() == 1 && node.contains("Fn::If")) {
      const json& args = node["Fn::If"];
      if (!args.is_array() || args.size() != 3) return std::nullopt;
      auto chosen = condition(args[0].get<std::string>());
      if (!chosen) return std::nullopt;
      return value(args[*chosen ? 1 : 2]);
    }
    return std::nullopt;
  }

  std::optional<bool> condition(const std::string& name) {
    if (auto it = conditions_.find(name); it != conditions_.end()) return it->second;
    const json conditions = template_.value("Conditions", json::object());
    if (!conditions.contains(name) || !in_progress_.insert(name).second) return std::nullopt;
    auto result = truth(conditions[name]);
    in_progress_.erase(name);
    conditions_[name] = result;
    return result;
  }

  // Properties with known Refs replaced by their values and known Fn::If resolved; an
  // AWS::NoValue branch removes the property, as CloudFormation does.
  std::optional<json> resolve(const json& node) {
    if (node.is_array()) {
      json out = json::array();
      for (const auto& element : node) {
        if (auto resolved = resolve(element)) out.push_back(std::move(*resolved));
      }
      return out;
    }
    if (!node.is_object()) return node;
    if (node.size() == 1 && node.contains("Ref")) {
      if (node["Ref"] == "AWS::NoValue") return std::nullopt;
      if (auto known = value(node)) return known;
      return node;
    }
    if (node.size() == 1 && node.contains("Fn::If") && node["Fn::If"].is_array() &&
        node["Fn::If"].size() == 3) {
      if (auto chosen = condition(node["Fn::If"][0].get<std::string>())) {
        return resolve(node["Fn::If"][*chosen ? 1 : 2]);
      }
    }
    if (node.size() == 1 && (node.contains("Fn::FindInMap") || node.contains("Fn::Sub"))) {
      if (auto known = value(node)) return known;
    }
    json out = json::object();
    for (const auto& [key, element] : node.items()) {
      if (auto resolved = resolve(element)) out[key] = std::move(*resolved);
    }
    return out;
  }

 private:
  // Fn::FindInMap [map, top key, second key] with keys that resolve to known values: names
  // per environment live in a mapping, and a renamed resource must show as a changed name.
  std::optional<json> find_in_map(const json& args) {
    if (!args.is_array() || args.size() != 3) return std::nullopt;
    const json mappings = template_.value("Mappings", json::object());
    json current = mappings;
    for (const auto& arg : args) {
      auto key = value(arg);
      if (!key || !key->is_string() || !current.is_object()) return std::nullopt;
      auto it = current.find(key->get<std::string>());
      if (it == current.end()) return std::nullopt;
      current = *it;
    }
    return current;
  }

  // Fn::Sub "text ${Param} text" when every ${} names a parameter with a known value.
  std::optional<json> substitute(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t open = text.find("${", at);
      if (open == std::string::npos) {
        out += text.substr(at);
        break;
      }
      out += text.substr(at, open - at);
      if (open + 2 < text.size() && text[open + 2] == '!') {  // ${!Literal}
        std::size_t close = text.find('}', open);
        if (close == std::string::npos) return std::nullopt;
        out += "${" + text.substr(open + 3, close - open - 3) + "}";
        at = close + 1;
        continue;
      }
      std::size_t close = text.find('}', open);
      if (close == std::string::npos) return std::nullopt;
      auto known = value(json{{"Ref", text.substr(open + 2, close - open - 2)}});
      if (!known || !known->is_string()) return std::nullopt;
      out += known->get<std::string>();
      at = close + 1;
    }
    return json(out);
  }

  std::optional<bool> truth(const json& node) {
    if (node.is_boolean()) return node.get<bool>();
    if (!node.is_object() || node.size() != 1) return std::nullopt;
    // The key and value of the object's only member (through the object's own iterator: the
    // items() proxy is a temporary).
    const std::string& function = node.begin().key();
    const json& args = node.begin().value();
    if (function == "Condition" && args.is_string()) return condition(args.get<std::string>());
    if (!args.is_array()) return std::nullopt;
    if (function == "Fn::Equals" && args.size() == 2) {
      auto left = value(args[0]);
      auto right = value(args[1]);
      if (!left || !right) return std::nullopt;
      return *left == *right;
    }
    if (function == "Fn::Not" && args.size() == 1) {
      auto inner = truth(args[0]);
      return inner ? std::optional<bool>(!*inner) : std::nullopt;
    }
    if (function == "Fn::And" || function == "Fn::Or") {
      bool is_and = function == "Fn::And";
      bool unknown = false;
      for (const auto& arg : args) {
        auto inner = truth(arg);
        if (!inner) {
          unknown = true;
        } else if (*inner != is_and) {
          return !is_and;  // a false in And, a true in Or decides
        }
      }
      return unknown ? std::nullopt : std::optional<bool>(is_and);
    }
    return std::nullopt;
  }

  const json& template_;
  std::map<std::string, json> values_;
  std::map<std::string, std::optional<bool>> conditions_;
  std::set<std::string> in_progress_;
};

void add_template(const std::string& path, const json& templ, const json& params,
                  ResourceMap& out) {
  TemplateEvaluator evaluator(templ, params);
  for (const auto& [logical_id, declaration] : templ["Resources"].items()) {
    if (!declaration.is_object()) continue;
    Resource resource;
    resource.address = path + ":" + logical_id;
    resource.type = declaration.value("Type", "");
    if (declaration.contains("Condition") && declaration["Condition"].is_string()) {
      auto exists = evaluator.condition(declaration["Condition"].get<std::string>());
      if (exists && !*exists) continue;
      resource.conditional = !exists;
    }
    if (declaration.contains("Properties")) {
      if (auto properties = evaluator.resolve(declaration["Properties"])) {
        if (properties->is_object()) {
          for (const auto& [key, value] : properties->items())
            flatten_json(key, value, resource.attributes, true);
        }
      }
    }
    resource.delete_policy = declaration.value("DeletionPolicy", "");
    out[resource.address] = std::move(resource);
  }
}

}  // namespace

void read_cloudformation_resources(const FileMap& files, PartResources& part) {
  std::map<std::string, json> templates;
  std::map<std::string, json> environments;
  for (const auto& [path, content] : files) {
    if (!path.ends_with(".json")) continue;
    json parsed = json::parse(content, nullptr, false);
    if (parsed.is_discarded()) {
      part.notes.push_back(path + " is not valid JSON; its resources are not listed");
      continue;
    }
    if (path.rfind("params/", 0) == 0 && path.find('/', 7) == std::string::npos) {
      if (auto values = parameter_values(parsed)) {
        environments[path.substr(7, path.size() - 7 - 5)] = std::move(*values);
      } else {
        part.notes.push_back(path + " is not a parameter file this review understands");
      }
    } else if (parsed.is_object() && parsed.contains("Resources") &&
               parsed["Resources"].is_object()) {
      templates[path] = std::move(parsed);
    }
  }
  if (templates.empty()) return;
  if (environments.empty()) environments[kDefaultEnvironment] = json::object();
  for (const auto& [environment, params] : environments) {
    ResourceMap& out = part.environments[environment];
    for (const auto& [path, templ] : templates) add_template(path, templ, params, out);
  }
}

}  // namespace infragen::review
