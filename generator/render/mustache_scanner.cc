#include "render/mustache_scanner.h"

#include <algorithm>

namespace infragen {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trimmed(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  MustacheScan run() {
    MustacheScan scan;
    size_t position = 0;
    while ((position = text_.find(open_, position)) != std::string_view::npos) {
      MustacheTag tag;
      tag.begin = position;
      tag.open = open_;
      tag.close = close_;
      position_of(position, tag.line, tag.column);
      bool triple = open_ == "{{" && text_.substr(position + 2, 1) == "{";
      size_t content_begin = position + open_.size() + (triple ? 1 : 0);
      std::string closing = triple ? "}}}" : close_;
      size_t content_end = text_.find(closing, content_begin);
      if (content_end == std::string_view::npos) {
        scan.problems.push_back({tag.line, tag.column, static_cast<int>(open_.size()),
                                 "tag is not closed: missing '" + closing + "'"});
        break;
      }
      tag.end = content_end + closing.size();
      std::string content = trimmed(text_.substr(content_begin, content_end - content_begin));
      if (triple) {
        tag.type = MustacheTag::Type::raw_variable;
        tag.name = content;
      } else {
        classify(content, tag);
      }
      if (tag.type == MustacheTag::Type::delimiters && !switch_delimiters(content)) {
        scan.problems.push_back({tag.line, tag.column, static_cast<int>(tag.end - tag.begin),
                                 "invalid set-delimiter tag; write it like {{=<% %>=}}"});
        break;
      }
      if (tag.name.empty() && tag.type != MustacheTag::Type::comment &&
          tag.type != MustacheTag::Type::delimiters) {
        scan.problems.push_back(
            {tag.line, tag.column, static_cast<int>(tag.end - tag.begin), "tag has no name"});
      }
      position = tag.end;
      scan.tags.push_back(std::move(tag));
    }
    return scan;
  }

 private:
  static void classify(const std::string& content, MustacheTag& tag) {
    using Type = MustacheTag::Type;
    char sigil = content.empty() ? '\0' : content[0];
    switch (sigil) {
      case '#':
        tag.type = Type::section;
        break;
      case '^':
        tag.type = Type::inverted;
        break;
      case '/':
        tag.type = Type::close;
        break;
      case '>':
        tag.type = Type::partial;
        break;
      case '&':
        tag.type = Type::raw_variable;
        break;
      case '!':
        tag.type = Type::comment;
        break;
      case '=':
        tag.type = Type::delimiters;
        break;
      default:
        tag.type = Type::variable;
        tag.name = content;
        return;
    }
    tag.name =
        tag.type == Type::delimiters ? content : trimmed(std::string_view(content).substr(1));
  }

  // "=<% %>=" -> open "<%", close "%>".
  bool switch_delimiters(const std::string& content) {
    if (content.size() < 5 || content.back() != '=') return false;
    std::string inner = trimmed(std::string_view(content).substr(1, content.size() - 2));
    size_t space = inner.find_first_of(" \t");
    if (space == std::string::npos) return false;
    std::string open = inner.substr(0, space);
    std::string close = trimmed(std::string_view(inner).substr(space));
    for (const std::string& delimiter : {open, close}) {
      if (delimiter.empty() || delimiter.find_first_of(" \t=") != std::string::npos) return false;
    }
    open_ = open;
    close_ = close;
    return true;
  }

  void position_of(size_t offset, int& line, int& column) const {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t index = static_cast<size_t>(after - line_starts_.begin()) - 1;
    line = static_cast<int>(index) + 1;
    column = static_cast<int>(offset - line_starts_[index]) + 1;
  }

  std::string_view text_;
  std::vector<size_t> line_starts_;
  std::string open_ = "{{";
  std::string close_ = "}}";
};

}  // namespace

MustacheScan scan_mustache(std::string_view text) { return Scanner(text).run(); }

}  // namespace infragen
