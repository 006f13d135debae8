// `infragen context`: prints the view model a pack's templates see, as JSON.
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/pipeline.h"

namespace infragen {

void add_context_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command =
      app.add_subcommand("context", "Print the view model (JSON) that a target's templates see");
  command->footer("Example:\n  infragen context app.yaml -t ecs-fargate | less");
  auto manifest = std::make_shared<std::string>();
  auto target = std::make_shared<std::string>();
  command->add_option("manifest", *manifest, "The app manifest (app.yaml)")->required();
  command->add_option("-t,--target", *target, "Target pack")->required();
  command->callback([&context, &exit_code, manifest, target] {
    Diagnostics diagnostics;
    PackRegistry registry;
    if (load_packs(context.template_dirs, registry, diagnostics)) {
      auto packs = select_packs(registry, {*target}, diagnostics);
      if (!packs.empty()) {
        auto view = view_model_for(*manifest, *packs.front(), diagnostics);
        if (view) context.out << view->dump(2) << '\n';
      }
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
