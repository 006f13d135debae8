// Finishers: parse every rendered file back and print it in its format's canonical form.
#pragma once

#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Checks and canonicalises `file` by its kind (hcl: parsed and formatted like terraform fmt;
// json: parsed, 2-space indent; yaml: parsed back; cloudformation: YAML -> canonical JSON).
// A file that does not parse is an error at the template line that produced it, shown with the
// generated line and a caret at the generated column:
//   TEMPLATE_PATH:TEMPLATE_LINE:COL: error: invalid JSON: syntax error while parsing ...
//   <generated line>
//   <caret>
//     hint: in generated file PATH, line N (shown above)
// Kinds: hcl (hcl::format_hcl), json (2-space indent, sorted keys, duplicate keys refused),
// yaml (every document parsed back, duplicate keys refused, text kept), cloudformation (one YAML
// template with long-form intrinsics -> JSON, dangling Ref/GetAtt/Sub/DependsOn/Condition
// refused), markdown/text/shell (kept). Every result has LF line ends and a final newline.
std::optional<std::string> finish_file(const RenderedFile& file, Diagnostics& diagnostics);

}  // namespace infragen
