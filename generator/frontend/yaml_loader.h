// Loads YAML text into a Document: JSON values plus the line:col of every value and key.
#pragma once

#include <optional>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"

namespace infragen {

// Parses `file` (one YAML document whose top level is a map) and converts it to JSON with
// YAML 1.2 core schema typing. Syntax errors, duplicate keys, non-string keys and values JSON
// cannot hold are reported into `diagnostics`; returns nothing when any was found.
std::optional<Document> load_yaml_document(const SourceFilePtr& file, Diagnostics& diagnostics);

}  // namespace infragen
