#include "formats/cloudformation/cloudformation_references.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "diagnostics/suggest.h"

namespace infragen {
namespace {

using nlohmann::json;

const std::set<std::string>& pseudo_parameters() {
  static const std::set<std::string> names = {
      "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
      "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};
  return names;
}

// A YAML scalar as its text: strings, and numbers and booleans as written.
std::optional<std::string> scalar_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return std::nullopt;
}

std::set<std::string> keys_of_map(const json& node) {
  std::set<std::string> keys;
  if (node.is_object()) {
    for (const auto& [key, unused] : node.items()) keys.insert(key);
  }
  return keys;
}

std::set<std::string> keys_of(const json& root, const char* section) {
  return root.contains(section) ? keys_of_map(root[section]) : std::set<std::string>{};
}

class ReferenceChecker {
 public:
  explicit ReferenceChecker(const json& root)
      : resources_(keys_of(root, "Resources")),
        parameters_(keys_of(root, "Parameters")),
        conditions_(keys_of(root, "Conditions")),
        mappings_(keys_of(root, "Mappings")) {}

  std::vector<DanglingReference> check_template(const json& root) {
    for (const auto& [section, value] : root.items()) {
      path_ = {section};
      if ((section == "Resources" || section == "Outputs") && value.is_object()) {
        for (const auto& [name, item] : value.items()) {
          path_ = {section, name};
          check_attributes(item, section == "Resources");
        }
        path_ = {section};
      }
      in_conditions_ = section == "Conditions";
      walk(value);
    }
    return std::move(problems_);
  }

 private:
  // Resource (and output) level attributes that name other things.
  void check_attributes(const json& node, bool is_resource) {
    if (!node.is_object()) return;
    if (node.contains("Condition") && scalar_text(node["Condition"])) {
      at("Condition",
         [&] { expect(node["Condition"], conditions_, "Condition names unknown condition"); });
    }
    if (!is_resource || !node.contains("DependsOn")) return;
    const json& depends_on = node["DependsOn"];
    at("DependsOn", [&] {
      if (scalar_text(depends_on))
        expect(depends_on, resources_, "DependsOn names unknown resource");
      if (depends_on.is_array()) {
        for (size_t i = 0; i < depends_on.size(); ++i) {
          if (scalar_text(depends_on[i])) {
            at(std::to_string(i),
               [&] { expect(depends_on[i], resources_, "DependsOn names unknown resource"); });
          }
        }
      }
    });
  }

  void walk(const json& node) {
    if (node.is_array()) {
      for (size_t i = 0; i < node.size(); ++i) at(std::to_string(i), [&] { walk(node[i]); });
      return;
    }
    if (!node.is_object()) return;
    if (node.size() == 1) {
      const auto entry = node.items().begin();
      at(entry.key(), [&] { check_intrinsic(entry.key(), entry.value()); });
    }
    for (const auto& [key, value] : node.items()) at(key, [&] { walk(value); });
  }

  void check_intrinsic(const std::string& function, const json& argument) {
    if (function == "Ref" && scalar_text(argument)) {
      expect_value(*scalar_text(argument), {}, "Ref to unknown resource or parameter");
    } else if (function == "Fn::GetAtt") {
      check_get_att(argument);
    } else if (function == "Fn::Sub") {
      if (scalar_text(argument)) check_sub(*scalar_text(argument), {});
      if (argument.is_array() && !argument.empty() && scalar_text(argument[0])) {
        std::set<std::string> variables;
        if (argument.size() == 2) variables = keys_of_map(argument[1]);
        at("0", [&] { check_sub(*scalar_text(argument[0]), variables); });
      }
    } else if (function == "Fn::If" && argument.is_array() && !argument.empty() &&
               scalar_text(argument[0])) {
      at("0", [&] { expect(argument[0], conditions_, "Fn::If names unknown condition"); });
    } else if (function == "Condition" && in_conditions_ && scalar_text(argument)) {
      // {Condition: Name} inside Fn::And/Or/Not of another condition.
      expect(argument, conditions_, "Condition names unknown condition");
    } else if (function == "Fn::FindInMap" && argument.is_array() && argument.size() == 3 &&
               scalar_text(argument[0])) {
      at("0", [&] { expect(argument[0], mappings_, "Fn::FindInMap names unknown mapping"); });
    }
  }

