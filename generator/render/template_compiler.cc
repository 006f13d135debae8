#include "render/template_compiler.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "diagnostics/suggest.h"
#include "render/origin_markers.h"
#include "render/value_filters.h"

namespace infragen {
namespace {

using Type = MustacheTag::Type;

bool is_space_or_tab(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

// Whether `name` is non-empty runs of `allowed` characters joined by single `separator`s.
// Hand-written: every tag of every template is checked, and std::regex takes microseconds.
bool separated_runs(std::string_view name, char separator, std::string_view allowed_punctuation) {
  if (name.empty() || name.front() == separator || name.back() == separator) return false;
  char previous = '\0';
  for (char c : name) {
    const bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      allowed_punctuation.find(c) != std::string_view::npos;
    if (c == separator ? previous == separator : !word) return false;
    previous = c;
  }
  return true;
}

// "." or dotted names of letters, digits, '_' and '-'.
bool valid_lookup_name(const std::string& name) {
  return name == "." || separated_runs(name, '.', "_-");
}

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// '/'-separated names of letters, digits, '_', '.' and '-'.
bool valid_partial_name(const std::string& name) { return separated_runs(name, '/', "_.-"); }

// Tags that, alone on a line with only blanks around them, take the whole line away.
bool may_stand_alone(Type type) {
  return type == Type::section || type == Type::inverted || type == Type::close ||
         type == Type::partial || type == Type::comment || type == Type::delimiters;
}

}  // namespace

TemplateCompiler::TemplateCompiler(const Pack& pack, Diagnostics& diagnostics)
    : pack_(pack), diagnostics_(diagnostics) {}

std::string TemplateCompiler::template_display_path(const std::string& template_path) const {
  return (std::filesystem::path(pack_.folder) / template_path).generic_string();
}

std::optional<std::string> TemplateCompiler::compile_template(const std::string& template_path) {
  auto text = pack_.templates.find(template_path);
  std::string shown = template_display_path(template_path);
  if (text == pack_.templates.end()) {
    diagnostics_.file_error(shown, "template was not loaded with the pack");
    return std::nullopt;
  }
  Source source;
  auto& file = files_[shown];
  if (!file) file = std::make_shared<const SourceFile>(shown, text->second);
  source.file = file;
  return compile(text->second, source);
}

std::optional<std::string> TemplateCompiler::compile_path(const std::string& pattern,
                                                          const SourceLocation& where) {
  Source source;
  source.file = where.file;
  source.fixed_location = where;
  source.line_markers = false;
  return compile(pattern, source);
}

SourceLocation TemplateCompiler::location_of(const Source& source, int line, int column,
                                             int length) const {
  if (source.fixed_location) return *source.fixed_location;
  SourceLocation location;
  location.file = source.file;
  location.line = line;
  location.column = column;
  location.length = length;
  return location;
}

std::optional<std::string> TemplateCompiler::compile(const std::string& text, Source& source) {
  if (contains_marker_character(text)) {
    diagnostics_.error(location_of(source, 1, 1, 1),
                       "template contains a control character U+0001..U+0004");
    return std::nullopt;
  }
  MustacheScan scan = scan_mustache(text);
  for (const MustacheProblem& problem : scan.problems) {
    diagnostics_.error(location_of(source, problem.line, problem.column, problem.length),
                       problem.message);
  }
  std::vector<int> tag_ids;
  if (!check_tags(text, scan, source, tag_ids) || !scan.problems.empty()) return std::nullopt;
  source.changes_delimiters =
      std::any_of(scan.tags.begin(), scan.tags.end(),
                  [](const MustacheTag& tag) { return tag.type == Type::delimiters; });
  if (!source.line_markers) {
    std::string out;
    size_t cursor = 0;
    for (size_t i = 0; i < scan.tags.size(); ++i) {
      out += text.substr(cursor, scan.tags[i].begin - cursor);
      if (scan.tags[i].type == Type::partial) {
        diagnostics_.error(*source.fixed_location, "output paths cannot include partials");
        return std::nullopt;
      }
      out += rewritten(text, scan.tags[i], tag_ids[i]);
      cursor = scan.tags[i].end;
    }
    return out + text.substr(cursor);
  }
  const int errors_before = diagnostics_.error_count();
  std::string out = emit_lines(text, scan, tag_ids, source);
  if (diagnostics_.error_count() > errors_before) return std::nullopt;
  return out;
}

bool TemplateCompiler::check_tags(const std::string& text, const MustacheScan& scan,
                                  const Source& source, std::vector<int>& tag_ids) {
  struct Open {
    std::string name;
    int id;
    int line;
    SourceLocation location;
  };
  std::vector<Open> open_sections;
  bool ok = true;
  tag_ids.assign(scan.tags.size(), -1);
  for (size_t i = 0; i < scan.tags.size(); ++i) {
    const MustacheTag& tag = scan.tags[i];
    SourceLocation where =
        location_of(source, tag.line, tag.column, static_cast<int>(tag.end - tag.begin));
    auto fail = [&](std::string message, std::string hint = {}) {
      diagnostics_.error(where, std::move(message), std::move(hint));
      ok = false;
    };
    std::string tag_text = text.substr(tag.begin, tag.end - tag.begin);
    switch (tag.type) {
      case Type::variable:
      case Type::raw_variable:
      case Type::section:
      case Type::inverted: {
        // {{{name | filter}}}: the value escaped for where it lands (value_filters.h).
        std::string name = tag.name;
        std::string filter;
        const size_t bar = tag.name.find('|');
        if (bar != std::string::npos) {
          name = trimmed(tag.name.substr(0, bar));
          filter = trimmed(tag.name.substr(bar + 1));
          if (tag.type != Type::raw_variable) {
            fail("a filter applies to a value written raw: {{{" + name + " | " + filter + "}}}",
                 "the filter escapes the value itself; {{...}} would escape it a second time");
            break;
          }
          if (!value_filter(filter)) {
            std::string hint = did_you_mean(filter, value_filter_names());
            if (hint.empty()) {
              hint = "filters:";
              for (const auto& known : value_filter_names()) hint += " " + known;
            }
            fail("unknown filter '" + filter + "' in " + tag_text, hint);
            break;
          }
        }
        if (!valid_lookup_name(name)) {
          fail("invalid name '" + name + "' in " + tag_text,
               "names are letters, digits, '_' and '-', joined by '.'");
          break;
        }
        TemplateTag lookup;
        lookup.filter = filter;
        lookup.use = (tag.type == Type::section || tag.type == Type::inverted)
                         ? TemplateTag::Use::section
                         : TemplateTag::Use::value;
        lookup.name = name;
        lookup.location = where;
        tag_ids[i] = static_cast<int>(tags_.size());
        bool opens_section = lookup.use == TemplateTag::Use::section;
        tags_.push_back(std::move(lookup));
        if (opens_section) open_sections.push_back({name, tag_ids[i], tag.line, where});
        break;
      }
      case Type::close:
        if (open_sections.empty()) {
          fail("closing tag " + tag_text + " has no open section");
        } else if (open_sections.back().name != tag.name) {
          fail("closing tag " + tag_text + " does not match {{#" + open_sections.back().name +
               "}} opened on line " + std::to_string(open_sections.back().line));
        } else {
          tag_ids[i] = open_sections.back().id;
          open_sections.pop_back();
        }
        break;
      case Type::partial:
        if (!valid_partial_name(tag.name)) {
          fail("invalid partial name '" + tag.name + "'");
        } else if (pack_.partials.count(tag.name) == 0) {
          std::vector<std::string> known;
          for (const auto& [name, unused] : pack_.partials) known.push_back(name);
          fail("unknown partial '" + tag.name + "'", did_you_mean(tag.name, known));
        }
        break;
      case Type::comment:
      case Type::delimiters:
        break;
    }
  }
  for (const Open& open : open_sections) {
    diagnostics_.error(open.location, "section '" + open.name + "' is not closed");
    ok = false;
  }
  return ok;
}

std::optional<int> TemplateCompiler::compile_partial(const std::string& name,
                                                     const std::string& indent,
                                                     const SourceLocation& used_at) {
  auto key = std::make_pair(name, indent);
  if (auto found = compiled_partials_.find(key); found != compiled_partials_.end()) {
    return found->second;
  }
  if (partials_in_progress_.count(name) != 0) {
    diagnostics_.error(used_at, "partial '" + name + "' includes itself");
    return std::nullopt;
  }
  const std::string& shown = pack_.partial_files.count(name) ? pack_.partial_files.at(name) : name;
  const std::string& text = pack_.partials.at(name);
  Source source;
  auto& file = files_[shown];
  if (!file) file = std::make_shared<const SourceFile>(shown, text);
  source.file = file;
  source.indent = indent;
  partials_in_progress_.insert(name);
  std::optional<std::string> compiled = compile(text, source);
  partials_in_progress_.erase(name);
  if (!compiled) return std::nullopt;
  int id = static_cast<int>(partial_sources_.size());
  if (source.changes_delimiters) partials_with_delimiters_.insert(id);
  partial_sources_.push_back(std::move(*compiled));
  compiled_partials_[key] = id;
  return id;
}

bool TemplateCompiler::can_inline(const MustacheScan& scan, int partial) const {
  if (partials_with_delimiters_.count(partial)) return false;
  return std::none_of(scan.tags.begin(), scan.tags.end(),
                      [](const MustacheTag& tag) { return tag.type == Type::delimiters; });
}

std::string TemplateCompiler::rewritten(const std::string& text, const MustacheTag& tag, int id) {
  switch (tag.type) {
    case Type::variable:
      return tag.open + encoded_tag_name(id) + tag.close;
    case Type::raw_variable:
      return tag.open + "&" + encoded_tag_name(id) + tag.close;
    case Type::section:
      return tag.open + "#" + encoded_tag_name(id) + tag.close;
    case Type::inverted:
      return tag.open + "^" + encoded_tag_name(id) + tag.close;
    case Type::close:
      return tag.open + "/" + encoded_tag_name(id) + tag.close;
    case Type::partial:
      return tag.open + ">" + encoded_tag_name(id) + tag.close;
    case Type::comment:
      return {};
    case Type::delimiters:
      return text.substr(tag.begin, tag.end - tag.begin);
  }
  return {};
}

void TemplateCompiler::flush_literal(std::string& out, std::string& pending, const Source& source) {
  if (pending.empty()) return;
  if (source.changes_delimiters) {
    out += pending;
  } else {
    out += "{{&";
    out += encoded_literal_name(static_cast<int>(literals_.size()));
    out += "}}";
    literals_.push_back(std::move(pending));
  }
  pending.clear();
}

std::string TemplateCompiler::emit_lines(const std::string& text, const MustacheScan& scan,
                                         const std::vector<int>& tag_ids, Source& source) {
  std::string out;
  // The text since the last tag, written to `out` as one literal before the next tag.
  std::string pending;
  size_t cursor = 0;
  size_t next_tag = 0;
  int line_number = 1;
  while (cursor < text.size()) {
    // A line ends at the first newline outside a tag (a comment may span lines).
    std::vector<size_t> line_tags;
    size_t scan_from = cursor;
    size_t newline;
    while (true) {
      newline = text.find('\n', scan_from);
      size_t limit = newline == std::string::npos ? text.size() : newline;
      bool tag_crosses_newline = false;
      while (next_tag < scan.tags.size() && scan.tags[next_tag].begin < limit) {
        line_tags.push_back(next_tag);
        scan_from = scan.tags[next_tag++].end;
        if (scan_from > limit) {
          tag_crosses_newline = true;
          break;
        }
      }
      if (!tag_crosses_newline) break;
    }
    const size_t content_end = newline == std::string::npos ? text.size() : newline;

    bool standalone = false;
    if (line_tags.size() == 1) {
      const MustacheTag& tag = scan.tags[line_tags[0]];
      standalone = may_stand_alone(tag.type) &&
                   is_space_or_tab(std::string_view(text).substr(cursor, tag.begin - cursor)) &&
                   is_space_or_tab(std::string_view(text).substr(tag.end, content_end - tag.end));
    }
    if (standalone) {
      const MustacheTag& tag = scan.tags[line_tags[0]];
      int id = tag_ids[line_tags[0]];
      bool inlined = false;
      if (tag.type == Type::partial) {
        SourceLocation where =
            location_of(source, tag.line, tag.column, static_cast<int>(tag.end - tag.begin));
        std::string indent = source.indent + text.substr(cursor, tag.begin - cursor);
        std::optional<int> partial = compile_partial(tag.name, indent, where);
        id = partial.value_or(0);
        inlined = partial && can_inline(scan, *partial);
        flush_literal(out, pending, source);
        if (inlined) out += partial_sources_[*partial];
      }
      if (!inlined) {
        flush_literal(out, pending, source);
        out += rewritten(text, tag, id);
      }
    } else {
      if (content_end > cursor) pending += source.indent;
      size_t piece = cursor;
      for (size_t index : line_tags) {
        const MustacheTag& tag = scan.tags[index];
        pending.append(text, piece, tag.begin - piece);
        // A comment renders nothing: the text around it stays one run.
        if (tag.type != Type::comment) flush_literal(out, pending, source);
        int id = tag_ids[index];
        bool inlined = false;
        if (tag.type == Type::partial) {
          SourceLocation where =
              location_of(source, tag.line, tag.column, static_cast<int>(tag.end - tag.begin));
          std::optional<int> partial = compile_partial(tag.name, "", where);
          id = partial.value_or(0);
          inlined = partial && can_inline(scan, *partial);
          if (inlined) out += partial_sources_[*partial];
        }
        if (!inlined) out += rewritten(text, tag, id);
        piece = tag.end;
      }
      pending.append(text, piece, content_end - piece);
      int origin = static_cast<int>(line_origins_->size());
      line_origins_->push_back(source.file->path() + ":" + std::to_string(line_number));
      pending += line_marker(origin);
      if (newline != std::string::npos) pending += '\n';
    }
    size_t next_cursor = newline == std::string::npos ? text.size() : newline + 1;
    line_number +=
        static_cast<int>(std::count(text.begin() + static_cast<long>(cursor),
                                    text.begin() + static_cast<long>(next_cursor), '\n'));
    cursor = next_cursor;
  }
  flush_literal(out, pending, source);
  return out;
}

}  // namespace infragen
