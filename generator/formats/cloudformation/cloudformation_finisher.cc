#include "formats/cloudformation/cloudformation_finisher.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/cloudformation/cloudformation_references.h"
#include "formats/generated_file_error.h"
#include "formats/pretty_json.h"
#include "formats/yaml/simple_yaml.h"
#include "formats/yaml/yaml_document.h"

namespace infragen {
namespace {

constexpr std::array<const char*, 8> kSectionOrder = {"AWSTemplateFormatVersion",
                                                      "Description",
                                                      "Metadata",
                                                      "Parameters",
                                                      "Mappings",
                                                      "Conditions",
                                                      "Resources",
                                                      "Outputs"};

// A short-form tag like !Ref has no JSON form; say which long form to write.
void explain_short_forms(std::vector<YamlProblem>& problems) {
  for (YamlProblem& problem : problems) {
    if (problem.message.rfind("unsupported YAML tag '!", 0) == 0) {
      std::string tag = problem.message.substr(problem.message.find('!') + 1);
      tag.pop_back();
      std::string long_form = tag == "Ref" || tag == "Condition" ? tag : "Fn::" + tag;
      problem.message = "short-form intrinsic '!" + tag + "' is not supported";
      problem.hint = "write the long form '" + long_form + ":'";
    }
  }
}

}  // namespace

std::string canonical_template_json(const nlohmann::json& template_json) {
  // Printed directly rather than through an ordered_json copy: the copy's objects find keys by
  // a linear search, and the templates are megabytes.
  std::string out = "{";
  bool first = true;
  auto member = [&](const std::string& key, const nlohmann::json& value) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    append_json_string(out, key);
    out += ": ";
    // As dump(2) prints it one level down; below the top level, keys come sorted, as
    // nlohmann::json keeps them.
    append_pretty_json(out, value, 2);
  };
  for (const char* section : kSectionOrder) {
    auto found = template_json.find(section);
    if (found == template_json.end()) continue;
    // A template may leave an optional section empty (a manifest without environments has
    // no conditions); CloudFormation rejects a null or empty section, so it is left out.
    const bool empty = found->is_null() || (found->is_object() && found->empty());
    if (empty && std::string_view(section) != "Resources") continue;
    member(section, *found);
  }
  for (const auto& [key, value] : template_json.items()) {
    // An init-capture: clang before 16 cannot capture a structured binding.
    bool placed = std::find_if(kSectionOrder.begin(), kSectionOrder.end(),
                               [&key = key](const char* section) { return key == section; }) !=
                  kSectionOrder.end();
    if (!placed) member(key, value);
  }
  out += first ? "}\n" : "\n}\n";
  return out;
}

namespace {

// The fast path: a template in the subset of YAML the templates write, with nothing to report.
std::optional<std::string> finish_simple(const std::string& text) {
  std::optional<nlohmann::json> simple = read_simple_yaml(text);
  if (!simple || !simple->is_object() || !simple->contains("Resources") ||
      !(*simple)["Resources"].is_object() || !dangling_references(*simple).empty()) {
    return std::nullopt;
  }
  try {
    return canonical_template_json(*simple);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // reported, located, by the full reading
  }
}

// The full path: yaml-cpp's reading, every problem located in the template.
std::optional<std::string> finish_full(const RenderedFile& file, const std::string& text,
                                       Diagnostics& diagnostics) {
  std::vector<YamlProblem> problems;
  auto report_all = [&]() {
    for (const YamlProblem& problem : problems) {
      report_in_generated_file(file, problem.line, problem.column, problem.message, diagnostics,
                               problem.hint);
    }
    return std::nullopt;
  };
  std::optional<std::vector<YAML::Node>> documents = parse_yaml_documents(text, problems);
  if (!documents) return report_all();
  if (documents->size() != 1 || !(*documents)[0].IsMap() || !(*documents)[0]["Resources"] ||
      !(*documents)[0]["Resources"].IsMap()) {
    problems.push_back(
        {1, 1, "a CloudFormation template must be one YAML mapping with a Resources mapping", ""});
    return report_all();
  }
  const YAML::Node& root = (*documents)[0];
  find_duplicate_keys(root, problems);
  nlohmann::json template_json = yaml_to_json(root, problems);
  explain_short_forms(problems);
  if (problems.empty()) find_dangling_references(root, template_json, problems);
  if (!problems.empty()) return report_all();
  try {
    return canonical_template_json(template_json);
  } catch (const nlohmann::json::exception& error) {
    problems.push_back(
        {1, 1, std::string("cannot print the template as JSON: ") + error.what(), ""});
    return report_all();
  }
}

}  // namespace

std::optional<std::string> finish_cloudformation(const RenderedFile& file,
                                                 Diagnostics& diagnostics) {
  const std::string text = with_lf_and_final_newline(file.text);
  std::optional<std::string> simple = finish_simple(text);
  // INFRAGEN_CHECK_SIMPLE_YAML (set by the tests): every built-in template must take the fast
  // path, and give what yaml-cpp's reading gives.
  static const bool checking = std::getenv("INFRAGEN_CHECK_SIMPLE_YAML") != nullptr;
  if (!checking) return simple ? simple : finish_full(file, text, diagnostics);
  std::optional<std::string> full = finish_full(file, text, diagnostics);
  if (full && (!simple || *simple != *full)) {
    diagnostics.file_error(file.path, simple
                                          ? "internal error: the simple YAML reader reads it "
                                            "otherwise than yaml-cpp"
                                          : "internal error: the simple YAML reader declined it");
    return std::nullopt;
  }
  return full;
}

}  // namespace infragen
