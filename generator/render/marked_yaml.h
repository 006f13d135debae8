// pack.yaml as JSON, remembering the line and column of every value and key for diagnostics.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"

namespace infragen {

// A YAML document converted to JSON. Positions are keyed by JSON pointer ("/formats/terraform").
struct MarkedDocument {
  SourceFilePtr file;
  nlohmann::json root;
  std::map<std::string, SourceLocation> values;
  std::map<std::string, SourceLocation> keys;

  // The position of the value at `pointer`, else of its nearest ancestor with one.
  SourceLocation value_at(const std::string& pointer) const;
  // The position of the key naming `pointer`, else value_at(pointer).
  SourceLocation key_at(const std::string& pointer) const;
};

// `parent` + "/" + `token` with '~' and '/' escaped (RFC 6901).
std::string pointer_child(const std::string& parent, const std::string& token);

// How load_marked_yaml reads: `exact` with yaml-cpp, positions of every node; `fast` with the
// plain-YAML reader (formats/yaml/simple_yaml.h) when the text is in its subset, else as
// `exact`. A fast document places every non-empty block-level node and flow collection as
// `exact` does, but not empty values or the scalars inside flow collections (value_at falls back
// to the enclosing node): a caller that reports a problem found in a fast document reads it
// again exactly first.
enum class MarkedReading { exact, fast };

// Parses `file` (one YAML document). Plain scalars `null`, `~` and empty are null, `true` and
// `false` are booleans, everything else is a string (pack.yaml has no numbers). Syntax errors and
// duplicate keys are reported; nothing is returned then.
std::optional<MarkedDocument> load_marked_yaml(const SourceFilePtr& file, Diagnostics& diagnostics,
                                               MarkedReading reading = MarkedReading::exact);

}  // namespace infragen
