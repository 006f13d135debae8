// `infragen context`: prints the view model a pack's templates see, as JSON.
#include <algorithm>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "diagnostics/suggest.h"
#include "lowering/view_contract.h"
#include "lowering/view_sections.h"

namespace infragen {

namespace {

struct ContextOptions {
  std::string manifest;
  std::string target;
  std::vector<std::string> formats;
  std::vector<std::string> sections;
  bool unchecked = false;
};

// Every `--section` names a section the pack's view was built with.
bool check_sections(const ContextOptions& options, const std::vector<std::string>& built,
                    Diagnostics& diagnostics) {
  bool ok = true;
  for (const auto& name : options.sections) {
    if (std::find(built.begin(), built.end(), name) != built.end()) continue;
    std::string hint = did_you_mean(name, built);
    if (hint.empty()) {
      hint = "the view of '" + options.target + "' has:";
      for (const auto& section : built) hint += " " + section;
    }
    diagnostics.usage_error(find_view_section(name)
                                ? "target '" + options.target + "' does not build section '" +
                                      name + "' for the formats asked for"
                                : "unknown view section '" + name + "'",
                            hint);
    ok = false;
  }
  return ok;
}

// A view that breaks its contract is a bug of lowering, not of the manifest.
bool check_contract(const BuiltView& built, Diagnostics& diagnostics) {
  std::vector<std::string> problems = view_contract_problems(built.view, built.sections);
  if (problems.empty()) return true;
  std::string message = "internal error: the view model breaks its contract (schemas/view/):";
  for (const auto& problem : problems) message += "\n  " + problem;
  diagnostics.add({Severity::error, {}, message, {}, "infragen"});
  return false;
}

}  // namespace

void add_context_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command =
      app.add_subcommand("context", "Print the view model (JSON) that a target's templates see");
  command->footer(
      "The view is checked against its contract (schemas/view/<section>.v1.schema.json) before "
      "it is printed.\n"
      "Examples:\n"
      "  infragen context app.yaml -t ecs-fargate | less\n"
      "  infragen context app.yaml -t ecs-ec2 --section instance_capacity\n"
      "  infragen context app.yaml -t ecs-fargate -f terraform");
  auto options = std::make_shared<ContextOptions>();
  command->add_option("manifest", options->manifest, "The app manifest (app.yaml)")->required();
  command->add_option("-t,--target", options->target, "Target pack")->required();
  command->add_option("-f,--format", options->formats,
                      "Build the view for this format only (repeatable): a section serving "
                      "another format is left out");
  command->add_option("--section", options->sections,
                      "Print only this view section (repeatable), e.g. network, ecs_workloads");
  command->add_flag("--unchecked", options->unchecked,
                    "Print the view even if it breaks its contract (when drafting the schema of "
                    "a new section)");
  command->callback([&context, &exit_code, options] {
    Diagnostics diagnostics;
    PackRegistry registry;
    if (load_packs(context.template_dirs, registry, diagnostics)) {
      auto packs = select_packs(registry, {options->target}, diagnostics);
      if (!packs.empty()) {
        for (const auto& format : options->formats) {
          if (!packs.front()->find_format(format)) {
            diagnostics.usage_error("target '" + options->target + "' has no format '" + format +
                                    "'");
          }
        }
        auto built = diagnostics.has_errors() ? std::nullopt
                                              : view_model_for(options->manifest, *packs.front(),
                                                               options->formats, diagnostics);
        if (built && check_sections(*options, built->sections, diagnostics) &&
            (options->unchecked || check_contract(*built, diagnostics))) {
          const nlohmann::json shown = options->sections.empty()
                                           ? built->view
                                           : view_sections_of(built->view, options->sections);
          context.out << shown.dump(2) << '\n';
        }
      }
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
