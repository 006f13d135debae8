// The cloudformation finisher: a YAML template (long-form intrinsics) becomes canonical JSON.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "render/render.h"

namespace infragen {

// Parses `file` as one YAML document, checks that it is a mapping with a Resources mapping and
// that every Ref, Fn::GetAtt, Fn::Sub ${...}, DependsOn, Condition and Fn::If names something
// that exists, and prints it as JSON (see canonical_template_json). Short-form tags (!Ref) are
// refused: JSON cannot carry them.
std::optional<std::string> finish_cloudformation(const RenderedFile& file,
                                                 Diagnostics& diagnostics);

// 2-space JSON with the top-level sections in CloudFormation's documented order
// (AWSTemplateFormatVersion, Description, Metadata, Parameters, Mappings, Conditions, Resources,
// Outputs; other keys after them, sorted), keys sorted below, and a final newline.
std::string canonical_template_json(const nlohmann::json& template_json);

}  // namespace infragen
