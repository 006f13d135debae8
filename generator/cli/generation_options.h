// Options shared by `generate` and `check`: manifest, targets, formats, output folder.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/command_context.h"
#include "cli/pipeline.h"

namespace infragen {

struct GenerationOptions {
  CompileRequest request;
  bool all_targets = false;
  std::string output_dir = "infra";
};

// Adds the shared options to `command`; the returned object is filled when the command runs.
std::shared_ptr<GenerationOptions> add_generation_options(CLI::App& command);

// The compile request with `--templates` folders from the context.
CompileRequest request_of(const GenerationOptions& options, const CommandContext& context);

}  // namespace infragen
