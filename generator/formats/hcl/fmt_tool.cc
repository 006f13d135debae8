// Reads, formats and checks or rewrites the files given to `infragen fmt`.
#include "formats/hcl/fmt_tool.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>

#include "diagnostics/diagnostics.h"
#include "formats/hcl/hcl_format.h"
#include "formats/hcl/unified_diff.h"

namespace infragen::hcl {
namespace {

enum class FileOutcome { canonical, changed, syntax_error, io_error };

std::optional<std::string> read_file(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return content.str();
}

// Writes next to the target and renames over it, so a crash never leaves half a file.
bool replace_file(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".infragen-fmt.tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << text;
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code error;
  std::filesystem::permissions(temporary, std::filesystem::status(path, error).permissions(),
                               error);
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return false;
  }
  return true;
}

void report_syntax_errors(const std::string& path, const std::string& text,
                          const std::vector<SyntaxError>& errors, std::ostream& err) {
  auto source = std::make_shared<const SourceFile>(path, text);
  for (const SyntaxError& error : errors) {
    Diagnostic diagnostic;
    diagnostic.location = SourceLocation{source, error.line, error.column, 1};
    diagnostic.message = error.message;
    err << format_diagnostic(diagnostic);
  }
}

FileOutcome process_file(const std::string& path, bool check, std::ostream& out,
                         std::ostream& err) {
  std::optional<std::string> text = read_file(path);
  if (!text) {
    err << path << ": error: cannot read file\n";
    return FileOutcome::io_error;
  }
  FormatResult result = format_hcl(*text);
  if (!result.ok()) {
    report_syntax_errors(path, *text, result.errors, err);
    return FileOutcome::syntax_error;
  }
  if (result.formatted == *text) return FileOutcome::canonical;
  if (check) {
    out << unified_diff(*text, result.formatted, "a/" + path, "b/" + path);
    return FileOutcome::changed;
  }
  if (!replace_file(path, result.formatted)) {
    err << path << ": error: cannot write file\n";
    return FileOutcome::io_error;
  }
  out << path << "\n";
  return FileOutcome::changed;
}

}  // namespace

int run_fmt_tool(const std::vector<std::string>& files, bool check, std::ostream& out,
                 std::ostream& err) {
  bool io_failed = false;
  bool syntax_failed = false;
  bool not_canonical = false;
  for (const std::string& path : files) {
    switch (process_file(path, check, out, err)) {
      case FileOutcome::canonical:
        break;
      case FileOutcome::changed:
        not_canonical = true;
        break;
      case FileOutcome::syntax_error:
        syntax_failed = true;
        break;
      case FileOutcome::io_error:
        io_failed = true;
        break;
    }
  }
  if (io_failed) return 2;
  if (syntax_failed || (check && not_canonical)) return 1;
  return 0;
}

}  // namespace infragen::hcl
