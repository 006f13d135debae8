// Terraform resources per environment: parse every .tf file with the project's HCL parser, then
// evaluate counts and attributes with each environment's variables, so that what exists only
// in prod, and the values each environment gets, are real and not guessed from the text.
#include "review/terraform_resources.h"

#include <cctype>
#include <functional>
#include <memory>
#include <set>

#include "formats/hcl/parser.h"
#include "review/hcl_evaluator.h"

namespace infragen::review {
namespace {

using nlohmann::json;

struct ParsedFile {
  std::string_view source;
  hcl::ParseResult result;
};

struct Declared {
  const hcl::Block* block = nullptr;
  std::string_view source;
};

struct LocalValue {
  const hcl::Expression* expression = nullptr;
  std::string_view source;
};

std::string hcl_child_path(const std::string& path, const std::string& key) {
  if (is_hcl_identifier(key)) return path.empty() ? key : path + "." + key;
  return path + "[" + json(key).dump() + "]";
}

void flatten_value(const std::string& path, const json& value,
                   std::map<std::string, std::string>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, element] : value.items())
      flatten_value(hcl_child_path(path, key), element, out);
  } else if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten_value(path + "[" + std::to_string(i) + "]", value[i], out);
    }
  } else {
    out[path] = literal_text(value);
  }
}

// Objects, tuples and jsonencode() arguments are split into leaf paths, so that a change shows
// as `container_definitions[0].portMappings[0].containerPort: 80 -> 8080`, not a whole blob.
void flatten_expression(const std::string& path, const hcl::Expression& expression,
                        const HclScope& scope, std::map<std::string, std::string>& out) {
  if (expression.kind == hcl::ExpressionKind::function_call && expression.text == "jsonencode" &&
      expression.operands.size() == 1 && !expression.expands_final_argument) {
    flatten_expression(path, *expression.operands[0], scope, out);
    return;
  }
  if (auto value = evaluate(expression, scope)) {
    flatten_value(path, *value, out);
    return;
  }
  if (expression.kind == hcl::ExpressionKind::object && !expression.items.empty()) {
    for (const auto& item : expression.items) {
      std::string key = item.key_is_bare_name && item.key->kind == hcl::ExpressionKind::variable
                            ? item.key->text
                            : render(*item.key, scope);
      if (key.size() >= 2 && key.front() == '"' && key.back() == '"') {
        key = json::parse(key, nullptr, false).is_string() ? json::parse(key).get<std::string>()
                                                           : key;
      }
      flatten_expression(hcl_child_path(path, key), *item.value, scope, out);
    }
    return;
  }
  if (expression.kind == hcl::ExpressionKind::tuple && !expression.operands.empty()) {
    for (std::size_t i = 0; i < expression.operands.size(); ++i) {
      flatten_expression(path + "[" + std::to_string(i) + "]", *expression.operands[i], scope, out);
    }
    return;
  }
  out[path] = render(expression, scope);
}

// Meta-arguments say how Terraform manages the resource, not what it is.
const std::set<std::string> kMetaArguments = {"count", "for_each", "depends_on", "provider"};

void flatten_body(const std::string& path, const hcl::Body& body, const HclScope& scope,
                  std::map<std::string, std::string>& out) {
  for (const auto& attribute : body.attributes) {
    if (path.empty() && kMetaArguments.count(attribute.name)) continue;
    flatten_expression(hcl_child_path(path, attribute.name), *attribute.value, scope, out);
  }
  std::map<std::string, int> seen;
  std::map<std::string, int> total;
  auto name_of = [](const hcl::Block& block) {
    if (block.type == "dynamic" && !block.labels.empty()) return "dynamic." + block.labels[0].value;
    return block.type;
  };
  for (const auto& block : body.blocks) ++total[name_of(block)];
  for (const auto& block : body.blocks) {
    if (path.empty() && block.type == "lifecycle") continue;
    std::string name = name_of(block);
    std::string block_path = path.empty() ? name : path + "." + name;
    if (total[name] > 1) block_path += "[" + std::to_string(seen[name]++) + "]";
    std::size_t before = out.size();
    flatten_body(block_path, block.body, scope, out);
    if (out.size() == before) out[block_path] = "{}";
  }
}

