#include "formats/yaml/yaml_finisher.h"

#include <cstdlib>

#include "formats/generated_file_error.h"
#include "formats/yaml/simple_yaml.h"
#include "formats/yaml/yaml_document.h"

namespace infragen {
namespace {

// yaml-cpp's reading: every document parsed, every problem reported at its template line.
bool parses_fully(const RenderedFile& file, const std::string& text, Diagnostics& diagnostics) {
  std::vector<YamlProblem> problems;
  if (auto documents = parse_yaml_documents(text, problems)) {
    for (const YAML::Node& document : *documents) find_duplicate_keys(document, problems);
  }
  for (const YamlProblem& problem : problems) {
    report_in_generated_file(file, problem.line, problem.column, problem.message, diagnostics,
                             problem.hint);
  }
  return problems.empty();
}

}  // namespace

std::optional<std::string> finish_yaml(const RenderedFile& file, Diagnostics& diagnostics) {
  std::string text = with_lf_and_final_newline(file.text);
  // The fast path: a file in the subset of YAML the templates write, which read_simple_yaml
  // accepts only when yaml-cpp's reading would report nothing. yaml-cpp spent about 900
  // instructions on every byte of a compose file or a cloud-init document.
  const bool simple = read_simple_yaml(text).has_value();
  // INFRAGEN_CHECK_SIMPLE_YAML (set by the tests): every built-in file must take the fast path,
  // and yaml-cpp must accept what it accepts.
  static const bool checking = std::getenv("INFRAGEN_CHECK_SIMPLE_YAML") != nullptr;
  if (simple && !checking) return text;
  if (!parses_fully(file, text, diagnostics)) {
    if (simple) {
      diagnostics.file_error(file.path,
                             "internal error: the simple YAML reader accepts what yaml-cpp "
                             "rejects");
    }
    return std::nullopt;
  }
  if (checking && !simple) {
    diagnostics.file_error(file.path, "internal error: the simple YAML reader declined it");
    return std::nullopt;
  }
  return text;
}

}  // namespace infragen
