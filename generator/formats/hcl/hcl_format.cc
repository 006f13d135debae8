// Temporary finisher: checks that brackets, quotes and heredocs balance; text is returned as is.
#include "formats/hcl/hcl_format.h"

#include <cctype>
#include <string>
#include <vector>

namespace infragen::hcl {
namespace {

struct Open {
  char closer;
  int line;
  int column;
};

}  // namespace

FormatResult format_hcl(std::string_view text) {
  FormatResult result;
  std::vector<Open> stack;
  int line = 1;
  int column = 1;
  size_t i = 0;
  auto advance = [&]() {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++i;
  };
  auto fail = [&](int l, int c, std::string message) {
    result.errors.push_back({l, c, std::move(message)});
  };
  while (i < text.size() && result.errors.empty()) {
    char c = text[i];
    bool in_string = !stack.empty() && stack.back().closer == '"';
    if (in_string) {
      if (c == '\\' && i + 1 < text.size()) {
        advance();
        advance();
      } else if (c == '"') {
        stack.pop_back();
        advance();
      } else if ((c == '$' || c == '%') && i + 1 < text.size() && text[i + 1] == '{') {
        stack.push_back({'}', line, column});
        advance();
        advance();
      } else if (c == '\n') {
        fail(stack.back().line, stack.back().column, "unterminated string");
      } else {
        advance();
      }
      continue;
    }
    if (c == '#' || (c == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
      while (i < text.size() && text[i] != '\n') advance();
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      int l = line, col = column;
      size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) {
        fail(l, col, "unterminated comment");
        break;
      }
      while (i < end + 2) advance();
    } else if (c == '<' && text.substr(i).starts_with("<<")) {
      int l = line, col = column;
      size_t p = i + 2;
      if (p < text.size() && text[p] == '-') ++p;
      size_t name_start = p;
      while (p < text.size() && (isalnum(static_cast<unsigned char>(text[p])) || text[p] == '_'))
        ++p;
      std::string_view name = text.substr(name_start, p - name_start);
      if (name.empty()) {
        advance();
        advance();
        continue;
      }
      size_t eol = text.find('\n', p);
      bool closed = false;
      while (eol != std::string_view::npos) {
        size_t next = text.find('\n', eol + 1);
        std::string_view body_line =
            text.substr(eol + 1, (next == std::string_view::npos ? text.size() : next) - eol - 1);
        size_t first = body_line.find_first_not_of(" \t");
        if (first != std::string_view::npos) {
          std::string_view trimmed = body_line.substr(first);
          if (!trimmed.empty() && trimmed.back() == '\r') trimmed.remove_suffix(1);
          if (trimmed == name) {
            size_t stop = eol + 1 + first + name.size();
            while (i < stop) advance();
            closed = true;
            break;
          }
        }
        eol = next;
      }
      if (!closed) fail(l, col, "unterminated heredoc <<" + std::string(name));
    } else if (c == '"') {
      stack.push_back({'"', line, column});
      advance();
    } else if (c == '{' || c == '[' || c == '(') {
      stack.push_back({c == '{' ? '}' : c == '[' ? ']' : ')', line, column});
      advance();
    } else if (c == '}' || c == ']' || c == ')') {
      if (stack.empty() || stack.back().closer != c) {
        fail(line, column, std::string("unexpected '") + c + "'");
      } else {
        stack.pop_back();
        advance();
      }
    } else {
      advance();
    }
  }
  if (result.errors.empty() && !stack.empty()) {
    const Open& open = stack.back();
    fail(open.line, open.column,
         open.closer == '"' ? "unterminated string"
                            : std::string("unclosed, expected '") + open.closer + "'");
  }
  if (result.errors.empty()) result.formatted = std::string(text);
  return result;
}

}  // namespace infragen::hcl
