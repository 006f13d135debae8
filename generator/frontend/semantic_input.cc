#include "frontend/semantic_input.h"

#include "diagnostics/suggest.h"
#include "frontend/json_pointer.h"
#include "frontend/message_words.h"
#include "frontend/source_order.h"

namespace infragen {

std::vector<std::string> entry_names(const SemanticInput& input, const std::string& collection) {
  auto found = input.effective.find(collection);
  if (found == input.effective.end() || !found->is_object()) return {};
  return keys_in_source_order(input.written, "/" + collection, *found);
}

SourceLocation locate_within_value(const Document& document, const std::string& pointer,
                                   const std::string& fragment) {
  SourceLocation value = document.locate(pointer);
  if (!value.known()) return value;
  std::string_view line = value.file->line(value.line);
  if (value.column < 1 || static_cast<size_t>(value.column - 1) > line.size()) return value;
  size_t end = std::min(line.size(), static_cast<size_t>(value.column - 1 + value.length));
  std::string_view written = line.substr(value.column - 1, end - (value.column - 1));
  size_t at = written.find(fragment);
  if (at == std::string_view::npos) return value;
  SourceLocation inside = value;
  inside.column = value.column + static_cast<int>(at);
  inside.length = static_cast<int>(fragment.size());
  return inside;
}

std::string name_hint(const std::string& name, const std::vector<std::string>& known,
                      const std::string& plural) {
  std::string hint = did_you_mean(name, known);
  if (!hint.empty()) return hint;
  if (known.empty()) return "there are no " + plural;
  return "known " + plural + ": " + join_words(known, "and");
}

}  // namespace infragen
