// The two sides `infragen plan` and `infragen diff` compare: generated in memory, read from an
// output folder, or generated from a manifest as it was at a git revision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command_context.h"
#include "cli/pipeline.h"
#include "review/resource.h"

namespace infragen {

// What to generate: the target packs and generated formats (all when empty), and the advisory
// features accepted as ignored (as `generate --accept`).
struct ReviewSelection {
  std::vector<std::string> targets;
  std::vector<std::string> formats;
  std::vector<std::string> accepted;
};

// Adds -t/--target, --only-format and --accept to `command`.
void add_selection_options(CLI::App& command, ReviewSelection& selection);

// Compiles `manifest` for the selection; nothing when it has errors (they are in
// `diagnostics`).
std::optional<CompileResult> generate_in_memory(const std::string& manifest,
                                                const ReviewSelection& selection,
                                                const CommandContext& context,
                                                Diagnostics& diagnostics);

// The files of `folder` that a run producing `output` would compare: those the folder's
// ownership file lists and those `output` generates, inside the output's scopes. Sets `error`
// when the folder or its ownership file cannot be read.
std::optional<review::FileMap> read_output_folder(const std::string& folder,
                                                  const OutputSet& output, std::string& error);

// The text of `manifest` at git revision `revision` (`git show REV:PATH` in the repository
// holding the manifest). Sets `error` (git's own message) on failure.
std::optional<std::string> manifest_at_revision(const std::string& manifest,
                                                const std::string& revision, std::string& error);

}  // namespace infragen
