// The whole compilation in memory: manifest -> models -> view models -> rendered, finished files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "output/output_set.h"
#include "render/pack.h"

namespace infragen {

struct CompileRequest {
  std::string manifest_path;
  std::vector<std::string> targets;        // empty: every pack that can carry the manifest
  std::vector<std::string> formats;        // empty: every format of each pack
  std::vector<std::string> template_dirs;  // --templates, in order (later overrides earlier)
  std::vector<std::string> accepted;       // --accept: advisory features not warned about
};

// One (target, format) pair that was generated, and how many files it produced.
struct GeneratedPart {
  std::string target;
  std::string format;
  std::string folder;  // relative to the output folder, e.g. "ecs-fargate/terraform"
  int file_count = 0;
};

struct CompileResult {
  OutputSet files;
  std::vector<GeneratedPart> parts;
  std::vector<std::string> environments;
};

// Loads the built-in packs and the `--templates` folders.
bool load_packs(const std::vector<std::string>& template_dirs, PackRegistry& registry,
                Diagnostics& diagnostics);

// The folder holding the built-in packs: $INFRAGEN_TEMPLATES_DIR, else `templates` next to or
// above the executable, else the source tree the binary was built from.
std::string builtin_templates_dir();

// Resolves requested target names against the registry (unknown names are errors with a
// suggestion); an empty request means every pack.
std::vector<const Pack*> select_packs(const PackRegistry& registry,
                                      const std::vector<std::string>& targets,
                                      Diagnostics& diagnostics);

// The view model of `pack` for the manifest at `manifest_path` (as `infragen context` shows),
// and the sections it was built with.
struct BuiltView {
  nlohmann::json view;
  std::vector<std::string> sections;  // with_needed_sections of what the pack asked for
};

// `formats`: the formats it is built for (empty: all of the pack's).
std::optional<BuiltView> view_model_for(const std::string& manifest_path, const Pack& pack,
                                        const std::vector<std::string>& formats,
                                        Diagnostics& diagnostics);

// Runs every stage; nothing is written to disk. Returns nothing when any stage reported an error.
// With no target named, a pack that cannot carry the manifest (a feature it does not support) is
// skipped with a note, unless no pack can: then each reports its errors as a named one does.
std::optional<CompileResult> compile(const CompileRequest& request, Diagnostics& diagnostics);

}  // namespace infragen
