// `infragen check`: is the output folder exactly what the manifest generates now?
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/generation_options.h"

namespace infragen {

void add_check_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand(
      "check", "Exit 1 and print a diff when the output folder is not what generate would write");
  command->footer(
      "Example (in CI, after committing the generated folder):\n"
      "  infragen check app.yaml -t ecs-fargate -o infra");
  auto options = add_generation_options(*command);
  command->callback([&context, &exit_code, options] {
    Diagnostics diagnostics;
    auto result = compile(request_of(*options, context), diagnostics);
    if (!result) {
      exit_code = context.finish(diagnostics);
      return;
    }
    std::string report;
    bool current = check_output(options->output_dir, result->files, report);
    context.out << report;
    if (current) {
      context.out << "infragen: " << options->output_dir << "/ is up to date\n";
    } else {
      context.out << "infragen: " << options->output_dir
                  << "/ is stale; run 'infragen generate' with the same options\n";
    }
    exit_code = context.finish(diagnostics, current ? kExitOk : kExitFindings);
  });
}

}  // namespace infragen
