// `infragen fmt`: formats Terraform files like `terraform fmt` (handy when editing packs).
#include "cli/command_table.h"
#include "formats/hcl/fmt_tool.h"

namespace infragen {

void add_fmt_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("fmt", "Format .tf/.tfvars files like 'terraform fmt'");
  auto files = std::make_shared<std::vector<std::string>>();
  auto check = std::make_shared<bool>(false);
  command->add_option("files", *files, "Terraform files")->required();
  command->add_flag("--check", *check,
                    "Do not rewrite; exit 1 and print a diff when not canonical");
  command->callback([&context, &exit_code, files, check] {
    exit_code = hcl::run_fmt_tool(*files, *check, context.out, context.err);
  });
}

}  // namespace infragen
