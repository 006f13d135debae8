// Finishers: parse every rendered file back and print it in its format's canonical form.
#pragma once

#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Checks and canonicalises `file` by its kind (hcl: parsed and formatted like terraform fmt;
// json: parsed, 2-space indent; yaml: parsed back; cloudformation: YAML -> canonical JSON).
// A file that does not parse is an error at the template line that produced it.
std::optional<std::string> finish_file(const RenderedFile& file, Diagnostics& diagnostics);

}  // namespace infragen
