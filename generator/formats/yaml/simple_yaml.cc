#include "formats/yaml/simple_yaml.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "formats/hcl/unicode_text.h"
#include "formats/yaml/yaml_document.h"

namespace infragen {
namespace {

using nlohmann::json;

// Thrown where the text leaves the subset: the caller falls back to yaml-cpp.
struct Unsupported {};

[[noreturn]] void unsupported() { throw Unsupported{}; }

struct Line {
  int indent = 0;
  std::string_view content;  // after the indentation, comment-only and blank lines excluded
  size_t index = 0;          // in all_lines, for literal blocks
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view trim_left(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  return text;
}

// What follows a value on its line: nothing, or a comment.
void expect_line_end(std::string_view rest) {
  rest = trim_left(rest);
  if (!rest.empty() && rest.front() != '#') unsupported();
}

// A code point from a \x, \u or \U escape; surrogates and values past U+10FFFF have no UTF-8
// form, so they are yaml-cpp's to report.
void append_escaped_code_point(std::string& out, unsigned long code) {
  if ((code >= 0xD800 && code <= 0xDFFF) || code >= 0x110000) unsupported();
  hcl::append_utf8(out, static_cast<char32_t>(code));
}

// A quoted scalar at the start of `text`; `text` is left after the closing quote.
std::string quoted(std::string_view& text) {
  const char quote = text.front();
  std::string out;
  size_t i = 1;
  for (;; ++i) {
    // The run of bytes up to the next one that ends or escapes anything, at once.
    const size_t run_end =
        text.find_first_of(quote == '\'' ? std::string_view("'\n") : std::string_view("\"\\\n"), i);
    if (run_end == std::string_view::npos) unsupported();  // closes on a later line, or never
    out.append(text.data() + i, run_end - i);
    i = run_end;
    const char c = text[i];
    if (c == '\n') unsupported();  // a line break inside quotes folds: yaml-cpp's business
    if (quote == '\'') {
      if (c != '\'') {
        out += c;
      } else if (i + 1 < text.size() && text[i + 1] == '\'') {
        out += '\'';
        ++i;
      } else {
        break;
      }
      continue;
    }
    if (c == '"') break;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= text.size()) unsupported();
    switch (text[i]) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '0':
        out += '\0';
        break;
      case ' ':
        out += ' ';
        break;
      case 'x':
      case 'u':
      case 'U': {
        const size_t digits = text[i] == 'x' ? 2 : text[i] == 'u' ? 4 : 8;
        if (i + digits >= text.size()) unsupported();
        unsigned long code = 0;
        for (size_t k = 1; k <= digits; ++k) {
          const char h = text[i + k];
          int value = h >= '0' && h <= '9'   ? h - '0'
                      : h >= 'a' && h <= 'f' ? h - 'a' + 10
                      : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                             : -1;
          if (value < 0) unsupported();
          code = code * 16 + static_cast<unsigned long>(value);
        }
        append_escaped_code_point(out, code);
        i += digits;
        break;
      }
      default:
        unsupported();
    }
  }
  text.remove_prefix(i + 1);
  return out;
}

// A plain scalar's value; `problem`s (what JSON cannot hold) leave the subset.
json plain(std::string_view text) {
  std::string problem;
  json value = core_plain_scalar(text, problem);
  if (!problem.empty()) unsupported();
  return value;
}

// Whether plain scalar `key` may be a mapping key: not null (yaml-cpp takes no null key), and
// nothing JSON cannot hold. Most keys are names longer than any null or boolean word, which no
// number starts with: those are strings at once (every template key goes through here).
bool plain_key_accepted(std::string_view key) {
  const char c = key.empty() ? '\0' : key.front();
  if (key.size() > 5 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return true;
  return !plain(key).is_null();
}

// The characters a plain scalar may not start with, in block and flow context.
bool starts_as_plain(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  if (std::string_view("[]{},#&*!|>'\"%@`").find(c) != std::string_view::npos) return false;
  if ((c == '-' || c == '?' || c == ':') && (text.size() == 1 || is_space(text[1]))) return false;
  return true;
}

class FlowReader {
 public:
  explicit FlowReader(std::string_view text) : text_(text) {}

  json node() {
    skip_space();
    if (at_end()) unsupported();
    const char c = text_.front();
    if (c == '[') return sequence();
    if (c == '{') return mapping();
    if (c == '"' || c == '\'') return quoted(text_);
    return plain(plain_text(false));
  }

  std::string_view rest() const { return text_; }

 private:
  bool at_end() const { return text_.empty(); }

  void skip_space() {
    while (!text_.empty() && (is_space(text_.front()) || text_.front() == '\n')) {
      text_.remove_prefix(1);
    }
  }

  // Up to a flow indicator, ": " (for keys) or " #".
  std::string_view plain_text(bool key) {
    if (!starts_as_plain(text_)) unsupported();
    size_t end = 0;
    while (end < text_.size()) {
      const char c = text_[end];
      if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\n') break;
      if (c == ':' &&
          (end + 1 == text_.size() || is_space(text_[end + 1]) || text_[end + 1] == '\n' ||
           text_[end + 1] == ',' || text_[end + 1] == '}' || text_[end + 1] == ']')) {
        if (!key) unsupported();
        break;
      }
      if (c == '#' && end > 0 && is_space(text_[end - 1])) unsupported();
      ++end;
    }
    std::string_view scalar = trim_right(text_.substr(0, end));
    text_.remove_prefix(end);
    if (scalar.empty()) unsupported();
    return scalar;
  }

  json sequence() {
    text_.remove_prefix(1);
    json list = json::array();
    skip_space();
    if (!at_end() && text_.front() == ']') {
      text_.remove_prefix(1);
      return list;
    }
    for (;;) {
      list.push_back(node());
      skip_space();
      if (at_end()) unsupported();
      if (text_.front() == ']') {
        text_.remove_prefix(1);
        return list;
      }
      if (text_.front() != ',') unsupported();
      text_.remove_prefix(1);
      skip_space();
      if (!at_end() && text_.front() == ']') unsupported();  // a trailing comma
    }
  }

  json mapping() {
    text_.remove_prefix(1);
    json object = json::object();
    skip_space();
    if (!at_end() && text_.front() == '}') {
      text_.remove_prefix(1);
      return object;
    }
    for (;;) {
      skip_space();
      if (at_end()) unsupported();
      std::string key;
      if (text_.front() == '"' || text_.front() == '\'') {
        key = quoted(text_);
      } else {
        key = std::string(plain_text(true));
        if (!plain_key_accepted(key)) unsupported();  // a null key is no scalar for yaml-cpp
      }
      skip_space();
      if (at_end() || text_.front() != ':') unsupported();
      text_.remove_prefix(1);
      auto [entry, added] = object.get_ref<json::object_t&>().try_emplace(std::move(key));
      if (!added) unsupported();  // yaml-cpp's reading reports the duplicate
      entry->second = node();
      skip_space();
      if (at_end()) unsupported();
      if (text_.front() == '}') {
        text_.remove_prefix(1);
        return object;
      }
      if (text_.front() != ',') unsupported();
      text_.remove_prefix(1);
    }
  }

  std::string_view text_;
};

class BlockReader {
 public:
  BlockReader(std::string_view text, SimpleYamlPositions* positions) : positions_(positions) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') unsupported();
      all_lines_.push_back(line);
      start = end + 1;
    }
    for (size_t i = 0; i < all_lines_.size(); ++i) {
      std::string_view line = all_lines_[i];
      size_t indent = 0;
      while (indent < line.size() && line[indent] == ' ') ++indent;
      std::string_view content = trim_right(line.substr(indent));
      if (content.empty() || content.front() == '#') continue;
      if (content.front() == '\t') unsupported();
      if (indent == 0 && (content.rfind("---", 0) == 0 || content.rfind("...", 0) == 0 ||
                          content.front() == '%')) {
        unsupported();
      }
      lines_.push_back({static_cast<int>(indent), content, i});
    }
  }

