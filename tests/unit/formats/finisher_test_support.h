// Helpers for finisher tests: rendered files with line origins, printed diagnostics.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "../printed_diagnostics.h"
#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen::testing {

// A rendered file whose line i+1 came from line origin_lines[i] of "tpl/t.mustache".
inline RenderedFile rendered(const std::string& kind, const std::string& text,
                             const std::vector<int>& origin_lines = {}) {
  RenderedFile file;
  file.path = "out/file";
  file.kind = kind;
  file.text = text;
  file.template_path = "tpl/t.mustache";
  auto table = std::make_shared<std::vector<std::string>>();
  for (int line : origin_lines) {
    file.line_origin_ids.push_back(static_cast<int>(table->size()));
    table->push_back("tpl/t.mustache:" + std::to_string(line));
  }
  file.origin_table = table;
  return file;
}

}  // namespace infragen::testing
