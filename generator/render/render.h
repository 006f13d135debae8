// Strict mustache rendering of one pack format against a view model.
#pragma once

#include <string>
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
  std::vector<std::string> line_origins;
};

// Renders every file of `format` in `pack`. A variable or section missing from the view
// model is an error naming template:line; values are escaped for the file's kind.
std::vector<RenderedFile> render_format(const Pack& pack, const PackFormat& format,
                                        const nlohmann::json& view_model, Diagnostics& diagnostics);

}  // namespace infragen
