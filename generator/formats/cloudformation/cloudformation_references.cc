#include "formats/cloudformation/cloudformation_references.h"

#include <set>
#include <string>

#include "diagnostics/suggest.h"

namespace infragen {
namespace {

const std::set<std::string>& pseudo_parameters() {
  static const std::set<std::string> names = {
      "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
      "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};
  return names;
}

std::set<std::string> keys_of(const YAML::Node& root, const char* section) {
  std::set<std::string> keys;
  const YAML::Node map = root[section];
  if (map && map.IsMap()) {
    for (const auto& entry : map) {
      if (entry.first.IsScalar()) keys.insert(entry.first.Scalar());
    }
  }
  return keys;
}

class ReferenceChecker {
 public:
  ReferenceChecker(const YAML::Node& root, std::vector<YamlProblem>& problems)
      : resources_(keys_of(root, "Resources")),
        parameters_(keys_of(root, "Parameters")),
        conditions_(keys_of(root, "Conditions")),
        mappings_(keys_of(root, "Mappings")),
        problems_(problems) {}

  void check_template(const YAML::Node& root) {
    for (const auto& entry : root) {
      const std::string section = entry.first.Scalar();
      if ((section == "Resources" || section == "Outputs") && entry.second.IsMap()) {
        for (const auto& item : entry.second) check_attributes(item.second, section == "Resources");
      }
      in_conditions_ = section == "Conditions";
      walk(entry.second);
    }
  }

 private:
  // Resource (and output) level attributes that name other things.
  void check_attributes(const YAML::Node& node, bool is_resource) {
    if (!node.IsMap()) return;
    if (const YAML::Node condition = node["Condition"]; condition && condition.IsScalar()) {
      expect(condition, conditions_, "Condition names unknown condition");
    }
    const YAML::Node depends_on = node["DependsOn"];
    if (!is_resource || !depends_on) return;
    if (depends_on.IsScalar()) expect(depends_on, resources_, "DependsOn names unknown resource");
    if (depends_on.IsSequence()) {
      for (const auto& name : depends_on) {
        if (name.IsScalar()) expect(name, resources_, "DependsOn names unknown resource");
      }
    }
  }

  void walk(const YAML::Node& node) {
    if (node.IsSequence()) {
      for (const auto& item : node) walk(item);
      return;
    }
    if (!node.IsMap()) return;
    if (node.size() == 1) check_intrinsic(node.begin()->first.Scalar(), node.begin()->second);
    for (const auto& entry : node) walk(entry.second);
  }

  void check_intrinsic(const std::string& function, const YAML::Node& argument) {
    if (function == "Ref" && argument.IsScalar()) {
      expect_value(argument, argument.Scalar(), {}, "Ref to unknown resource or parameter");
    } else if (function == "Fn::GetAtt") {
      check_get_att(argument);
    } else if (function == "Fn::Sub") {
      if (argument.IsScalar()) check_sub(argument, {});
      if (argument.IsSequence() && argument.size() >= 1 && argument[0].IsScalar()) {
        std::set<std::string> variables;
        if (argument.size() == 2) variables = keys_of_map(argument[1]);
        check_sub(argument[0], variables);
      }
    } else if (function == "Fn::If" && argument.IsSequence() && argument.size() >= 1 &&
               argument[0].IsScalar()) {
      expect(argument[0], conditions_, "Fn::If names unknown condition");
    } else if (function == "Condition" && in_conditions_ && argument.IsScalar()) {
      // {Condition: Name} inside Fn::And/Or/Not of another condition.
      expect(argument, conditions_, "Condition names unknown condition");
    } else if (function == "Fn::FindInMap" && argument.IsSequence() && argument.size() == 3 &&
               argument[0].IsScalar()) {
      expect(argument[0], mappings_, "Fn::FindInMap names unknown mapping");
    }
  }

  void check_get_att(const YAML::Node& argument) {
    if (argument.IsSequence() && argument.size() == 2 && argument[0].IsScalar()) {
      expect(argument[0], resources_, "Fn::GetAtt names unknown resource");
    } else if (argument.IsScalar() && argument.Scalar().find('.') != std::string::npos) {
      std::string resource = argument.Scalar().substr(0, argument.Scalar().find('.'));
      expect_named(argument, resource, resources_, "Fn::GetAtt names unknown resource");
    } else {
      problems_.push_back(problem_at(
          argument.Mark(), "Fn::GetAtt needs [Resource, Attribute] or \"Resource.Attribute\""));
    }
  }

  // ${Name}, ${Resource.Attribute}; ${!Literal} is text.
  void check_sub(const YAML::Node& text_node, const std::set<std::string>& variables) {
    const std::string& text = text_node.Scalar();
    for (size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
      if (at + 2 < text.size() && text[at + 2] == '!') continue;
      size_t end = text.find('}', at);
      if (end == std::string::npos) {
        problems_.push_back(problem_at(text_node.Mark(), "Fn::Sub has an unclosed '${'"));
        return;
      }
      std::string name = text.substr(at + 2, end - at - 2);
      size_t dot = name.find('.');
      if (dot != std::string::npos && variables.count(name) == 0) {
        expect_named(text_node, name.substr(0, dot), resources_,
                     "Fn::Sub refers to unknown resource");
      } else {
        expect_value(text_node, name, variables, "Fn::Sub refers to unknown resource or parameter");
      }
    }
  }

  static std::set<std::string> keys_of_map(const YAML::Node& node) {
    std::set<std::string> keys;
    if (node.IsMap()) {
      for (const auto& entry : node) keys.insert(entry.first.Scalar());
    }
    return keys;
  }

  // A name usable as a value: resource, parameter, pseudo parameter or a Sub variable.
  void expect_value(const YAML::Node& at, const std::string& name,
                    const std::set<std::string>& variables, const std::string& message) {
    if (resources_.count(name) || parameters_.count(name) || pseudo_parameters().count(name) ||
        variables.count(name)) {
      return;
    }
    std::set<std::string> known = resources_;
    known.insert(parameters_.begin(), parameters_.end());
    known.insert(pseudo_parameters().begin(), pseudo_parameters().end());
    known.insert(variables.begin(), variables.end());
    expect_named(at, name, known, message);
  }

  void expect(const YAML::Node& at, const std::set<std::string>& known,
              const std::string& message) {
    expect_named(at, at.Scalar(), known, message);
  }

  void expect_named(const YAML::Node& at, const std::string& name,
                    const std::set<std::string>& known, const std::string& message) {
    if (known.count(name)) return;
    problems_.push_back(problem_at(at.Mark(), message + " '" + name + "'",
                                   did_you_mean(name, {known.begin(), known.end()})));
  }

  std::set<std::string> resources_;
  std::set<std::string> parameters_;
  std::set<std::string> conditions_;
  std::set<std::string> mappings_;
  bool in_conditions_ = false;
  std::vector<YamlProblem>& problems_;
};

}  // namespace

void find_dangling_references(const YAML::Node& template_root, std::vector<YamlProblem>& problems) {
  ReferenceChecker(template_root, problems).check_template(template_root);
}

}  // namespace infragen
