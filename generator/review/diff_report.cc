#include "review/diff_report.h"

#include <set>

#include "output/unified_diff.h"
#include "review/parts.h"

namespace infragen::review {
namespace {

FileChange file_change(const std::string& path, const std::string* before,
                       const std::string* after) {
  FileChange change;
  change.path = path;
  change.kind = !before  ? FileChange::Kind::added
                : !after ? FileChange::Kind::removed
                         : FileChange::Kind::modified;
  change.unified =
      unified_diff(before ? *before : "", after ? *after : "", before ? "a/" + path : "/dev/null",
                   after ? "b/" + path : "/dev/null");
  std::size_t start = 0;
  while (start < change.unified.size()) {
    std::size_t end = change.unified.find('\n', start);
    if (end == std::string::npos) end = change.unified.size();
    std::string_view line(change.unified.data() + start, end - start);
    if (line.starts_with("+") && !line.starts_with("+++ ")) ++change.added_lines;
    if (line.starts_with("-") && !line.starts_with("--- ")) ++change.removed_lines;
    start = end + 1;
  }
  return change;
}

}  // namespace

bool DiffReport::has_changes() const {
  if (!files.empty()) return true;
  for (const auto& part : parts) {
    if (!part.environments.empty()) return true;
  }
  return false;
}

DiffSummary DiffReport::summary() const {
  DiffSummary summary;
  for (const auto& part : parts) {
    std::set<std::string> added, changed, removed, replaced, destroyed;
    for (const auto& environment : part.environments) {
      for (const auto& change : environment.changes) {
        if (change.kind == ChangeKind::added) added.insert(change.address);
        if (change.kind == ChangeKind::changed) changed.insert(change.address);
        if (change.kind == ChangeKind::removed) removed.insert(change.address);
        if (change.danger == Danger::replace) replaced.insert(change.address);
        if (change.danger == Danger::destroy) destroyed.insert(change.address);
      }
    }
    summary.added += static_cast<int>(added.size());
    summary.changed += static_cast<int>(changed.size());
    summary.removed += static_cast<int>(removed.size());
    summary.replacements += static_cast<int>(replaced.size());
    summary.destroys += static_cast<int>(destroyed.size());
  }
  return summary;
}

DiffReport build_diff_report(const FileMap& before, const FileMap& after,
                             const std::optional<std::string>& environment,
                             const ReplacementTable& table) {
  DiffReport report;
  report.table_source = table.source();
  auto old_parts = read_parts(before);
  auto new_parts = read_parts(after);
  std::set<std::string> folders;
  for (const auto& [folder, part] : old_parts) folders.insert(folder);
  for (const auto& [folder, part] : new_parts) folders.insert(folder);
  for (const auto& folder : folders) {
    static const PartResources kNone;
    auto old_it = old_parts.find(folder);
    auto new_it = new_parts.find(folder);
    const PartResources& old_part = old_it != old_parts.end() ? old_it->second : kNone;
    const PartResources& new_part = new_it != new_parts.end() ? new_it->second : kNone;
    const PartResources& named = new_it != new_parts.end() ? new_part : old_part;
    PartDiff diff;
    diff.folder = folder;
    diff.target = named.target;
    diff.format = named.format;
    diff.notes = new_part.notes;
    // A part on both sides whose environments differ: an environment that appears or goes away
    // is news, not a list of every resource in it (a removed environment's deployed resources
    // stay until someone destroys them with the old code).
    const bool both = old_it != old_parts.end() && new_it != new_parts.end() &&
                      !old_part.environments.empty() && !new_part.environments.empty();
    std::set<std::string> names;
    for (const auto& [name, resources] : old_part.environments) names.insert(name);
    for (const auto& [name, resources] : new_part.environments) names.insert(name);
    for (const auto& name : names) {
      if (environment && name != *environment) continue;
      auto old_env = old_part.environments.find(name);
      auto new_env = new_part.environments.find(name);
      bool in_old = old_env != old_part.environments.end();
      bool in_new = new_env != new_part.environments.end();
      if (both && !in_old) {
        diff.notes.push_back("environment " + name + " is new (" +
                             std::to_string(new_env->second.size()) + " resources)");
        continue;
      }
      if (both && !in_new) {
        diff.notes.push_back("environment " + name +
                             " is gone; its deployed resources stay until destroyed with the "
                             "old code");
        continue;
      }
      static const ResourceMap kEmpty;
      auto changes = diff_resources(in_old ? old_env->second : kEmpty,
                                    in_new ? new_env->second : kEmpty, table);
      if (!changes.empty()) diff.environments.push_back({name, std::move(changes)});
    }
    if (!diff.environments.empty() || !diff.notes.empty()) report.parts.push_back(std::move(diff));
  }
  std::set<std::string> paths;
  for (const auto& [path, content] : before) paths.insert(path);
  for (const auto& [path, content] : after) paths.insert(path);
  for (const auto& path : paths) {
    auto old_it = before.find(path);
    auto new_it = after.find(path);
    const std::string* old_content = old_it != before.end() ? &old_it->second : nullptr;
    const std::string* new_content = new_it != after.end() ? &new_it->second : nullptr;
    if (old_content && new_content && *old_content == *new_content) continue;
    report.files.push_back(file_change(path, old_content, new_content));
  }
  return report;
}

std::vector<std::pair<std::vector<std::string>, const EnvironmentChanges*>> grouped_environments(
    const PartDiff& part) {
  std::vector<std::pair<std::vector<std::string>, const EnvironmentChanges*>> groups;
  for (const auto& environment : part.environments) {
    bool merged = false;
    for (auto& [names, first] : groups) {
      if (first->changes == environment.changes) {
        names.push_back(environment.environment);
        merged = true;
        break;
      }
    }
    if (!merged) groups.push_back({{environment.environment}, &environment});
  }
  return groups;
}

}  // namespace infragen::review