  json document() {
    if (lines_.empty()) unsupported();
    record(lines_[0].index, lines_[0].content, 1);
    json root = node(lines_[0].indent);
    if (next_ < lines_.size()) unsupported();
    return root;
  }

 private:
  bool more() const { return next_ < lines_.size(); }
  const Line& current() const { return lines_[next_]; }

  // Positions (read_simple_yaml with SimpleYamlPositions): `path_` is the node being read.
  void enter(std::string token) {
    if (positions_) path_.push_back(std::move(token));
  }
  void leave() {
    if (positions_) path_.pop_back();
  }
  // The node at `path_` starts at `at`, a view into line `raw_line` of the text.
  void record(size_t raw_line, std::string_view at, size_t length, bool key = false) {
    if (!positions_) return;
    const auto column = at.data() - all_lines_[raw_line].data();
    (key ? positions_->keys : positions_->values)[path_] = {
        static_cast<int>(raw_line) + 1, static_cast<int>(column) + 1,
        static_cast<int>(std::max<size_t>(1, length))};
  }

  static bool is_sequence_entry(std::string_view content) {
    return content == "-" || content.rfind("- ", 0) == 0;
  }

  // The block node whose first line is the current one, at `indent`.
  json node(int indent) {
    if (is_sequence_entry(current().content)) return sequence(indent);
    return mapping(indent, current().content);
  }

