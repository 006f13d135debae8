// Collects errors, warnings and notes of a run and prints them as FILE:LINE:COL with a caret line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "diagnostics/source.h"

namespace infragen {

// A note tells what a run chose to do (e.g. a target it skipped); like a warning, it does not
// change the exit code.
enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation location;
  std::string message;
  std::string hint;  // printed on its own line after the caret, e.g. "did you mean 'image'?"
  std::string path;  // file name when there is no source location (e.g. a file that cannot be read)
};

// Every stage reports into one Diagnostics so that a run shows all problems at once.
class Diagnostics {
 public:
  void error(const SourceLocation& where, std::string message, std::string hint = {});
  void warning(const SourceLocation& where, std::string message, std::string hint = {});
  void note(const SourceLocation& where, std::string message, std::string hint = {});
  // A problem with a file as a whole (no line), e.g. "cannot read file".
  void file_error(std::string path, std::string message);
  void add(Diagnostic diagnostic);
  // A bad command line (e.g. an unknown target): an error whose exit code is the usage one.
  void usage_error(std::string message, std::string hint = {});

  // Takes every diagnostic of `other` (collected by a task on its own thread), as if each had
  // been reported here in its order.
  void absorb(Diagnostics&& other);

  bool has_errors() const { return error_count_ > 0; }
  bool has_usage_errors() const { return usage_error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }

  // Prints every diagnostic, ordered by file, line and column (stable for equal positions).
  void print(std::ostream& out) const;

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
  int usage_error_count_ = 0;
};

// Formats one diagnostic: "FILE:LINE:COL: error: MESSAGE" (or warning:, note:), the source line, a
// caret line, and "  hint: ..." when there is a hint. Ends with a newline.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace infragen
