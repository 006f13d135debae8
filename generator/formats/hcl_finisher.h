// The hcl finisher: the rendered file parsed and printed like `terraform fmt`.
#pragma once

#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Formats `file` with hcl::format_hcl; syntax errors are reported at their template lines.
std::optional<std::string> finish_hcl(const RenderedFile& file, Diagnostics& diagnostics);

}  // namespace infragen
