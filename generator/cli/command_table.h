// Registration of each CLI subcommand; every command lives in its own <name>_command.cc.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.h"

namespace infragen {

// Each function adds one subcommand to `app`; when it runs it stores its exit code in `exit_code`.
void add_validate_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_generate_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_check_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_targets_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_context_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_schema_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_fmt_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_plan_command(CLI::App& app, CommandContext& context, int& exit_code);
void add_diff_command(CLI::App& app, CommandContext& context, int& exit_code);

}  // namespace infragen
