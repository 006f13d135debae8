// Reports a problem found in a rendered file at the template line that produced it.
#pragma once

#include <string>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Reports `message` for line `line`, column `column` (1-based) of the rendered `file` as
//   TEMPLATE_PATH:TEMPLATE_LINE:COLUMN: error: MESSAGE
//   <the generated line>
//   <caret under COLUMN>
//     hint: in generated file PATH, line LINE (shown above)
// The generated line is shown rather than the template line because the column and the
// problem are in the generated text. Without a known origin, the template file is named alone.
void report_in_generated_file(const RenderedFile& file, int line, int column,
                              const std::string& message, Diagnostics& diagnostics,
                              std::string extra_hint = {});

// `text` with CRLF line ends turned into LF and a final newline when it is not empty.
std::string with_lf_and_final_newline(std::string text);

// The 1-based line and column of byte `offset` in `text`.
void line_and_column(const std::string& text, size_t offset, int& line, int& column);

}  // namespace infragen