const hcl::Attribute* find_attribute(const hcl::Body& body, const std::string& name) {
  for (const auto& attribute : body.attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

// Evaluates the code of one environment: locals and resource counts on demand, memoised, with
// a guard against cycles (a cycle is "unknown", terraform itself would reject it).
class EnvironmentEvaluator {
 public:
  EnvironmentEvaluator(json variables, const std::map<std::string, LocalValue>& locals,
                       const std::map<std::string, Declared>& resources)
      : variables_(std::move(variables)), locals_(locals), resources_(resources) {}

  HclScope scope(std::string_view source) {
    HclScope scope;
    scope.source = source;
    scope.variables = &variables_;
    scope.local = [this](const std::string& name) { return local(name); };
    scope.resource_count = [this](const std::string& address) { return count(address); };
    return scope;
  }

  std::optional<json> local(const std::string& name) {
    if (auto it = local_values_.find(name); it != local_values_.end()) return it->second;
    auto it = locals_.find(name);
    if (it == locals_.end() || !in_progress_.insert("local." + name).second) return std::nullopt;
    auto value = evaluate(*it->second.expression, scope(it->second.source));
    in_progress_.erase("local." + name);
    local_values_[name] = value;
    return value;
  }

  // Instance count of a resource: 1 without count/for_each, nothing when unknown.
  std::optional<int> count(const std::string& address) {
    if (auto it = counts_.find(address); it != counts_.end()) return it->second;
    auto it = resources_.find(address);
    if (it == resources_.end() || !in_progress_.insert(address).second) return std::nullopt;
    std::optional<int> result = 1;
    const hcl::Body& body = it->second.block->body;
    if (const auto* count = find_attribute(body, "count")) {
      auto value = evaluate(*count->value, scope(it->second.source));
      result = value && value->is_number() ? std::optional<int>(value->get<int>()) : std::nullopt;
    } else if (const auto* for_each = find_attribute(body, "for_each")) {
      auto value = evaluate(*for_each->value, scope(it->second.source));
      result = value && (value->is_object() || value->is_array())
                   ? std::optional<int>(static_cast<int>(value->size()))
                   : std::nullopt;
    }
    in_progress_.erase(address);
    counts_[address] = result;
    return result;
  }

 private:
  json variables_;
  const std::map<std::string, LocalValue>& locals_;
  const std::map<std::string, Declared>& resources_;
  std::map<std::string, std::optional<json>> local_values_;
  std::map<std::string, std::optional<int>> counts_;
  std::set<std::string> in_progress_;
};

Resource make_resource(const std::string& address, const std::string& type,
                       const Declared& declared, const HclScope& scope) {
  Resource resource;
  resource.address = address;
  resource.type = type;
  flatten_body("", declared.block->body, scope, resource.attributes);
  for (const auto& block : declared.block->body.blocks) {
    if (block.type != "lifecycle") continue;
    if (const auto* prevent = find_attribute(block.body, "prevent_destroy")) {
      auto value = evaluate(*prevent->value, scope);
      if (value && *value == json(true)) resource.delete_policy = "prevent_destroy";
    }
  }
  return resource;
}

void add_instances(const std::string& address, const std::string& type, const Declared& declared,
                   EnvironmentEvaluator& evaluator, ResourceMap& out) {
  const hcl::Body& body = declared.block->body;
  HclScope scope = evaluator.scope(declared.source);
  if (const auto* for_each = find_attribute(body, "for_each")) {
    auto value = evaluate(*for_each->value, scope);
    if (value && (value->is_object() || value->is_array())) {
      for (const auto& [key, element] : value->items()) {
        // A set of strings is keyed by its values; a map by its keys.
        json each_key = value->is_array() ? element : json(key);
        HclScope instance = scope;
        instance.each_key = each_key;
        instance.each_value = element;
        std::string name = address + "[" + each_key.dump() + "]";
        out[name] = make_resource(name, type, declared, instance);
      }
      return;
    }
    Resource resource = make_resource(address, type, declared, scope);
    resource.conditional = true;
    out[address] = std::move(resource);
    return;
  }
  if (!find_attribute(body, "count")) {
    out[address] = make_resource(address, type, declared, scope);
    return;
  }
  auto count = evaluator.count(address);
  if (!count) {
    Resource resource = make_resource(address, type, declared, scope);
    resource.conditional = true;
    out[address] = std::move(resource);
    return;
  }
  for (int i = 0; i < *count; ++i) {
    HclScope instance = scope;
    instance.count_index = i;
    std::string name = address + "[" + std::to_string(i) + "]";
    out[name] = make_resource(name, type, declared, instance);
  }
}

}  // namespace

void read_terraform_resources(const FileMap& files, PartResources& part) {
  std::vector<std::unique_ptr<ParsedFile>> parsed;
  std::map<std::string, Declared> resources;
  std::map<std::string, LocalValue> locals;
  json defaults = json::object();
  std::map<std::string, json> tfvars;

  for (const auto& [path, content] : files) {
    bool is_code = path.ends_with(".tf") && path.find('/') == std::string::npos;
    bool is_tfvars = path.rfind("env/", 0) == 0 && path.ends_with(".tfvars") &&
                     path.find('/', 4) == std::string::npos;
    if (!is_code && !is_tfvars) continue;
    auto file = std::make_unique<ParsedFile>();
    file->source = content;
    file->result = hcl::parse_hcl(content);
    if (!file->result.ok()) {
      part.notes.push_back(path + " does not parse; its resources are not listed");
      continue;
    }
    const hcl::Body& body = file->result.file.body;
    if (is_tfvars) {
      std::string name = path.substr(4, path.size() - 4 - 7);
      json values = json::object();
      HclScope scope;
      scope.source = content;
      for (const auto& attribute : body.attributes) {
        if (auto value = evaluate(*attribute.value, scope)) values[attribute.name] = *value;
      }
      tfvars[name] = std::move(values);
    } else {
      for (const auto& block : body.blocks) {
        if (block.type == "resource" && block.labels.size() == 2) {
          resources[block.labels[0].value + "." + block.labels[1].value] = {&block, content};
        } else if (block.type == "locals") {
          for (const auto& attribute : block.body.attributes) {
            locals[attribute.name] = {attribute.value.get(), content};
          }
        } else if (block.type == "variable" && block.labels.size() == 1) {
          if (const auto* value = find_attribute(block.body, "default")) {
            HclScope scope;
            scope.source = content;
            if (auto known = evaluate(*value->value, scope))
              defaults[block.labels[0].value] = *known;
          }
        }
      }
    }
    parsed.push_back(std::move(file));
  }
  if (resources.empty() && parsed.empty()) return;
  if (tfvars.empty()) tfvars[kDefaultEnvironment] = json::object();

  for (const auto& [environment, values] : tfvars) {
    json variables = defaults;
    for (const auto& [key, value] : values.items()) variables[key] = value;
    EnvironmentEvaluator evaluator(std::move(variables), locals, resources);
    ResourceMap& out = part.environments[environment];
    for (const auto& [address, declared] : resources) {
      add_instances(address, declared.block->labels[0].value, declared, evaluator, out);
    }
  }
}

}  // namespace infragen::review
