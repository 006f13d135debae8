#include "cli/commands.h"

#include <exception>

#include "cli/command_table.h"

namespace infragen {

namespace {

constexpr const char* kDescription =
    "infragen compiles one app manifest (app.yaml) into the infrastructure code of AWS\n"
    "deployment targets: Terraform, CloudFormation, Helm charts and docker compose files.\n\n"
    "Examples:\n"
    "  infragen validate app.yaml                  check a manifest, print every problem\n"
    "  infragen generate app.yaml -t ecs-fargate   write ./infra/ecs-fargate/...\n"
    "  infragen generate app.yaml --all -o infra   every target that can carry it\n"
    "  infragen check app.yaml -o infra            is the committed folder up to date?\n"
    "  infragen targets                            list the target packs\n"
    "  infragen context app.yaml -t ecs-fargate    the view model a pack's templates see\n"
    "  infragen plan app.yaml --env prod           the resources each target would create\n"
    "  infragen diff app.yaml --base origin/main   what a manifest change does (REPLACE, "
    "DESTROY)\n\n"
    "Exit codes: 0 ok, 1 findings (bad manifest, stale folder), 2 usage or internal error;\n"
    "diff: 0 no change, 1 changes, 2 error (a bad manifest included).";

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{kDescription, "infragen"};
  app.set_version_flag("--version", std::string("infragen ") + INFRAGEN_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  CommandContext context;
  app.add_option("--templates", context.template_dirs,
                 "Folder of extra template packs (adds or overrides built-in ones); repeatable")
      ->check(CLI::ExistingDirectory);

  int exit_code = kExitOk;
  add_validate_command(app, context, exit_code);
  add_generate_command(app, context, exit_code);
  add_check_command(app, context, exit_code);
  add_targets_command(app, context, exit_code);
  add_context_command(app, context, exit_code);
  add_schema_command(app, context, exit_code);
  add_fmt_command(app, context, exit_code);
  add_plan_command(app, context, exit_code);
  add_diff_command(app, context, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    // CLI11 returns 0 for --help/--version; any real usage error is exit code 2.
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& error) {
    context.err << "infragen: internal error: " << error.what() << '\n';
    return kExitUsage;
  }
  return exit_code;
}

}  // namespace infragen
