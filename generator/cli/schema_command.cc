// `infragen schema`: prints the manifest (or pack) JSON Schema for editors and tools.
#include "cli/command_table.h"
#include "cli/commands.h"
#include "frontend/manifest.h"
#include "render/pack.h"

namespace infragen {

void add_schema_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("schema", "Print the JSON Schema of the manifest");
  auto pack = std::make_shared<bool>(false);
  command->add_flag("--pack", *pack, "Print the schema of pack.yaml instead");
  command->footer("Example:\n  infragen schema > manifest.schema.json");
  command->callback([&context, &exit_code, pack] {
    context.out << (*pack ? pack_schema_text() : manifest_schema_text());
    exit_code = kExitOk;
  });
}

}  // namespace infragen
