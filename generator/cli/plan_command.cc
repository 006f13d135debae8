// `infragen plan`: the resources each target/format would create, by kind and environment.
#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/review_inputs.h"
#include "review/plan.h"

namespace infragen {

namespace {

struct PlanOptions {
  std::string manifest;
  ReviewSelection selection;
  std::string environment;
  std::string format = "text";
};

}  // namespace

void add_plan_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand(
      "plan", "List the resources each target would create, by kind, per environment");
  command->footer(
      "Examples:\n"
      "  infragen plan app.yaml                       every target that can carry it, every\n"
      "                                               environment\n"
      "  infragen plan app.yaml -t ecs-fargate --env prod --format markdown\n"
      "Read from the generated code, not from AWS: a count that depends on apply-time values\n"
      "is listed as not decidable.");
  auto options = std::make_shared<PlanOptions>();
  command->add_option("manifest", options->manifest, "The app manifest (app.yaml)")->required();
  command->add_option("--env", options->environment, "Only this environment");
  add_selection_options(*command, options->selection);
  command->add_option("--format", options->format, "Output: text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  command->callback([&context, &exit_code, options] {
    Diagnostics diagnostics;
    auto result = generate_in_memory(options->manifest, options->selection, context, diagnostics);
    if (!result) {
      exit_code = context.finish(diagnostics);
      return;
    }
    std::optional<std::string> environment;
    if (!options->environment.empty()) environment = options->environment;
    auto plan = review::build_plan(result->files.files(), environment);
    if (environment && plan.environments.empty()) {
      context.err << "infragen: unknown environment '" << *environment << "'\n";
      exit_code = kExitUsage;
      return;
    }
    if (options->format == "json") {
      context.out << review::plan_json(plan).dump(2) << '\n';
    } else if (options->format == "markdown") {
      context.out << review::plan_markdown(plan);
    } else {
      context.out << review::plan_text(plan);
    }
    exit_code = context.finish(diagnostics);
  });
}

}  // namespace infragen
