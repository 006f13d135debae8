// Bodies, attributes and blocks, with error recovery at the granularity of one body item.
#include <algorithm>

#include <fmt/format.h>

#include "formats/hcl/parser.h"
#include "formats/hcl/parser_internal.h"
#include "formats/hcl/string_literal.h"

namespace infragen::hcl::detail {
namespace {

// After this many errors the rest of the file is not worth reading.
constexpr std::size_t kMaxErrors = 50;

struct TooManyErrors {};

bool closes(TokenType closer, TokenType opener) {
  switch (closer) {
    case TokenType::close_brace:
      return opener == TokenType::open_brace;
    case TokenType::close_bracket:
      return opener == TokenType::open_bracket;
    case TokenType::close_paren:
      return opener == TokenType::open_paren;
    case TokenType::close_quote:
      return opener == TokenType::open_quote;
    case TokenType::close_heredoc:
      return opener == TokenType::open_heredoc;
    case TokenType::template_seq_end:
      return opener == TokenType::template_interp || opener == TokenType::template_control;
    default:
      return false;
  }
}

}  // namespace

Body Parser::parse_file_body() {
  Token start = cursor_.tokens().front();
  try {
    return parse_body(TokenType::end_of_file, start);
  } catch (const TooManyErrors&) {
    return Body{};
  }
}

void Parser::record(SyntaxError error) {
  errors_.push_back(std::move(error));
  if (errors_.size() >= kMaxErrors) throw TooManyErrors{};
}

Body Parser::parse_body(TokenType end, const Token& opener) {
  Body body;
  body.range.start = opener.range.start;
  std::vector<std::string_view> attribute_names;
  while (true) {
    Token next = cursor_.peek();
    if (next.type == end) {
      cursor_.read();
      body.range.end = next.range.end;
      return body;
    }
    if (next.type == TokenType::newline) {
      cursor_.read();
      continue;
    }
    if (next.type == TokenType::end_of_file) {
      record({opener.range.start.line, opener.range.start.column,
              "unclosed block: no matching '}' before the end of the file"});
      body.range.end = next.range.end;
      return body;
    }
    try {
      if (next.type != TokenType::identifier) {
        if (next.type == TokenType::open_quote) {
          fail(next.range.start, "argument names must not be quoted");
        }
        fail_unexpected(next, "an argument or block definition");
      }
      parse_body_item(body, attribute_names);
    } catch (const ParseFailure& failure) {
      record(failure.error);
      recover_after_body_item(end == TokenType::close_brace);
    }
  }
}

void Parser::parse_body_item(Body& body, std::vector<std::string_view>& attribute_names) {
  std::size_t name_index = cursor_.next_index();
  Token name = cursor_.read();
  Token next = cursor_.peek();
  switch (next.type) {
    case TokenType::equal: {
      Attribute attribute = parse_attribute(name_index, false);
      // The names seen so far are kept sorted, so large .tfvars files stay fast.
      auto position = std::lower_bound(attribute_names.begin(), attribute_names.end(),
                                       std::string_view(attribute.name));
      if (position != attribute_names.end() && *position == attribute.name) {
        const Attribute& first =
            *std::find_if(body.attributes.begin(), body.attributes.end(),
                          [&](const Attribute& a) { return a.name == attribute.name; });
        // The line is complete, so this is recorded without skipping ahead.
        record({attribute.name_range.start.line, attribute.name_range.start.column,
                fmt::format("attribute '{}' is already set at line {}; each argument may be set "
                            "only once",
                            attribute.name, first.name_range.start.line)});
        return;
      }
      attribute_names.insert(position, name.text);
      body.attributes.push_back(std::move(attribute));
      return;
    }
    case TokenType::open_quote:
    case TokenType::open_brace:
    case TokenType::identifier:
      body.blocks.push_back(parse_block(name_index));
      return;
    default:
      if (next.type == TokenType::newline || next.type == TokenType::end_of_file) {
        fail(name.range.end, fmt::format("expected '=' after argument name '{}', or a block "
                                         "body",
                                         name.text));
      }
      fail_unexpected(next, fmt::format("'=' or a block body after '{}'", name.text));
  }
}

Attribute Parser::parse_attribute(std::size_t name_index, bool single_line) {
  const Token& name = tokens()[name_index];
  Attribute attribute;
  attribute.name = std::string(name.text);
  attribute.name_range = name.range;
  cursor_.read();  // '='
  attribute.value = parse_expression();
  attribute.value_tokens = attribute.value->tokens;
  attribute.range = {name.range.start, attribute.value->range.end};
  attribute.tokens = {name_index, attribute.value_tokens.last};
  if (!single_line) {
    Token end = cursor_.peek();
    if (end.type == TokenType::comma) {
      fail(end.range.start,
           "unexpected ',' after argument: arguments are separated by newlines, "
           "not commas");
    }
    if (end.type != TokenType::newline && end.type != TokenType::end_of_file) {
      std::string explanation = explain_invalid_token(end);
      fail(end.range.start, explanation.empty()
                                ? fmt::format("missing newline after argument '{}' (found {})",
                                              attribute.name, describe_token_type(end.type))
                                : explanation);
    }
    cursor_.read();
  }
  return attribute;
}

Block Parser::parse_block(std::size_t type_index) {
  const Token& type = tokens()[type_index];
  DepthGuard guard(*this, type.range.start);
  Block block;
  block.type = std::string(type.text);
  block.type_range = type.range;
  while (true) {
    Token next = cursor_.peek();
    if (next.type == TokenType::open_brace) break;
    if (next.type == TokenType::open_quote) {
      block.labels.push_back(parse_quoted_label());
      continue;
    }
    if (next.type == TokenType::identifier) {
      std::size_t index = cursor_.next_index();
      cursor_.read();
      block.labels.push_back({std::string(next.text), false, next.range, {index, index + 1}});
      continue;
    }
    if (next.type == TokenType::equal) {
      fail(next.range.start,
           "'=' after block labels: a block definition has no '=' (an argument "
           "has no labels)");
    }
    if (next.type == TokenType::newline || next.type == TokenType::end_of_file) {
      fail(next.range.start, fmt::format("block '{}' needs its opening '{{' on the same line as "
                                         "its type and labels",
                                         block.type));
    }
    fail_unexpected(next, "a quoted block label or '{'");
  }
  Token open_brace = cursor_.read();
  Token first_inside = cursor_.peek();
  if (first_inside.type == TokenType::newline || first_inside.type == TokenType::end_of_file ||
      first_inside.type == TokenType::close_brace) {
    block.body = parse_body(TokenType::close_brace, open_brace);
  } else {
    parse_single_line_body(block, open_brace);
  }
  std::size_t close_index = cursor_.end_of_last_read() - 1;
  block.range = {type.range.start, tokens()[close_index].range.end};
  block.tokens = {type_index, close_index + 1};
  Token end = cursor_.peek();
  if (end.type != TokenType::newline && end.type != TokenType::end_of_file) {
    fail(end.range.start, fmt::format("missing newline after the '}}' of block '{}' (found {})",
                                      block.type, describe_token_type(end.type)));
  }
  cursor_.read();
  return block;
}

// `name { attribute = value }`: exactly one attribute, closed on the same line.
void Parser::parse_single_line_body(Block& block, const Token& open_brace) {
  block.single_line = true;
  std::size_t name_index = cursor_.next_index();
  Token name = cursor_.peek();
  if (name.type != TokenType::identifier) fail_unexpected(name, "an argument definition");
  cursor_.read();
  Token after_name = cursor_.peek();
  if (after_name.type != TokenType::equal) {
    if (after_name.type == TokenType::open_quote || after_name.type == TokenType::open_brace ||
        after_name.type == TokenType::identifier) {
      fail(name.range.start,
           "a single-line block can contain only one argument; put a nested "
           "block on its own line inside a multi-line block");
    }
    fail_unexpected(after_name, fmt::format("'=' after argument name '{}'", name.text));
  }
  block.body.attributes.push_back(parse_attribute(name_index, true));
  Token close = cursor_.peek();
  switch (close.type) {
    case TokenType::close_brace:
      cursor_.read();
      block.body.range = {open_brace.range.start, close.range.end};
      return;
    case TokenType::comma:
      fail(close.range.start,
           "a single-line block can contain only one argument; use one line "
           "per argument in a multi-line block");
    case TokenType::newline:
      fail(close.range.start,
           "an argument on the same line as its block's '{' makes a "
           "single-line block, which must also end with '}' on that line");
    case TokenType::end_of_file:
      fail(open_brace.range.start, "unclosed block: no matching '}' before the end of the file");
    default:
      fail_unexpected(close, "'}' to end the single-line block");
  }
}

BlockLabel Parser::parse_quoted_label() {
  BlockLabel label;
  label.quoted = true;
  std::size_t first = cursor_.next_index();
  Token open = cursor_.read();
  while (true) {
    Token token = cursor_.read();
    switch (token.type) {
      case TokenType::close_quote:
        label.range = {open.range.start, token.range.end};
        label.tokens = {first, cursor_.end_of_last_read()};
        return label;
      case TokenType::quoted_lit: {
        std::string decoded;
        EscapeError error;
        if (!decode_template_literal(token.text, true, decoded, error)) {
          fail(advance_position(token.range.start, token.text.substr(0, error.offset)),
               error.message);
        }
        label.value += decoded;
        break;
      }
      case TokenType::template_interp:
      case TokenType::template_control:
        fail(token.range.start,
             fmt::format("block labels cannot contain template sequences; write '{0}{0}{{' for "
                         "a literal '{0}{{'",
                         token.text.substr(0, 1)));
      case TokenType::end_of_file:
      case TokenType::quoted_newline:
        fail(open.range.start, "unterminated block label: a quoted label must end on its line");
      default:
        fail_unexpected(token, "the rest of the quoted block label");
    }
  }
}

// Skips to the end of the current line, treating brackets, strings and templates as
// units so that a line break inside them does not end the item early. Inside a block, an
// unmatched `}` is left for the block (so `x = 1 }` reports one error, not two).
void Parser::recover_after_body_item(bool inside_block) {
  std::vector<TokenType> open;
  int open_braces = 0;  // how many of `open` are '{', to stop at an unmatched '}' quickly
  while (true) {
    Token next = cursor_.peek();
    if (inside_block && next.type == TokenType::close_brace && open_braces == 0) return;
    Token token = cursor_.read();
    switch (token.type) {
      case TokenType::end_of_file:
        return;
      case TokenType::newline:
        if (open.empty()) return;
        break;
      case TokenType::open_brace:
      case TokenType::open_bracket:
      case TokenType::open_paren:
      case TokenType::open_quote:
      case TokenType::open_heredoc:
      case TokenType::template_interp:
      case TokenType::template_control:
        open.push_back(token.type);
        if (token.type == TokenType::open_brace) ++open_braces;
        break;
      case TokenType::close_brace:
      case TokenType::close_bracket:
      case TokenType::close_paren:
      case TokenType::close_quote:
      case TokenType::close_heredoc:
      case TokenType::template_seq_end: {
        // Pop up to the matching opener; an unmatched closer pops nothing. Nesting is
        // shallow in practice, and the search stops at the innermost match.
        auto opener = std::find_if(open.rbegin(), open.rend(),
                                   [&](TokenType o) { return closes(token.type, o); });
        if (opener == open.rend()) break;
        while (open.size() > static_cast<std::size_t>(open.rend() - opener) - 1) {
          if (open.back() == TokenType::open_brace) --open_braces;
          open.pop_back();
        }
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace infragen::hcl::detail
