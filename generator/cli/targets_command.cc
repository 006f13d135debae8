// `infragen targets`: lists the template packs and their formats.
#include <fmt/format.h>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/pipeline.h"

namespace infragen {

void add_targets_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("targets", "List the target packs and their formats");
  command->callback([&context, &exit_code] {
    Diagnostics diagnostics;
    PackRegistry registry;
    if (load_packs(context.template_dirs, registry, diagnostics)) {
      for (const Pack* pack : registry.all()) {
        std::string formats;
        for (const auto& format : pack->formats) {
          formats += (formats.empty() ? "" : ", ") + format.name;
        }
        context.out << fmt::format("{:<14} {:<30} {}\n", pack->name, formats, pack->description);
      }
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
