// `infragen validate`: checks manifests and prints every problem.
#include <string>
#include <vector>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "frontend/manifest.h"
#include "model/model.h"

namespace infragen {

void add_validate_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("validate", "Check manifests; print every problem found");
  auto manifests = std::make_shared<std::vector<std::string>>();
  command->add_option("manifest", *manifests, "Manifest files (app.yaml)")->required();
  command->footer("Example:\n  infragen validate examples/voting/app.yaml");
  command->callback([&context, &exit_code, manifests] {
    Diagnostics diagnostics;
    for (const auto& path : *manifests) {
      int errors_before = diagnostics.error_count();
      auto manifest = load_manifest(path, diagnostics);
      if (!manifest) continue;
      build_models(*manifest, diagnostics);
      if (diagnostics.error_count() != errors_before) continue;
      std::string names;
      for (const auto& environment : manifest->environments) {
        names += (names.empty() ? "" : ", ") + environment.name;
      }
      context.out << path << ": ok (environments: " << names << ")\n";
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
