// Strict mustache rendering of one pack format against a view model.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "render/pack.h"

namespace infragen {

// A rendered file before its finisher ran; `line_origins[i]` tells which template line
// (e.g. "templates/ecs-fargate/terraform/ecs.tf.mustache:12") produced output line i+1.
struct RenderedFile {
  std::string path;  // relative to the output folder, '/'-separated
  std::string kind;  // finisher name from pack.yaml
  std::string text;
  std::string template_path;
  // Output line i+1 came from (*origin_table)[line_origin_ids[i]]; -1 is unknown. A table
  // shared by the files of a format, not a string per line: rendered output is megabytes.
  std::vector<int> line_origin_ids;
  std::shared_ptr<const std::vector<std::string>> origin_table;

  // "TEMPLATE:LINE" of output line `line` (1-based); empty when unknown.
  std::string_view origin_of_line(int line) const {
    if (line < 1 || line > static_cast<int>(line_origin_ids.size()) || !origin_table) return {};
    const int id = line_origin_ids[static_cast<size_t>(line - 1)];
    if (id < 0 || id >= static_cast<int>(origin_table->size())) return {};
    return (*origin_table)[static_cast<size_t>(id)];
  }
};

// Renders every file of `format` in `pack`. A variable or section missing from the view
// model is an error naming template:line; values are escaped for the file's kind.
//
// The rules a template follows (mustache, strict):
// - Every name must exist in the context, also in {{^inverted}} sections:
//     TEMPLATE:LINE:COL: error: missing value 'x'   (hint: did you mean 'y'?)
//   Dotted names resolve their first part up the context stack and the rest strictly.
// - {{x}} prints strings, numbers (integers without decimals) and booleans (true/false),
//   escaped for the kind: hcl -> HCL quoted-string content ("${" -> "$${", "%{" -> "%%{"),
//   json and cloudformation -> JSON string content, yaml -> YAML double-quoted content,
//   markdown/text/shell -> unchanged (shell templates must quote values themselves).
//   {{{x}}} and {{&x}} are never escaped: for expressions computed by lowering.
//   A null, list or mapping printed as a value is an error.
// - Sections: null, false, "" and [] are false; a list repeats; anything else is true and is
//   pushed on the context. Standalone section, partial and comment lines leave no blank line;
//   a standalone partial is indented like its tag. {{=<% %>=}} switches delimiters (templates
//   that emit "{{", e.g. Helm charts).
// - `each: a.b` renders the file once per item of that list, with the item pushed on the
//   context; `path` is rendered the same way and must stay a relative path ("each" and path
//   problems are reported at the file's entry in pack.yaml).
// - `when: a.b` renders the file only when that value is set, as a section would be true: not
//   null, false, "", [] or {}. A path that passes through an unset value is unset; a key missing
//   from a mapping is an error at the entry (a misspelt path must not silently drop a file).
std::vector<RenderedFile> render_format(const Pack& pack, const PackFormat& format,
                                        const nlohmann::json& view_model, Diagnostics& diagnostics);

// A view-model string holding a marker character (origin_markers.h) would corrupt the line
// origins: each one is an error at its JSON pointer. render_format checks its view each time;
// a view rendered in several formats is checked once with this (a walk of megabytes).
bool check_view_model_markers(const nlohmann::json& view_model, Diagnostics& diagnostics);

// render_format for a view that passed check_view_model_markers.
std::vector<RenderedFile> render_checked_format(const Pack& pack, const PackFormat& format,
                                                const nlohmann::json& view_model,
                                                Diagnostics& diagnostics);

}  // namespace infragen
