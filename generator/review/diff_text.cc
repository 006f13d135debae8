#include "review/diff_printers.h"
#include "review/joined.h"

#include <fmt/format.h>

namespace infragen::review {
namespace {

std::string text_mark(const ResourceChange& change) {
  if (change.danger == Danger::destroy) return "DESTROY";
  if (change.danger == Danger::replace) return "REPLACE";
  if (change.kind == ChangeKind::added) return "+";
  if (change.kind == ChangeKind::removed) return "-";
  return "~";
}

std::string attribute_line(const AttributeChange& attribute) {
  return attribute.path + ": " + attribute.old_value.value_or("(none)") + " -> " +
         attribute.new_value.value_or("(none)");
}

}  // namespace

std::string summary_line(const DiffSummary& summary) {
  std::string out =
      fmt::format("+{} ~{} -{}, {} replacement{}", summary.added, summary.changed, summary.removed,
                  summary.replacements, summary.replacements == 1 ? "" : "s");
  if (summary.destroys > 0) {
    out += fmt::format(", {} destroy{}", summary.destroys, summary.destroys == 1 ? "" : "s");
  }
  return out;
}

std::string diff_text(const DiffReport& report, bool full_file_diffs) {
  std::string out = "infragen diff: " + summary_line(report.summary()) + "\n";
  for (const auto& part : report.parts) {
    for (const auto& [names, environment] : grouped_environments(part)) {
      out += fmt::format("\n{} ({} {}), environment{} {}\n", part.folder, part.target, part.format,
                         names.size() == 1 ? "" : "s", joined(names));
      for (const auto& change : environment->changes) {
        out += fmt::format("  {:<7} {}", text_mark(change), change.address);
        if (!change.renamed_from.empty()) out += " (was " + change.renamed_from + ")";
        if (change.conditional) out += " (conditional)";
        out += "\n";
        for (const auto& reason : change.reasons) out += "          because " + reason + "\n";
        if (change.kind == ChangeKind::added || change.kind == ChangeKind::removed) continue;
        for (const auto& attribute : change.attributes) {
          out += "          " + attribute_line(attribute) + "\n";
        }
      }
    }
    if (!part.notes.empty() && part.environments.empty()) out += "\n" + part.folder + "\n";
    for (const auto& note : part.notes) out += "  note: " + note + "\n";
  }
  if (!report.files.empty()) {
    out += fmt::format("\nfiles: {} changed\n", report.files.size());
    for (const auto& file : report.files) {
      if (full_file_diffs) {
        out += file.unified;
      } else {
        const char* kind = file.kind == FileChange::Kind::added     ? " (new)"
                           : file.kind == FileChange::Kind::removed ? " (deleted)"
                                                                    : "";
        out +=
            fmt::format("  {}{} +{} -{}\n", file.path, kind, file.added_lines, file.removed_lines);
      }
    }
  }
  if (!report.has_changes()) out += "no changes\n";
  return out;
}

nlohmann::json diff_json(const DiffReport& report) {
  using nlohmann::json;
  auto summary = report.summary();
  json out = {{"summary",
               {{"added", summary.added},
                {"changed", summary.changed},
                {"removed", summary.removed},
                {"replacements", summary.replacements},
                {"destroys", summary.destroys},
                {"text", summary_line(summary)}}},
              {"replacement_table", report.table_source},
              {"changed", report.has_changes()},
              {"parts", json::array()},
              {"files", json::array()}};
  for (const auto& part : report.parts) {
    json environments = json::array();
    for (const auto& environment : part.environments) {
      json changes = json::array();
      for (const auto& change : environment.changes) {
        json attributes = json::array();
        for (const auto& attribute : change.attributes) {
          attributes.push_back(
              {{"path", attribute.path},
               {"old", attribute.old_value ? json(*attribute.old_value) : json()},
               {"new", attribute.new_value ? json(*attribute.new_value) : json()}});
        }
        const char* kind = change.kind == ChangeKind::added     ? "added"
                           : change.kind == ChangeKind::removed ? "removed"
                                                                : "changed";
        const char* danger = change.danger == Danger::destroy   ? "destroy"
                             : change.danger == Danger::replace ? "replace"
                                                                : nullptr;
        changes.push_back(
            {{"kind", kind},
             {"address", change.address},
             {"type", change.type},
             {"renamed_from", change.renamed_from.empty() ? json() : json(change.renamed_from)},
             {"danger", danger ? json(danger) : json()},
             {"reasons", change.reasons},
             {"conditional", change.conditional},
             {"attributes", std::move(attributes)}});
      }
      environments.push_back({{"name", environment.environment}, {"changes", std::move(changes)}});
    }
    out["parts"].push_back({{"folder", part.folder},
                            {"target", part.target},
                            {"format", part.format},
                            {"notes", part.notes},
                            {"environments", std::move(environments)}});
  }
  for (const auto& file : report.files) {
    const char* kind = file.kind == FileChange::Kind::added     ? "added"
                       : file.kind == FileChange::Kind::removed ? "removed"
                                                                : "modified";
    out["files"].push_back({{"path", file.path},
                            {"kind", kind},
                            {"added_lines", file.added_lines},
                            {"removed_lines", file.removed_lines},
                            {"diff", file.unified}});
  }
  return out;
}

}  // namespace infragen::review
