// The front end's result: a checked manifest as JSON plus the source position of every node.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"

namespace infragen {

// A YAML document converted to JSON, remembering where each value and each key came from.
// Positions are keyed by JSON pointer ("/services/vote/port").
struct Document {
  SourceFilePtr file;
  nlohmann::json root;
  std::map<std::string, SourceLocation> value_locations;
  std::map<std::string, SourceLocation> key_locations;

  // The position of the value at `pointer`, else of its closest ancestor that has one.
  SourceLocation locate(const std::string& pointer) const;
  // The position of the key that names `pointer` (for "unknown field" errors), else locate().
  SourceLocation locate_key(const std::string& pointer) const;
};

// One environment of a manifest: the base with the environment's overlay merged in
// (maps deep-merged, null removes a key) and schema defaults filled in.
struct EnvironmentManifest {
  std::string name;
  nlohmann::json manifest;  // complete, validated, defaults filled; no "environments" key
  nlohmann::json schedule;  // environments.<name>.schedule (stop/start) or null
};

// A manifest that passed every check. `environments` is in manifest order; a manifest
// without `environments:` has exactly one environment named "default".
struct CheckedManifest {
  Document document;
  std::vector<EnvironmentManifest> environments;
};

// Loads, validates (JSON Schema + semantic checks) and resolves every environment of the
// manifest at `path`. Reports every problem into `diagnostics`; returns nothing on error.
std::optional<CheckedManifest> load_manifest(const std::string& path, Diagnostics& diagnostics);

// Same from text already in memory (`display_path` is used in diagnostics).
std::optional<CheckedManifest> load_manifest_text(const std::string& display_path, std::string text,
                                                  Diagnostics& diagnostics);

// The manifest JSON Schema (schemas/manifest.v1.schema.json, compiled into the binary).
const std::string& manifest_schema_text();

}  // namespace infragen