  void check_get_att(const json& argument) {
    const std::optional<std::string> text = scalar_text(argument);
    if (argument.is_array() && argument.size() == 2 && scalar_text(argument[0])) {
      at("0", [&] { expect(argument[0], resources_, "Fn::GetAtt names unknown resource"); });
    } else if (text && text->find('.') != std::string::npos) {
      expect_named(text->substr(0, text->find('.')), resources_,
                   "Fn::GetAtt names unknown resource");
    } else {
      problems_.push_back(
          {path(), "Fn::GetAtt needs [Resource, Attribute] or \"Resource.Attribute\"", ""});
    }
  }

  // ${Name}, ${Resource.Attribute}; ${!Literal} is text.
  void check_sub(const std::string& text, const std::set<std::string>& variables) {
    for (size_t start = text.find("${"); start != std::string::npos;
         start = text.find("${", start + 2)) {
      if (start + 2 < text.size() && text[start + 2] == '!') continue;
      size_t end = text.find('}', start);
      if (end == std::string::npos) {
        problems_.push_back({path(), "Fn::Sub has an unclosed '${'", ""});
        return;
      }
      std::string name = text.substr(start + 2, end - start - 2);
      size_t dot = name.find('.');
      if (dot != std::string::npos && variables.count(name) == 0) {
        expect_named(name.substr(0, dot), resources_, "Fn::Sub refers to unknown resource");
      } else {
        expect_value(name, variables, "Fn::Sub refers to unknown resource or parameter");
      }
    }
  }

  // A name usable as a value: resource, parameter, pseudo parameter or a Sub variable.
  void expect_value(const std::string& name, const std::set<std::string>& variables,
                    const std::string& message) {
    if (resources_.count(name) || parameters_.count(name) || pseudo_parameters().count(name) ||
        variables.count(name)) {
      return;
    }
    std::set<std::string> known = resources_;
    known.insert(parameters_.begin(), parameters_.end());
    known.insert(pseudo_parameters().begin(), pseudo_parameters().end());
    known.insert(variables.begin(), variables.end());
    expect_named(name, known, message);
  }

  void expect(const json& value, const std::set<std::string>& known, const std::string& message) {
    expect_named(*scalar_text(value), known, message);
  }

  void expect_named(const std::string& name, const std::set<std::string>& known,
                    const std::string& message) {
    if (known.count(name)) return;
    problems_.push_back(
        {path(), message + " '" + name + "'", did_you_mean(name, {known.begin(), known.end()})});
  }

  // The path of what is reported now, as its own strings.
  std::vector<std::string> path() const { return {path_.begin(), path_.end()}; }

  // Runs `check` with `step` added to the path of what it reports. `step` outlives the check,
  // so the path holds views of it: the walk visits every node of megabytes of templates, and
  // copying each key onto the path was a third of its time.
  template <typename Check>
  void at(const std::string& step, Check check) {
    path_.push_back(step);
    check();
    path_.pop_back();
  }

  std::set<std::string> resources_;
  std::set<std::string> parameters_;
  std::set<std::string> conditions_;
  std::set<std::string> mappings_;
  bool in_conditions_ = false;
  std::vector<std::string_view> path_;
  std::vector<DanglingReference> problems_;
};

// The YAML node `path` leads to from `root` (as far as it leads). yaml-cpp's Node assignment
// writes into the node, so the walk rebinds with reset().
YAML::Node node_at(const YAML::Node& root, const std::vector<std::string>& path) {
  YAML::Node node;
  node.reset(root);
  for (const std::string& step : path) {
    bool found = false;
    YAML::Node next;
    if (node.IsMap()) {
      for (const auto& entry : node) {
        if (!found && entry.first.IsScalar() && entry.first.Scalar() == step) {
          next.reset(entry.second);
          found = true;
        }
      }
    } else if (node.IsSequence()) {
      const size_t index = std::stoul(step);
      if (index < node.size()) {
        next.reset(node[index]);
        found = true;
      }
    }
    if (!found) break;
    node.reset(next);
  }
  return node;
}

}  // namespace

std::vector<DanglingReference> dangling_references(const nlohmann::json& root) {
  return ReferenceChecker(root).check_template(root);
}

void find_dangling_references(const YAML::Node& template_root, const nlohmann::json& root,
                              std::vector<YamlProblem>& problems) {
  std::vector<YamlProblem> found;
  for (const DanglingReference& dangling : dangling_references(root)) {
    found.push_back(
        problem_at(node_at(template_root, dangling.path).Mark(), dangling.message, dangling.hint));
  }
  std::stable_sort(found.begin(), found.end(), [](const YamlProblem& a, const YamlProblem& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  problems.insert(problems.end(), found.begin(), found.end());
}

}  // namespace infragen
