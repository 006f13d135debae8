#include "cli/generation_options.h"

namespace infragen {

std::shared_ptr<GenerationOptions> add_generation_options(CLI::App& command) {
  auto options = std::make_shared<GenerationOptions>();
  command.add_option("manifest", options->request.manifest_path, "The app manifest (app.yaml)")
      ->required();
  auto* targets =
      command.add_option("-t,--target", options->request.targets,
                         "Target pack to generate (repeatable); see 'infragen targets'");
  command
      .add_flag("--all", options->all_targets,
                "Every target pack that can carry the manifest (the default)")
      ->excludes(targets);
  command.add_option("-f,--format", options->request.formats,
                     "Only this format (terraform, cloudformation, helm, compose); repeatable");
  command.add_option("-o,--output", options->output_dir, "Output folder")->capture_default_str();
  command.add_option("--accept", options->request.accepted,
                     "Accept that a target ignores this advisory feature (e.g. jobs.timeout) "
                     "and do not warn about it; repeatable");
  return options;
}

CompileRequest request_of(const GenerationOptions& options, const CommandContext& context) {
  CompileRequest request = options.request;
  request.template_dirs = context.template_dirs;
  if (options.all_targets) request.targets.clear();
  return request;
}

}  // namespace infragen
