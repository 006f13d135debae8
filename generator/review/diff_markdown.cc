// Markdown for a pull-request comment: what a reviewer must see first comes first.
#include "review/diff_printers.h"
#include "review/joined.h"

#include <fmt/format.h>

namespace infragen::review {
namespace {

// A table cell: pipes escaped, long values cut (the JSON output keeps them whole).
std::string cell(std::string text, std::size_t limit = 160) {
  if (text.size() > limit) text = text.substr(0, limit) + "…";
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(const std::string& text) {
  std::string fence = text.find('`') == std::string::npos ? "`" : "``";
  std::string pad = fence.size() > 1 ? " " : "";
  return fence + pad + cell(text) + pad + fence;
}

std::string markdown_mark(const ResourceChange& change) {
  if (change.danger == Danger::destroy) return "**DESTROY**";
  if (change.danger == Danger::replace) return "**REPLACE**";
  if (change.kind == ChangeKind::added) return "+ add";
  if (change.kind == ChangeKind::removed) return "- remove";
  return "~ update";
}

// Danger reasons, then attribute changes (at most 8: the JSON has all of them).
std::string details(const ResourceChange& change) {
  std::vector<std::string> lines;
  for (const auto& reason : change.reasons) lines.push_back(cell(reason, 240));
  if (!change.renamed_from.empty() && change.reasons.empty()) {
    lines.push_back("was " + code(change.renamed_from));
  }
  if (change.kind == ChangeKind::changed) {
    std::size_t shown = 0;
    for (const auto& attribute : change.attributes) {
      if (shown++ == 8) {
        lines.push_back(fmt::format("… {} more", change.attributes.size() - 8));
        break;
      }
      lines.push_back(code(attribute.path) + ": " +
                      (attribute.old_value ? code(*attribute.old_value) : "(none)") + " → " +
                      (attribute.new_value ? code(*attribute.new_value) : "(none)"));
    }
  }
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "<br>") + line;
  return out;
}

}  // namespace

std::string diff_markdown(const DiffReport& report, std::size_t max_chars) {
  auto summary = report.summary();
  std::string out = "### infragen diff\n\n**" + summary_line(summary) + "**\n";
  if (!report.has_changes()) return out + "\nNo changes to the generated infrastructure.\n";
  if (summary.replacements + summary.destroys > 0) {
    out += "\n> [!CAUTION]\n> ";
    out += fmt::format("{} resource{} replaced, {} destroyed: read the marked rows first.\n",
                       summary.replacements, summary.replacements == 1 ? " is" : "s are",
                       summary.destroys);
  }
  for (const auto& part : report.parts) {
    for (const auto& [names, environment] : grouped_environments(part)) {
      out += fmt::format("\n#### {} / {} — {}\n\n", part.target, part.format, joined(names));
      out += "| change | resource | details |\n| --- | --- | --- |\n";
      for (const auto& change : environment->changes) {
        std::string resource = code(change.address);
        if (change.conditional) resource += " (conditional)";
        out += "| " + markdown_mark(change) + " | " + resource + " | " + details(change) + " |\n";
      }
    }
    if (!part.notes.empty()) {
      if (part.environments.empty())
        out += fmt::format("\n#### {} / {}\n", part.target, part.format);
      out += "\n";
      for (const auto& note : part.notes) out += "- " + cell(note, 400) + "\n";
    }
  }
  if (!report.files.empty()) {
    int added = 0;
    int removed = 0;
    for (const auto& file : report.files) {
      added += file.added_lines;
      removed += file.removed_lines;
    }
    out += fmt::format("\n<details><summary>Files: {} changed (+{} -{})</summary>\n",
                       report.files.size(), added, removed);
    std::size_t omitted = 0;
    for (const auto& file : report.files) {
      // A fence longer than any backtick run in the diff (a README's own code blocks).
      std::string fence = "```";
      while (file.unified.find(fence) != std::string::npos) fence += '`';
      std::string section =
          "\n`" + file.path + "`\n\n" + fence + "diff\n" + file.unified + fence + "\n";
      if (out.size() + section.size() > max_chars) {
        ++omitted;
        continue;
      }
      out += section;
    }
    if (omitted > 0) {
      out += fmt::format(
          "\n{} more file diff{} left out to fit a comment: run `infragen diff --files` to see "
          "them.\n",
          omitted, omitted == 1 ? "" : "s");
    }
    out += "\n</details>\n";
  }
  out += "\n<sub>Replacement facts: " + report.table_source + ".</sub>\n";
  return out;
}

}  // namespace infragen::review
