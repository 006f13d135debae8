// Line cells, indentation, spacing and alignment, following hclwrite's Format.
#include "formats/hcl/token_layout.h"

#include <algorithm>

#include "formats/hcl/unicode_text.h"

namespace infragen::hcl {
namespace {

// A half-open range of token indices.
struct Cell {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin == end; }
  std::size_t size() const { return end - begin; }
};

// A line is split into cells whose first tokens get aligned: `lead` (everything before the
// others), `assign` (from the `=` of an attribute to the end of the line) and `comment`
// (a line comment after code).
struct Line {
  Cell lead;
  Cell assign;
  Cell comment;
};

bool ends_line(const LayoutToken& token) {
  return token.type == TokenType::newline ||
         (token.type == TokenType::comment && token.text.ends_with('\n'));
}

bool is_keyword(const LayoutToken* token, std::string_view word) {
  return token != nullptr && token->type == TokenType::identifier && token->text == word;
}

std::vector<Line> split_lines(const std::vector<LayoutToken>& tokens) {
  std::vector<Line> lines;
  std::size_t start = 0;
  std::size_t i = 0;
  for (; i < tokens.size(); ++i) {
    if (tokens[i].type == TokenType::end_of_file) break;
    if (ends_line(tokens[i])) {
      lines.push_back({{start, i + 1}, {}, {}});
      start = i + 1;
    }
  }
  lines.push_back({{start, i}, {}, {}});

  for (Line& line : lines) {
    if (line.lead.empty()) continue;
    if (line.lead.size() > 1 && tokens[line.lead.end - 1].type == TokenType::comment) {
      line.comment = {line.lead.end - 1, line.lead.end};
      line.lead.end -= 1;
    }
    // The first `=` after the line's first token starts the assign cell, but only when the
    // rest of the line is a complete value (its brackets balance).
    for (std::size_t j = line.lead.begin + 1; j < line.lead.end; ++j) {
      if (tokens[j].type != TokenType::equal) continue;
      int net = 0;
      for (std::size_t k = j; k < line.lead.end; ++k) net += bracket_change(tokens[k].type);
      if (net == 0) {
        line.assign = {j, line.lead.end};
        line.lead.end = j;
      }
      break;
    }
  }
  return lines;
}

void indent(std::vector<LayoutToken>& tokens, const std::vector<Line>& lines) {
  // Each entry is one indentation level and how many brackets opened it are still open.
  std::vector<int> levels;
  for (const Line& line : lines) {
    if (line.lead.empty()) continue;
    LayoutToken& first = tokens[line.lead.begin];
    if (first.type == TokenType::newline) {
      first.spaces_before = 0;
      continue;
    }
    int net = 0;
    for (std::size_t i = line.lead.begin; i < line.lead.end; ++i) {
      net += bracket_change(tokens[i].type);
      if (tokens[i].type == TokenType::open_heredoc) break;
    }
    for (std::size_t i = line.assign.begin; i < line.assign.end; ++i) {
      net += bracket_change(tokens[i].type);
    }
    if (net > 0) {
      first.spaces_before = 2 * static_cast<int>(levels.size());
      levels.push_back(net);
      continue;
    }
    // A line that closes brackets is dedented by every level it finishes closing.
    int closed = -net;
    while (closed > 0 && !levels.empty()) {
      if (closed >= levels.back()) {
        closed -= levels.back();
        levels.pop_back();
      } else {
        levels.back() -= closed;
        closed = 0;
      }
    }
    first.spaces_before = 2 * static_cast<int>(levels.size());
  }
}

// Whether `subject` is followed by a space when `after` comes next on the same line;
// `before` precedes the subject (null at the start of a cell). The order of the rules
// matters: the first that applies decides.
bool space_after(const LayoutToken& subject, const LayoutToken* before, const LayoutToken& after) {
  const TokenType s = subject.type;
  const TokenType a = after.type;
  if (a == TokenType::newline) return false;
  if (s == TokenType::identifier && a == TokenType::open_paren) return false;  // f(x)
  if ((s == TokenType::identifier && a == TokenType::double_colon) ||
      (s == TokenType::double_colon && a == TokenType::identifier)) {
    return false;  // provider::aws::f
  }
  if (s == TokenType::dot || a == TokenType::dot) return false;
  if (a == TokenType::comma || a == TokenType::ellipsis) return false;
  if (s == TokenType::comma) return true;
  if (s == TokenType::quoted_lit || s == TokenType::string_lit || s == TokenType::open_quote ||
      s == TokenType::open_heredoc || a == TokenType::quoted_lit || a == TokenType::string_lit ||
      a == TokenType::close_quote || a == TokenType::close_heredoc) {
    return false;  // template text is never padded
  }
  // `in` of a for expression, also before a tuple: [for x in [1] : x].
  if (is_keyword(&subject, "in") && before != nullptr && before->type == TokenType::identifier) {
    return true;
  }
  if (a == TokenType::open_bracket &&
      (s == TokenType::identifier || s == TokenType::number_lit || bracket_change(s) < 0)) {
    return false;  // an index: a[0], f(x)[0]
  }
  if (s == TokenType::bang) return false;
  if (s == TokenType::minus) {
    // A minus is a negation (no space after it) unless what precedes it ends an operand.
    if (before == nullptr) return false;
    switch (before->type) {
      case TokenType::open_paren:
      case TokenType::open_brace:
      case TokenType::open_bracket:
      case TokenType::equal:
      case TokenType::colon:
      case TokenType::comma:
      case TokenType::question:
      case TokenType::plus:
      case TokenType::star:
      case TokenType::slash:
      case TokenType::percent:
      case TokenType::minus:
      case TokenType::equal_op:
      case TokenType::not_equal:
      case TokenType::greater_than:
      case TokenType::greater_than_eq:
      case TokenType::less_than:
      case TokenType::less_than_eq:
      case TokenType::logical_and:
      case TokenType::logical_or:
      case TokenType::bang:
        return false;
      default:
        return true;
    }
  }
  if (s == TokenType::open_brace || a == TokenType::close_brace) {
    return !(s == TokenType::open_brace && a == TokenType::close_brace);  // { a = 1 }, but {}
  }
  if ((s == TokenType::template_interp || s == TokenType::template_control) &&
      a == TokenType::open_brace) {
    return true;  // "${ {a = 1} }"
  }
  if (s == TokenType::close_brace && a == TokenType::template_seq_end) return true;
  if (s == TokenType::template_seq_end &&
      (a == TokenType::template_interp || a == TokenType::template_control)) {
    return false;
  }
  if (bracket_change(s) > 0) return false;
  if (bracket_change(a) < 0) return false;
  return true;
}

void space_cell(std::vector<LayoutToken>& tokens, const Cell& cell) {
  for (std::size_t i = cell.begin; i + 1 < cell.end; ++i) {
    const LayoutToken* before = i > cell.begin ? &tokens[i - 1] : nullptr;
    tokens[i + 1].spaces_before = space_after(tokens[i], before, tokens[i + 1]) ? 1 : 0;
  }
}

// Whether `number` `.` `next`, written without spaces, would lex as different tokens:
// `1 .e5` would become the number 1.e5, and `x.0 .1` the number 0.1.
bool joins_into_number(const LayoutToken& next) {
  if (next.type == TokenType::number_lit) return true;
  if (next.type != TokenType::identifier || next.text.size() < 2) return false;
  std::string_view t = next.text;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return (t[0] == 'e' || t[0] == 'E') &&
         (digit(t[1]) || (t[1] == '-' && t.size() > 2 && digit(t[2])));
}

// hclwrite never puts a space before a dot, so for the rare attribute access or legacy index
// on a number literal it prints text that no longer parses the same (or at all). Keeping
// one space there is the only place where infragen knowingly differs from terraform fmt.
void keep_number_steps_apart(std::vector<LayoutToken>& tokens, const Cell& cell) {
  for (std::size_t i = cell.begin; i + 2 < cell.end; ++i) {
    if (tokens[i].type == TokenType::number_lit && tokens[i + 1].type == TokenType::dot &&
        joins_into_number(tokens[i + 2])) {
      tokens[i + 1].spaces_before = 1;
    }
  }
}

void space(std::vector<LayoutToken>& tokens, const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    space_cell(tokens, line.lead);
    keep_number_steps_apart(tokens, line.lead);
    if (!line.assign.empty()) {
      tokens[line.assign.begin].spaces_before = 1;
      space_cell(tokens, line.assign);
      keep_number_steps_apart(tokens, line.assign);
    }
  }
}

