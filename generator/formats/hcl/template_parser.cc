// Quoted templates and heredocs: literals, ${ } interpolations and %{ } directives, with
// strip markers and the flush (<<-) indentation rule applied to the literal values.
#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "formats/hcl/parser.h"
#include "formats/hcl/parser_internal.h"
#include "formats/hcl/string_literal.h"
#include "formats/hcl/unicode_text.h"

namespace infragen::hcl::detail {
namespace {

using FlatKind = FlatTemplatePart::Kind;

StripMarkers strip_of(const Token& opener, const Token& closer) {
  return {opener.text.size() == 3 && opener.text[2] == '~', closer.text.starts_with('~')};
}

std::string_view directive_name(FlatKind kind) {
  switch (kind) {
    case FlatKind::if_open:
      return "if";
    case FlatKind::else_marker:
      return "else";
    case FlatKind::endif:
      return "endif";
    case FlatKind::for_open:
      return "for";
    case FlatKind::endfor:
      return "endfor";
    default:
      return "template";
  }
}

// "EOF" of "<<-EOF\n".
std::string_view heredoc_marker_of(const Token& opener) {
  std::string_view marker = opener.text.substr(opener.text.starts_with("<<-") ? 3 : 2);
  while (!marker.empty() && (marker.back() == '\n' || marker.back() == '\r')) {
    marker.remove_suffix(1);
  }
  return marker;
}

std::size_t leading_space_bytes(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    DecodedChar c = decode_utf8(text, i);
    if (c.length == 0 || !is_unicode_space(c.code_point)) break;
    i += c.length;
  }
  return i;
}

void trim_right_space(std::string& text) {
  while (!text.empty()) {
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    DecodedChar c = decode_utf8(text, start);
    if (c.length == 0 || !is_unicode_space(c.code_point)) return;
    text.erase(start);
  }
}

// `~` markers: `${~` trims the whitespace at the end of the literal before it, `~}` the
// whitespace at the start of the literal after it.
void apply_strip_markers(std::vector<FlatTemplatePart>& parts) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].kind == FlatKind::literal) continue;
    const StripMarkers& strip = parts[i].part.open_strip;
    if (strip.before && i > 0 && parts[i - 1].kind == FlatKind::literal) {
      trim_right_space(parts[i - 1].part.text);
    }
    if (strip.after && i + 1 < parts.size() && parts[i + 1].kind == FlatKind::literal) {
      std::string& next = parts[i + 1].part.text;
      next.erase(0, leading_space_bytes(next));
    }
  }
}

// `<<-` heredocs: the smallest indentation of the lines (blank lines aside) is removed from
// every line. Lines are counted from the literals that start them.
void apply_flush_indentation(std::vector<FlatTemplatePart>& parts) {
  int min_spaces = INT_MAX;
  std::vector<TemplatePart*> line_starts;
  bool at_line_start = true;
  for (FlatTemplatePart& flat : parts) {
    if (at_line_start) {
      at_line_start = false;
      if (flat.kind == FlatKind::literal) {
        const std::string& text = flat.part.text;
        std::size_t spaces = leading_space_bytes(text);
        bool blank = spaces == text.size() && text.ends_with('\n');
        if (!blank) {
          min_spaces = std::min(min_spaces, display_columns(text.substr(0, spaces)));
          line_starts.push_back(&flat.part);
        }
      } else {
        min_spaces = 0;
      }
    }
    if (flat.kind == FlatKind::literal && flat.part.text.ends_with('\n')) at_line_start = true;
  }
  if (min_spaces == INT_MAX || min_spaces == 0) return;
  for (TemplatePart* line : line_starts) {
    // Remove `min_spaces` whitespace characters (each a column) from the start.
    std::size_t cut = 0;
    for (int removed = 0; removed < min_spaces && cut < line->text.size(); ++removed) {
      DecodedChar c = decode_utf8(line->text, cut);
      cut += c.length == 0 ? 1 : c.length;
    }
    line->text.erase(0, cut);
  }
}

void meld_literals(std::vector<FlatTemplatePart>& parts) {
  std::vector<FlatTemplatePart> melded;
  for (FlatTemplatePart& part : parts) {
    if (part.kind == FlatKind::literal && !melded.empty() &&
        melded.back().kind == FlatKind::literal) {
      melded.back().part.text += part.part.text;
      melded.back().range.end = part.range.end;
      melded.back().part.range.end = part.range.end;
      continue;
    }
    melded.push_back(std::move(part));
  }
  parts = std::move(melded);
}

}  // namespace

