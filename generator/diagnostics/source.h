// Source files and positions in them, shared by every stage that reports problems.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace infragen {

// The text of one input file (a manifest, a template) kept for caret lines.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // The 1-based line `number` without its line ending; empty when out of range.
  std::string_view line(int number) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

// A position in a source file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
  SourceFilePtr file;
  int line = 0;
  int column = 0;
  int length = 1;  // how many characters the caret underlines

  bool known() const { return file && line > 0; }
};

}  // namespace infragen
