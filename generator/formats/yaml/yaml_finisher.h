// The yaml finisher: the rendered file must parse (every document) and keeps its text.
#pragma once

#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Checks that every document of `file` parses (read_simple_yaml, or yaml-cpp where that declines
// it: syntax errors and duplicate keys are reported at their template lines) and returns the
// text with LF line ends and a final newline.
std::optional<std::string> finish_yaml(const RenderedFile& file, Diagnostics& diagnostics);

}  // namespace infragen
