// `infragen diff`: what a manifest change does to the infrastructure, danger marks first.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/command_table.h"
#include "cli/commands.h"
#include "cli/review_inputs.h"
#include "review/diff_printers.h"
#include "review/parts.h"

namespace infragen {

namespace {

namespace fs = std::filesystem;

struct DiffOptions {
  std::vector<std::string> manifests;
  std::string against;
  std::string base;
  ReviewSelection selection;
  std::string environment;
  std::string format = "text";
  bool stat = false;
  bool files = false;
};

// Compiles the manifest text of a git revision. The text goes to a private temporary folder
// under the manifest's own file name, so diagnostics name the file the user knows.
std::optional<CompileResult> generate_from_text(const std::string& text, const std::string& name,
                                                const DiffOptions& options,
                                                const CommandContext& context,
                                                Diagnostics& diagnostics, std::string& error) {
  std::string pattern = (fs::temp_directory_path() / "infragen-base-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    error = "cannot create a temporary folder";
    return std::nullopt;
  }
  fs::path path = fs::path(pattern) / fs::path(name).filename();
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  auto result = generate_in_memory(path.string(), options.selection, context, diagnostics);
  std::error_code ignored;
  fs::remove_all(pattern, ignored);
  return result;
}

bool has_environment(const review::FileMap& files, const std::string& environment) {
  for (const auto& [folder, part] : review::read_parts(files)) {
    if (part.environments.count(environment)) return true;
  }
  return false;
}

int run_diff(const DiffOptions& options, const CommandContext& context) {
  const int modes =
      (options.manifests.size() == 2) + !options.against.empty() + !options.base.empty();
  if (modes != 1) {
    context.err << "infragen diff: give exactly one of: OLD NEW, MANIFEST --against DIR, "
                   "MANIFEST --base REV\n";
    return kExitUsage;
  }
  const std::string& manifest = options.manifests.back();
  Diagnostics diagnostics;
  auto after = generate_in_memory(manifest, options.selection, context, diagnostics);
  review::FileMap before_files;
  std::string error;
  if (after && options.manifests.size() == 2) {
    auto before =
        generate_in_memory(options.manifests.front(), options.selection, context, diagnostics);
    if (before) before_files = before->files.files();
  } else if (after && !options.against.empty()) {
    auto files = read_output_folder(options.against, after->files, error);
    if (files) before_files = std::move(*files);
  } else if (after) {
    auto text = manifest_at_revision(manifest, options.base, error);
    if (text) {
      auto before = generate_from_text(*text, manifest, options, context, diagnostics, error);
      if (before) {
        before_files = before->files.files();
      } else if (error.empty()) {
        error = manifest + " at " + options.base +
                " does not compile (the errors above name a temporary copy of it)";
      }
    }
  }
  diagnostics.print(context.err);
  if (!error.empty()) {
    context.err << "infragen diff: " << error << '\n';
    return kExitUsage;
  }
  if (diagnostics.has_errors()) return kExitUsage;
  const review::FileMap& after_files = after->files.files();
  std::optional<std::string> environment;
  if (!options.environment.empty()) {
    environment = options.environment;
    if (!has_environment(after_files, *environment) &&
        !has_environment(before_files, *environment)) {
      context.err << "infragen diff: unknown environment '" << *environment << "'\n";
      return kExitUsage;
    }
  }
  auto report = review::build_diff_report(before_files, after_files, environment,
                                          review::ReplacementTable::builtin());
  if (options.format == "json") {
    context.out << review::diff_json(report).dump(2) << '\n';
  } else if (options.format == "markdown") {
    context.out << review::diff_markdown(report);
  } else {
    context.out << review::diff_text(report, options.files && !options.stat);
  }
  return report.has_changes() ? kExitFindings : kExitOk;
}

}  // namespace

void add_diff_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand(
      "diff",
      "What a manifest change does to the infrastructure: resources added, removed, "
      "changed, replaced or destroyed, then the files");
  command->footer(
      "Forms:\n"
      "  infragen diff old.yaml new.yaml              two manifests\n"
      "  infragen diff app.yaml --against infra       the manifest against a generated folder\n"
      "  infragen diff app.yaml --base origin/main    the manifest against itself at a revision\n"
      "Exit codes (like git diff --exit-code): 0 no change, 1 changes, 2 error.");
  auto options = std::make_shared<DiffOptions>();
  command->add_option("manifests", options->manifests, "NEW, or OLD NEW")
      ->required()
      ->expected(1, 2);
  command->add_option("--against", options->against, "Compare with this generated folder");
  command->add_option("--base", options->base, "Compare with the manifest at this git revision");
  command->add_option("--env", options->environment, "Only this environment");
  add_selection_options(*command, options->selection);
  command->add_option("--format", options->format, "Output: text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  command->add_flag("--stat", options->stat, "Files as a diffstat (the default)");
  command->add_flag("--files", options->files, "Files as full unified diffs");
  command->callback([&context, &exit_code, options] { exit_code = run_diff(*options, context); });
}

}  // namespace infragen
