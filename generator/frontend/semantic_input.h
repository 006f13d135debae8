// What every semantic check sees: one environment's manifest, as written and with defaults.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"

namespace infragen {

// Semantic checks run on a manifest that passed the schema, so types and required fields
// can be relied on. `written` has the positions and tells what the user wrote explicitly;
// `effective` is the same manifest with schema defaults filled in.
struct SemanticInput {
  const Document& written;
  const nlohmann::json& effective;
  Diagnostics& diagnostics;
};

// The names under a top-level map of named things ("services"), in the order written.
std::vector<std::string> entry_names(const SemanticInput& input, const std::string& collection);

// The position of `fragment` inside the string value at `pointer` when the value is written
// on one line (so a caret can underline one reference in a longer value), else the value's.
SourceLocation locate_within_value(const Document& document, const std::string& pointer,
                                   const std::string& fragment);

// "did you mean 'x'?" when a name is close, else "known <plural>: a, b" or "there are no
// <plural>" so the user always learns what can be used.
std::string name_hint(const std::string& name, const std::vector<std::string>& known,
                      const std::string& plural);

}  // namespace infragen
