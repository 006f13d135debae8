// The json finisher: parse the rendered file and print it as canonical JSON.
#pragma once

#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Parses `file` (duplicate keys are errors) and prints it with 2-space indent, keys sorted and
// a final newline. Errors are reported at the template line that produced the bad line.
std::optional<std::string> finish_json(const RenderedFile& file, Diagnostics& diagnostics);

}  // namespace infragen
