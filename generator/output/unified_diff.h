// Line diff (Myers' O(ND) algorithm, linear space) printed as a unified diff like `diff -u`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infragen {

// One step of an edit script turning old lines into new lines.
struct LineEdit {
  enum class Kind { keep, remove, insert };
  Kind kind = Kind::keep;
  int old_index = -1;  // 0-based line of the old text (keep, remove)
  int new_index = -1;  // 0-based line of the new text (keep, insert)
};

// `text` cut after every '\n'; each line keeps its '\n', the last one may lack it.
std::vector<std::string_view> split_lines_keeping_ends(std::string_view text);

// A shortest edit script from `old_lines` to `new_lines`.
std::vector<LineEdit> diff_lines(const std::vector<std::string_view>& old_lines,
                                 const std::vector<std::string_view>& new_lines);

// "--- OLD_NAME\n+++ NEW_NAME\n" and `@@ -a,b +c,d @@` hunks with `context` lines around each
// change, as GNU `diff -u` prints them (a missing final newline is marked with
// "\ No newline at end of file"). Empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         const std::string& old_name, const std::string& new_name, int context = 3);

}  // namespace infragen
