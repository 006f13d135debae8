// Finds the tags of a mustache template, with their positions, before kainjow ever sees it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infragen {

struct MustacheTag {
  enum class Type {
    variable,
    raw_variable,
    section,
    inverted,
    close,
    partial,
    comment,
    delimiters
  };
  Type type = Type::variable;
  std::string name;  // trimmed, without the sigil ('#', '^', '/', '>', '&', '!')
  size_t begin = 0;  // byte range of the whole tag in the text
  size_t end = 0;
  int line = 0;  // 1-based position of the opening delimiter
  int column = 0;
  std::string open = "{{";  // delimiters in force for this tag
  std::string close = "}}";
};

// A syntax problem found while scanning (1-based position).
struct MustacheProblem {
  int line = 0;
  int column = 0;
  int length = 1;
  std::string message;
};

struct MustacheScan {
  std::vector<MustacheTag> tags;  // in text order
  std::vector<MustacheProblem> problems;
};

// Scans `text`, following set-delimiter tags ({{=<% %>=}}). `{{{x}}}` is a raw variable only
// with the default delimiters, as in the mustache spec. Scanning stops at an unclosed tag.
MustacheScan scan_mustache(std::string_view text);

}  // namespace infragen
