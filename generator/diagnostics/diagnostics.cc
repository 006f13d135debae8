#include "diagnostics/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace infragen {

void Diagnostics::error(const SourceLocation& where, std::string message, std::string hint) {
  add({Severity::error, where, std::move(message), std::move(hint), {}});
}

void Diagnostics::warning(const SourceLocation& where, std::string message, std::string hint) {
  add({Severity::warning, where, std::move(message), std::move(hint), {}});
}

void Diagnostics::note(const SourceLocation& where, std::string message, std::string hint) {
  add({Severity::note, where, std::move(message), std::move(hint), {}});
}

void Diagnostics::file_error(std::string path, std::string message) {
  add({Severity::error, {}, std::move(message), {}, std::move(path)});
}

void Diagnostics::usage_error(std::string message, std::string hint) {
  ++usage_error_count_;
  add({Severity::error, {}, std::move(message), std::move(hint), "infragen"});
}

void Diagnostics::absorb(Diagnostics&& other) {
  usage_error_count_ += other.usage_error_count_;
  for (auto& diagnostic : other.diagnostics_) add(std::move(diagnostic));
  other = Diagnostics();
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++error_count_;
  // The same problem found twice (e.g. by two overlays of one base) is reported once.
  for (const auto& seen : diagnostics_) {
    if (seen.message == diagnostic.message && seen.location.file == diagnostic.location.file &&
        seen.location.line == diagnostic.location.line &&
        seen.location.column == diagnostic.location.column && seen.path == diagnostic.path) {
      if (diagnostic.severity == Severity::error) --error_count_;
      return;
    }
  }
  diagnostics_.push_back(std::move(diagnostic));
}

namespace {

std::string file_of(const Diagnostic& d) {
  if (d.location.file) return d.location.file->path();
  return d.path;
}

// The caret line copies tabs from the source line so the caret lands under the column.
std::string caret_line(std::string_view source_line, int column, int length) {
  std::string caret;
  for (int i = 0; i + 1 < column && i < static_cast<int>(source_line.size()); ++i) {
    caret += source_line[i] == '\t' ? '\t' : ' ';
  }
  caret += '^';
  int remaining = static_cast<int>(source_line.size()) - column;
  for (int i = 1; i < length && i <= remaining; ++i) caret += '~';
  return caret;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = file_of(d);
  if (out.empty()) out = "infragen";
  if (d.location.known()) {
    out += ':' + std::to_string(d.location.line) + ':' +
           std::to_string(std::max(1, d.location.column));
  }
  switch (d.severity) {
    case Severity::error:
      out += ": error: ";
      break;
    case Severity::warning:
      out += ": warning: ";
      break;
    case Severity::note:
      out += ": note: ";
      break;
  }
  out += d.message + '\n';
  if (d.location.known()) {
    std::string_view line = d.location.file->line(d.location.line);
    out += std::string(line) + '\n';
    out += caret_line(line, std::max(1, d.location.column), d.location.length) + '\n';
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
  return out;
}

void Diagnostics::print(std::ostream& out) const {
  std::vector<const Diagnostic*> order;
  for (const auto& d : diagnostics_) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::make_tuple(file_of(*a), a->location.line, a->location.column) <
           std::make_tuple(file_of(*b), b->location.line, b->location.column);
  });
  for (const Diagnostic* d : order) out << format_diagnostic(*d);
  if (error_count_ > 0) {
    out << error_count_ << (error_count_ == 1 ? " error" : " errors") << " generated.\n";
  }
}

}  // namespace infragen