  // Where the ": " after a plain key is, or npos; `content` must start as a plain scalar.
  static size_t key_end(std::string_view content) {
    for (size_t i = 0; i < content.size(); ++i) {
      const char c = content[i];
      if (c == '#' && i > 0 && is_space(content[i - 1])) return std::string_view::npos;
      if (c == ':' && (i + 1 == content.size() || is_space(content[i + 1]))) return i;
    }
    return std::string_view::npos;
  }

  // Whether `content` (a line, or what follows "- ") is a mapping entry.
  static bool is_mapping_entry(std::string_view content) {
    if (content.front() == '"' || content.front() == '\'') {
      std::string_view rest = content;
      quoted(rest);
      rest = trim_left(rest);
      return !rest.empty() && rest.front() == ':' && (rest.size() == 1 || is_space(rest[1]));
    }
    return starts_as_plain(content) && key_end(content) != std::string_view::npos;
  }

  // A mapping at `indent`; its first entry's text is `first` (the current line's content, or
  // what follows "- " on it).
  json mapping(int indent, std::string_view first) {
    json object = json::object();
    std::string_view content = first;
    for (;;) {
      std::string key;
      std::string_view rest;
      if (content.front() == '"' || content.front() == '\'') {
        rest = content;
        key = quoted(rest);
        rest = trim_left(rest);
        if (rest.empty() || rest.front() != ':') unsupported();
        rest.remove_prefix(1);
      } else {
        if (!starts_as_plain(content)) unsupported();
        const size_t end = key_end(content);
        if (end == std::string_view::npos) unsupported();
        key = std::string(trim_right(content.substr(0, end)));
        if (!plain_key_accepted(key)) unsupported();
        rest = content.substr(end + 1);
      }
      const size_t line = next_;
      enter(key);
      record(lines_[line].index, content, key.size(), true);
      auto [entry, added] = object.get_ref<json::object_t&>().try_emplace(std::move(key));
      if (!added) unsupported();  // a duplicate: yaml-cpp's reading reports it
      ++next_;
      entry->second = value(indent, trim_left(rest), line, true);
      leave();
      if (!more() || current().indent < indent) return object;
      if (current().indent > indent || is_sequence_entry(current().content)) unsupported();
      content = current().content;
    }
  }

  // A sequence at `indent`; `first`, when given, is its first entry's text (what follows an
  // outer "- " on the current line: "- - a").
  json sequence(int indent, std::optional<std::string_view> first = std::nullopt) {
    json list = json::array();
    while (first ||
           (more() && current().indent == indent && is_sequence_entry(current().content))) {
      std::string_view rest = (first ? *first : current().content).substr(1);
      first.reset();
      const size_t spaces = rest.size() - trim_left(rest).size();
      rest = trim_left(rest);
      const int inner = indent + 1 + static_cast<int>(spaces);
      enter(std::to_string(list.size()));
      if (!rest.empty() && rest.front() != '#' && is_mapping_entry(rest)) {
        // "- Key: value": a mapping whose entries line up with Key.
        record(current().index, rest, 1);
        list.push_back(mapping(inner, rest));
      } else if (is_sequence_entry(rest)) {
        record(current().index, rest, 1);
        list.push_back(sequence(inner, rest));
      } else {
        const size_t at = next_;
        ++next_;
        list.push_back(value(indent, rest, at, false));
      }
      leave();
    }
    if (more() && current().indent > indent) unsupported();
    return list;
  }

