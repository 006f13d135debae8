// `infragen generate`: compiles a manifest and writes the output folder.
#include <fmt/format.h>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/generation_options.h"

namespace infragen {

void add_generate_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("generate", "Generate infrastructure code from a manifest");
  command->footer(
      "Examples:\n"
      "  infragen generate app.yaml -t ecs-fargate -o infra\n"
      "  infragen generate app.yaml --all -f terraform\n"
      "Nothing is written when the manifest or a template has an error. Files infragen did not\n"
      "write are never overwritten or deleted.");
  auto options = add_generation_options(*command);
  command->callback([&context, &exit_code, options] {
    Diagnostics diagnostics;
    auto result = compile(request_of(*options, context), diagnostics);
    if (result) write_output(options->output_dir, result->files, diagnostics);
    if (result && !diagnostics.has_errors()) {
      std::string environments;
      for (const auto& name : result->environments) {
        environments += (environments.empty() ? "" : ", ") + name;
      }
      context.out << fmt::format("infragen: wrote {} files to {}/ (environments: {})\n",
                                 result->files.files().size(), options->output_dir, environments);
      for (const auto& part : result->parts) {
        context.out << fmt::format("  {:<40} {:>3} files  ({} {})\n", part.folder + "/",
                                   part.file_count, part.target, part.format);
      }
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
