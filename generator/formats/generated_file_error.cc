#include "formats/generated_file_error.h"

#include <algorithm>
#include <memory>

namespace infragen {
namespace {

std::string generated_line(const std::string& text, int line) {
  size_t start = 0;
  for (int i = 1; i < line && start != std::string::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos || start > text.size()) return {};
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

void report_in_generated_file(const RenderedFile& file, int line, int column,
                              const std::string& message, Diagnostics& diagnostics,
                              std::string extra_hint) {
  line = std::max(1, line);
  const int line_count = static_cast<int>(std::count(file.text.begin(), file.text.end(), '\n')) +
                         (!file.text.empty() && file.text.back() != '\n' ? 1 : 0);
  if (line > line_count && line_count > 0) {
    // Parsers report "unexpected end" just past the text: point after the last character.
    line = line_count;
    column = static_cast<int>(generated_line(file.text, line).size()) + 1;
  }
  const std::string where_generated =
      "in generated file " + file.path + ", line " + std::to_string(line);
  const std::string origin(file.origin_of_line(line));
  size_t colon = origin.rfind(':');
  int template_line = colon == std::string::npos ? 0 : std::atoi(origin.c_str() + colon + 1);
  if (template_line <= 0) {
    std::string hint = where_generated;
    if (!extra_hint.empty()) hint += "; " + extra_hint;
    diagnostics.add({Severity::error,
                     {},
                     message,
                     hint,
                     file.template_path.empty() ? file.path : file.template_path});
    return;
  }
  // A stand-in for the template whose line `template_line` is the generated line, so that the
  // printer shows it with the caret at the generated column.
  std::string text(static_cast<size_t>(template_line - 1), '\n');
  text += generated_line(file.text, line);
  SourceLocation location;
  location.file = std::make_shared<const SourceFile>(origin.substr(0, colon), std::move(text));
  location.line = template_line;
  location.column = std::max(1, column);
  std::string hint = where_generated + " (shown above)";
  if (!extra_hint.empty()) hint += "; " + extra_hint;
  diagnostics.error(location, message, hint);
}

std::string with_lf_and_final_newline(std::string text) {
  // Rendered text rarely holds a CR: then it is returned as it is, without a copy.
  size_t carriage_return = text.find('\r');
  if (carriage_return != std::string::npos) {
    std::string out;
    out.reserve(text.size());
    size_t from = 0;
    while (carriage_return != std::string::npos) {
      out.append(text, from, carriage_return - from);
      from = carriage_return + 1;
      // A CR is dropped only before an LF; one alone stays.
      if (from >= text.size() || text[from] != '\n') out += '\r';
      carriage_return = text.find('\r', from);
    }
    out.append(text, from, std::string::npos);
    text = std::move(out);
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

void line_and_column(const std::string& text, size_t offset, int& line, int& column) {
  offset = std::min(offset, text.size());
  line = 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
  column = static_cast<int>(offset - line_start) + 1;
}

}  // namespace infragen