  // The value after "key:" or "- " on line `line` (at `indent`); `rest` is what follows on it.
  json value(int indent, std::string_view rest, size_t line, bool in_mapping) {
    if (rest.empty() || rest.front() == '#') {
      if (!more() || current().indent < indent) return nullptr;
      if (current().indent > indent) {
        record(current().index, current().content, 1);
        return node(current().indent);
      }
      // A mapping's value may be a sequence at the mapping's own indentation.
      if (in_mapping && is_sequence_entry(current().content)) {
        record(current().index, current().content, 1);
        return sequence(indent);
      }
      return nullptr;
    }
    const size_t raw = lines_[line].index;
    if (rest.front() == '[' || rest.front() == '{') {
      record(raw, rest, 1);
      return flow(indent, rest, line);
    }
    if (rest.front() == '"' || rest.front() == '\'') {
      const std::string_view start = rest;
      std::string text = quoted(rest);
      expect_line_end(rest);
      no_continuation(indent);
      record(raw, start, text.size());
      return text;
    }
    if (rest.front() == '|') {
      json text = literal(indent, rest, line);
      record(raw, rest, text.get_ref<const std::string&>().size());
      return text;
    }
    if (!starts_as_plain(rest)) unsupported();
    std::string_view text = rest;
    for (size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '#' && i > 0 && is_space(rest[i - 1])) {
        text = rest.substr(0, i);
        break;
      }
      if (rest[i] == ':' && (i + 1 == rest.size() || is_space(rest[i + 1]))) unsupported();
    }
    no_continuation(indent);
    const std::string_view scalar = trim_right(text);
    record(raw, rest, scalar.size());
    return plain(scalar);
  }

  // A flow collection starting at `rest` on line `line`; it may go on over the next lines (a
  // partial that ends with a newline inside one, say), read as one text.
  json flow(int indent, std::string_view rest, size_t line) {
    constexpr size_t kMostLines = 8;
    const size_t raw = lines_[line].index;
    std::string joined(rest);
    for (size_t extra = 0;; ++extra) {
      try {
        FlowReader reader(joined);
        json result = reader.node();
        expect_line_end(reader.rest());
        while (more() && current().index <= raw + extra) ++next_;
        no_continuation(indent);
        return result;
      } catch (const Unsupported&) {
        if (extra + 1 >= kMostLines || raw + extra + 1 >= all_lines_.size()) throw;
        joined += '\n';
        joined += all_lines_[raw + extra + 1];
      }
    }
  }

  // A plain or quoted value ends on its line: a deeper line after it would continue it.
  void no_continuation(int indent) {
    if (more() && current().indent > indent) unsupported();
  }

  // "|" or "|-": the lines indented deeper than `indent` after `line`, literally.
  json literal(int indent, std::string_view header, size_t line) {
    header = trim_right(header);
    bool strip = false;
    if (header == "|-") {
      strip = true;
    } else if (header != "|") {
      unsupported();
    }
    const size_t first = lines_[line].index + 1;
    int block_indent = -1;
    std::vector<std::string_view> content;
    size_t i = first;
    for (; i < all_lines_.size(); ++i) {
      std::string_view raw = all_lines_[i];
      size_t spaces = 0;
      while (spaces < raw.size() && raw[spaces] == ' ') ++spaces;
      const bool blank = spaces == raw.size();
      if (blank) {
        if (block_indent >= 0 && spaces > static_cast<size_t>(block_indent)) {
          content.push_back(raw.substr(static_cast<size_t>(block_indent)));
        } else {
          content.push_back({});
        }
        continue;
      }
      if (static_cast<int>(spaces) <= indent) break;
      if (block_indent < 0) block_indent = static_cast<int>(spaces);
      if (static_cast<int>(spaces) < block_indent) unsupported();
      if (raw[spaces] == '\t') unsupported();
      content.push_back(raw.substr(static_cast<size_t>(block_indent)));
    }
    if (block_indent < 0) unsupported();
    // Trailing blank lines are not content (clip and strip chomping alike).
    while (!content.empty() && content.back().empty()) content.pop_back();
    std::string text;
    for (size_t k = 0; k < content.size(); ++k) {
      text += content[k];
      if (k + 1 < content.size() || !strip) text += '\n';
    }
    while (more() && current().index < i) ++next_;
    return text;
  }

  std::vector<std::string_view> all_lines_;
  std::vector<Line> lines_;
  size_t next_ = 0;
  SimpleYamlPositions* positions_ = nullptr;
  SimpleYamlPositions::Path path_;
};

}  // namespace

std::optional<nlohmann::json> read_simple_yaml(std::string_view text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) return std::nullopt;  // yaml-cpp drops a BOM
  try {
    return BlockReader(text, nullptr).document();
  } catch (const Unsupported&) {
    return std::nullopt;
  }
}

std::optional<nlohmann::json> read_simple_yaml(std::string_view text,
                                               SimpleYamlPositions& positions) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) return std::nullopt;
  try {
    return BlockReader(text, &positions).document();
  } catch (const Unsupported&) {
    return std::nullopt;
  }
}

}  // namespace infragen
