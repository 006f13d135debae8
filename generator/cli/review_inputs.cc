#include "cli/review_inputs.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <set>

#include "output/file_io.h"
#include "output/ownership.h"

namespace infragen {
namespace fs = std::filesystem;

namespace {

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs `command` (argv) through the shell with stderr joined to stdout; returns the exit status.
int run_captured(const std::vector<std::string>& command, std::string& output) {
  std::string line;
  for (const auto& arg : command) line += shell_quoted(arg) + " ";
  line += "2>&1";
  FILE* pipe = popen(line.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), read);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

void add_selection_options(CLI::App& command, ReviewSelection& selection) {
  command.add_option("-t,--target", selection.targets,
                     "Target pack (repeatable); default: every target that can carry the manifest");
  command.add_option("--only-format", selection.formats,
                     "Only this generated format (terraform, cloudformation, ...); repeatable");
  command.add_option("--accept", selection.accepted,
                     "Accept that a target ignores this advisory feature (as for generate)");
}

std::optional<CompileResult> generate_in_memory(const std::string& manifest,
                                                const ReviewSelection& selection,
                                                const CommandContext& context,
                                                Diagnostics& diagnostics) {
  CompileRequest request;
  request.manifest_path = manifest;
  request.targets = selection.targets;
  request.formats = selection.formats;
  request.accepted = selection.accepted;
  request.template_dirs = context.template_dirs;
  return compile(request, diagnostics);
}

std::optional<review::FileMap> read_output_folder(const std::string& folder,
                                                  const OutputSet& output, std::string& error) {
  std::error_code status;
  if (!fs::is_directory(folder, status)) {
    error = folder + " is not a folder";
    return std::nullopt;
  }
  auto owned = read_ownership(folder, error);
  if (!owned) return std::nullopt;
  std::set<std::string> paths;
  for (const auto& [path, hash] : *owned) {
    if (output.in_scope(path)) paths.insert(path);
  }
  for (const auto& [path, content] : output.files()) paths.insert(path);
  review::FileMap files;
  for (const auto& path : paths) {
    if (auto content = read_file_bytes(fs::path(folder) / path)) files[path] = std::move(*content);
  }
  return files;
}

std::optional<std::string> manifest_at_revision(const std::string& manifest,
                                                const std::string& revision, std::string& error) {
  fs::path absolute = fs::absolute(manifest);
  std::string top;
  if (run_captured({"git", "-C", absolute.parent_path().string(), "rev-parse", "--show-toplevel"},
                   top) != 0) {
    error = "not in a git repository: " + trimmed(top);
    return std::nullopt;
  }
  fs::path root = fs::canonical(trimmed(top));
  fs::path relative = fs::relative(fs::weakly_canonical(absolute), root);
  std::string content;
  if (run_captured({"git", "-C", root.string(), "show", revision + ":" + relative.generic_string()},
                   content) != 0) {
    error = "git show " + revision + ":" + relative.generic_string() + ": " + trimmed(content);
    return std::nullopt;
  }
  return content;
}

}  // namespace infragen
