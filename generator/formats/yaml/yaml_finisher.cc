#include "formats/yaml/yaml_finisher.h"

#include "formats/generated_file_error.h"
#include "formats/yaml/yaml_document.h"

namespace infragen {

std::optional<std::string> finish_yaml(const RenderedFile& file, Diagnostics& diagnostics) {
  std::string text = with_lf_and_final_newline(file.text);
  std::vector<YamlProblem> problems;
  if (auto documents = parse_yaml_documents(text, problems)) {
    for (const YAML::Node& document : *documents) find_duplicate_keys(document, problems);
  }
  for (const YamlProblem& problem : problems) {
    report_in_generated_file(file, problem.line, problem.column, problem.message, diagnostics,
                             problem.hint);
  }
  if (!problems.empty()) return std::nullopt;
  return text;
}

}  // namespace infragen