ExpressionPtr Parser::parse_template() {
  std::size_t first = cursor_.next_index();
  Token opener = cursor_.read();
  DepthGuard guard(*this, opener.range.start);
  auto node = std::make_unique<Expression>();
  node->kind = ExpressionKind::template_text;
  TokenType end = TokenType::close_quote;
  if (opener.type == TokenType::open_heredoc) {
    end = TokenType::close_heredoc;
    node->is_heredoc = true;
    node->is_flush_heredoc = opener.text.starts_with("<<-");
    node->heredoc_marker = std::string(heredoc_marker_of(opener));
  }
  std::vector<FlatTemplatePart> flat = parse_template_parts(opener, end);
  // The same order as hclsyntax: strip markers first, then the flush indentation rule.
  apply_strip_markers(flat);
  if (node->is_flush_heredoc) apply_flush_indentation(flat);
  meld_literals(flat);
  std::size_t next = 0;
  node->parts = match_directives(flat, next, nullptr);
  return finish(std::move(node), first);
}

std::vector<FlatTemplatePart> Parser::parse_template_parts(const Token& opener, TokenType end) {
  std::vector<FlatTemplatePart> parts;
  const bool heredoc = end == TokenType::close_heredoc;
  while (true) {
    Token next = cursor_.peek();
    if (next.type == end) {
      cursor_.read();
      return parts;
    }
    switch (next.type) {
      case TokenType::quoted_lit:
      case TokenType::string_lit: {
        cursor_.read();
        FlatTemplatePart literal;
        literal.range = next.range;
        literal.part.range = next.range;
        EscapeError error;
        if (!decode_template_literal(next.text, next.type == TokenType::quoted_lit,
                                     literal.part.text, error)) {
          fail(advance_position(next.range.start, next.text.substr(0, error.offset)),
               error.message);
        }
        parts.push_back(std::move(literal));
        break;
      }
      case TokenType::template_interp:
        parts.push_back(parse_interpolation(cursor_.read(), opener));
        break;
      case TokenType::template_control:
        parts.push_back(parse_directive(cursor_.read()));
        break;
      case TokenType::quoted_newline:
        fail(opener.range.start,
             "unterminated string: a quoted string must end on the line where "
             "it starts (use \\n or a heredoc for line breaks)");
      case TokenType::end_of_file:
        if (heredoc) {
          fail(opener.range.start,
               fmt::format("unterminated heredoc: no line with the closing marker '{}' alone on "
                           "it (followed by a line break)",
                           heredoc_marker_of(opener)));
        }
        fail(opener.range.start, "unterminated string: no closing quote");
      default:
        fail_unexpected(next, heredoc ? "heredoc content" : "string content or a closing quote");
    }
  }
}

FlatTemplatePart Parser::parse_interpolation(const Token& opener, const Token& template_opener) {
  NewlineMode newlines(cursor_, false);
  FlatTemplatePart flat;
  flat.kind = FlatKind::interpolation;
  flat.part.kind = TemplatePart::Kind::interpolation;
  flat.part.expression = parse_expression();
  Token close = cursor_.peek();
  if (close.type != TokenType::template_seq_end) {
    if (close.type == TokenType::end_of_file ||
        ((close.type == TokenType::close_quote || close.type == TokenType::open_quote) &&
         template_opener.type == TokenType::open_quote)) {
      fail(opener.range.start, "unclosed interpolation: '${' has no matching '}'");
    }
    fail(close.range.start,
         fmt::format("expected '}}' to end the interpolation, found {}; to write a literal "
                     "'${{' escape it as '$${{'",
                     describe_token_type(close.type)));
  }
  cursor_.read();
  flat.part.open_strip = strip_of(opener, close);
  flat.range = {opener.range.start, close.range.end};
  flat.part.range = flat.range;
  return flat;
}

