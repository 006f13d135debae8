// Line-based unified diff (Myers' algorithm) between two texts, generic and reusable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infragen::hcl {

// One step of an edit script over lines: keep a line of both texts, delete a line of the
// old text, or insert a line of the new text.
struct DiffLine {
  enum class Kind { keep, remove, insert };
  Kind kind;
  int old_index;  // 0-based line in the old text (-1 for insert)
  int new_index;  // 0-based line in the new text (-1 for remove)
};

// Splits text into lines; each line keeps its terminator ("\n" or "\r\n") so that a missing
// final newline or a CRLF change is a visible difference.
std::vector<std::string_view> split_lines_keep_ends(std::string_view text);

// A shortest edit script turning `old_lines` into `new_lines`.
std::vector<DiffLine> diff_lines(const std::vector<std::string_view>& old_lines,
                                 const std::vector<std::string_view>& new_lines);

// The unified diff ("--- old_label", "+++ new_label", "@@ -a,b +c,d @@" hunks with
// `context` lines around each change) of two texts; empty when they are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_label, std::string_view new_label, int context = 3);

}  // namespace infragen::hcl
