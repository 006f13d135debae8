// Reads one pack folder: pack.yaml (schema and semantic checks), its templates and partials.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "render/pack.h"

namespace infragen {

// Loads `<pack_folder>/pack.yaml` and every template it names. `partials` gets the pack's own
// partials (every *.mustache below `<pack_folder>/partials/`, named "partials/<path>" without
// the extension). Returns nothing when the pack has an error.
std::optional<Pack> load_pack(const std::string& pack_folder, Diagnostics& diagnostics);

// Every `*.mustache` file below `folder`, recursively, named `prefix` + its path relative to
// `folder` without ".mustache" ('/'-separated); texts into `texts`, file paths into `files`.
void collect_partials(const std::string& folder, const std::string& prefix,
                      std::map<std::string, std::string>& texts,
                      std::map<std::string, std::string>& files, Diagnostics& diagnostics);

// The text of a template or partial file with CRLF line ends turned into LF.
std::optional<std::string> read_template_text(const std::string& path);

}  // namespace infragen