FlatTemplatePart Parser::parse_directive(const Token& opener) {
  NewlineMode newlines(cursor_, false);
  FlatTemplatePart flat;
  Token keyword = cursor_.peek();
  if (keyword.type != TokenType::identifier) {
    fail_unexpected(keyword, "a directive keyword (if, else, endif, for, endfor) after '%{'");
  }
  cursor_.read();
  if (keyword.text == "if") {
    flat.kind = FlatKind::if_open;
    flat.part.kind = TemplatePart::Kind::if_directive;
    flat.part.expression = parse_expression();
  } else if (keyword.text == "for") {
    flat.kind = FlatKind::for_open;
    flat.part.kind = TemplatePart::Kind::for_directive;
    Token name = cursor_.peek();
    if (name.type != TokenType::identifier) fail_unexpected(name, "a variable name after 'for'");
    cursor_.read();
    flat.part.value_variable = std::string(name.text);
    if (cursor_.peek().type == TokenType::comma) {
      cursor_.read();
      Token second = cursor_.peek();
      if (second.type != TokenType::identifier) {
        fail_unexpected(second, "a value variable name after ','");
      }
      cursor_.read();
      flat.part.key_variable = std::move(flat.part.value_variable);
      flat.part.value_variable = std::string(second.text);
    }
    Token in = cursor_.peek();
    if (in.type != TokenType::identifier || in.text != "in") {
      fail_unexpected(in, "'in' after the variable names of 'for'");
    }
    cursor_.read();
    flat.part.expression = parse_expression();
  } else if (keyword.text == "else") {
    flat.kind = FlatKind::else_marker;
  } else if (keyword.text == "endif") {
    flat.kind = FlatKind::endif;
  } else if (keyword.text == "endfor") {
    flat.kind = FlatKind::endfor;
  } else {
    fail(keyword.range.start,
         fmt::format("unknown template directive '{}' (expected if, else, endif, for or endfor)",
                     keyword.text));
  }
  Token close = cursor_.peek();
  if (close.type != TokenType::template_seq_end) {
    fail_unexpected(close, fmt::format("'}}' to end the '{}' directive", keyword.text));
  }
  cursor_.read();
  flat.part.open_strip = strip_of(opener, close);
  flat.range = {opener.range.start, close.range.end};
  flat.part.range = flat.range;
  return flat;
}

// Turns the flat sequence into a tree: the parts between `%{if}` / `%{else}` / `%{endif}`
// and `%{for}` / `%{endfor}` become the directive's bodies. `open` is the directive whose
// body is being collected (null at the top level).
std::vector<TemplatePart> Parser::match_directives(std::vector<FlatTemplatePart>& flat,
                                                   std::size_t& next,
                                                   const FlatTemplatePart* open) {
  std::vector<TemplatePart> parts;
  while (next < flat.size()) {
    FlatTemplatePart& current = flat[next];
    switch (current.kind) {
      case FlatKind::literal:
      case FlatKind::interpolation:
        parts.push_back(std::move(current.part));
        ++next;
        break;
      case FlatKind::if_open:
      case FlatKind::for_open: {
        DepthGuard guard(*this, current.range.start);
        ++next;
        TemplatePart directive = std::move(current.part);
        directive.body = match_directives(flat, next, &current);
        if (next < flat.size() && flat[next].kind == FlatKind::else_marker) {
          directive.has_else = true;
          directive.else_strip = flat[next].part.open_strip;
          ++next;
          directive.else_body = match_directives(flat, next, &current);
          if (next < flat.size() && flat[next].kind == FlatKind::else_marker) {
            fail(flat[next].range.start, "a second '%{else}' in the same 'if' directive");
          }
        }
        // match_directives returns at the matching end or runs out of parts.
        FlatKind expected = current.kind == FlatKind::if_open ? FlatKind::endif : FlatKind::endfor;
        if (next >= flat.size() || flat[next].kind != expected) {
          fail(current.range.start,
               fmt::format("the '{}' directive has no matching '%{{{}}}'",
                           directive_name(current.kind), directive_name(expected)));
        }
        directive.close_strip = flat[next].part.open_strip;
        directive.range.end = flat[next].range.end;
        ++next;
        parts.push_back(std::move(directive));
        break;
      }
      case FlatKind::else_marker:
        if (open && open->kind == FlatKind::if_open) return parts;  // the caller checks
        fail(current.range.start, open ? "'%{else}' is not valid inside a 'for' directive"
                                       : "'%{else}' without an open 'if' directive");
      case FlatKind::endif:
      case FlatKind::endfor: {
        FlatKind matching =
            current.kind == FlatKind::endif ? FlatKind::if_open : FlatKind::for_open;
        if (open && open->kind == matching) return parts;
        fail(current.range.start,
             open ? fmt::format("'%{{{}}}' closes the '{}' directive started at line {}, column {}",
                                directive_name(current.kind), directive_name(open->kind),
                                open->range.start.line, open->range.start.column)
                  : fmt::format("'%{{{}}}' without an open '{}' directive",
                                directive_name(current.kind), directive_name(matching)));
      }
    }
  }
  return parts;
}

}  // namespace infragen::hcl::detail