int columns(const std::vector<LayoutToken>& tokens, const Cell& cell) {
  int total = 0;
  for (std::size_t i = cell.begin; i < cell.end; ++i) {
    total += tokens[i].spaces_before + display_columns(tokens[i].text);
  }
  return total;
}

// Aligns the first token of the cell chosen by `cell_of` on each run of consecutive lines
// that have that cell, one column past the widest text before it.
template <typename CellOf, typename WidthBefore>
void align(std::vector<LayoutToken>& tokens, const std::vector<Line>& lines, CellOf cell_of,
           WidthBefore width_before) {
  std::size_t run_start = 0;
  int widest = 0;
  auto close_run = [&](std::size_t run_end) {
    for (std::size_t i = run_start; i < run_end; ++i) {
      tokens[cell_of(lines[i]).begin].spaces_before = widest - width_before(lines[i]) + 1;
    }
    widest = 0;
  };
  bool in_run = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (cell_of(lines[i]).empty()) {
      if (in_run) close_run(i);
      in_run = false;
      continue;
    }
    if (!in_run) {
      run_start = i;
      in_run = true;
    }
    widest = std::max(widest, width_before(lines[i]));
  }
  if (in_run) close_run(lines.size());
}

}  // namespace

void lay_out_tokens(std::vector<LayoutToken>& tokens) {
  std::vector<Line> lines = split_lines(tokens);
  indent(tokens, lines);
  space(tokens, lines);
  align(
      tokens, lines, [](const Line& line) { return line.assign; },
      [&](const Line& line) { return columns(tokens, line.lead); });
  align(
      tokens, lines, [](const Line& line) { return line.comment; },
      [&](const Line& line) { return columns(tokens, line.lead) + columns(tokens, line.assign); });
}

std::string render_tokens(const std::vector<LayoutToken>& tokens) {
  std::size_t size = 0;
  for (const LayoutToken& token : tokens) size += token.text.size() + token.spaces_before;
  std::string out;
  out.reserve(size);
  for (const LayoutToken& token : tokens) {
    if (token.type == TokenType::end_of_file) break;
    out.append(static_cast<std::size_t>(std::max(0, token.spaces_before)), ' ');
    out.append(token.text);
  }
  return out;
}

}  // namespace infragen::hcl
