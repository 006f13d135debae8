// `infragen validate`: checks manifests and prints every problem.
#include <string>
#include <vector>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "frontend/manifest.h"
#include "model/model.h"

namespace infragen {

void add_validate_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("validate", "Check manifests; print every problem found");
  auto manifests = std::make_shared<std::vector<std::string>>();
  auto targets = std::make_shared<std::vector<std::string>>();
  auto accepted = std::make_shared<std::vector<std::string>>();
  command->add_option("manifest", *manifests, "Manifest files (app.yaml)")->required();
  command->add_option("-t,--target", *targets,
                      "Also check that this target can carry the manifest, rendering and "
                      "parsing its code without writing it (repeatable)");
  command->add_option("--accept", *accepted,
                      "Accept that a target ignores this advisory feature; repeatable");
  command->footer(
      "Examples:\n  infragen validate examples/voting/app.yaml\n"
      "  infragen validate examples/voting/app.yaml -t ecs-fargate");
  command->callback([&context, &exit_code, manifests, targets, accepted] {
    Diagnostics diagnostics;
    for (const auto& path : *manifests) {
      int errors_before = diagnostics.error_count();
      std::vector<std::string> environments;
      if (targets->empty()) {
        auto manifest = load_manifest(path, diagnostics);
        if (!manifest) continue;
        build_models(*manifest, diagnostics);
        for (const auto& environment : manifest->environments) {
          environments.push_back(environment.name);
        }
      } else {
        // The whole pipeline up to the writer: what `generate` would refuse, validate reports.
        CompileRequest request;
        request.manifest_path = path;
        request.targets = *targets;
        request.template_dirs = context.template_dirs;
        request.accepted = *accepted;
        auto result = compile(request, diagnostics);
        if (result) environments = result->environments;
      }
      if (diagnostics.error_count() != errors_before) continue;
      std::string names;
      for (const auto& environment : environments) {
        names += (names.empty() ? "" : ", ") + environment;
      }
      context.out << path << ": ok (environments: " << names << ")\n";
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
