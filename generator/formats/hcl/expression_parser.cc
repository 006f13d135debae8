// Expressions: conditionals, binary operators by precedence, unary operators, terms
// (literals, names, calls, tuples, objects, for expressions, templates) and traversals.
#include <array>

#include <fmt/format.h>

#include "formats/hcl/parser.h"
#include "formats/hcl/parser_internal.h"

namespace infragen::hcl::detail {
namespace {

// Binary operators from the loosest to the tightest binding; all are left-associative.
constexpr std::array<std::array<TokenType, 4>, 6> kPrecedenceLevels = {{
    {TokenType::logical_or, TokenType::logical_or, TokenType::logical_or, TokenType::logical_or},
    {TokenType::logical_and, TokenType::logical_and, TokenType::logical_and,
     TokenType::logical_and},
    {TokenType::equal_op, TokenType::not_equal, TokenType::not_equal, TokenType::not_equal},
    {TokenType::less_than, TokenType::less_than_eq, TokenType::greater_than,
     TokenType::greater_than_eq},
    {TokenType::plus, TokenType::minus, TokenType::minus, TokenType::minus},
    {TokenType::star, TokenType::slash, TokenType::percent, TokenType::percent},
}};

bool is_operator_of_level(TokenType type, int level) {
  for (TokenType candidate : kPrecedenceLevels[level]) {
    if (candidate == type) return true;
  }
  return false;
}

bool is_keyword(const Token& token, std::string_view keyword) {
  return token.type == TokenType::identifier && token.text == keyword;
}

ExpressionPtr make_node(ExpressionKind kind) {
  auto node = std::make_unique<Expression>();
  node->kind = kind;
  return node;
}

// digits ('.' digits*)? ([eE] [+-]? digits)?, which is what the number parser accepts of
// what the lexer lets through.
bool is_valid_number(std::string_view text) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    digits();
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

}  // namespace

ExpressionPtr Parser::parse_expression() {
  DepthGuard guard(*this, cursor_.peek().range.start);
  return parse_conditional();
}

// condition ? true_result : false_result; both results are full expressions, so nested
// conditionals associate to the right.
ExpressionPtr Parser::parse_conditional() {
  std::size_t first = cursor_.next_index();
  ExpressionPtr condition = parse_binary(0);
  if (cursor_.peek().type != TokenType::question) return condition;
  cursor_.read();
  auto node = make_node(ExpressionKind::conditional);
  node->operands.push_back(std::move(condition));
  node->operands.push_back(parse_expression());
  Token colon = cursor_.peek();
  if (colon.type != TokenType::colon) {
    fail_unexpected(colon, "':' and the false result of the conditional");
  }
  cursor_.read();
  node->operands.push_back(parse_expression());
  return finish(std::move(node), first);
}

ExpressionPtr Parser::parse_binary(int level) {
  if (level == static_cast<int>(kPrecedenceLevels.size())) return parse_operand();
  std::size_t first = cursor_.next_index();
  ExpressionPtr left = parse_binary(level + 1);
  while (is_operator_of_level(cursor_.peek().type, level)) {
    Token op = cursor_.read();
    ExpressionPtr right = parse_binary(level + 1);
    auto node = make_node(ExpressionKind::binary);
    node->text = std::string(op.text);
    node->operands.push_back(std::move(left));
    node->operands.push_back(std::move(right));
    left = finish(std::move(node), first);
  }
  return left;
}

// A term and its traversals; unary operators apply to all of it (-a.b[0] negates a.b[0])
// but bind tighter than any binary operator (-1 + 2 adds).
ExpressionPtr Parser::parse_operand() { return parse_traversals(parse_term()); }

ExpressionPtr Parser::parse_term() {
  std::size_t first = cursor_.next_index();
  Token start = cursor_.peek();
  switch (start.type) {
    case TokenType::open_paren: {
      cursor_.read();
      NewlineMode newlines(cursor_, false);
      auto node = make_node(ExpressionKind::parentheses);
      node->operands.push_back(parse_expression());
      Token close = cursor_.peek();
      if (close.type != TokenType::close_paren) fail_unexpected(close, "')'");
      cursor_.read();
      return finish(std::move(node), first);
    }
    case TokenType::number_lit:
      return parse_number();
    case TokenType::identifier: {
      cursor_.read();
      TokenType after = cursor_.peek().type;
      if (after == TokenType::open_paren || after == TokenType::double_colon) {
        return parse_function_call(first);
      }
      bool is_literal = start.text == "true" || start.text == "false" || start.text == "null";
      auto node = make_node(is_literal ? ExpressionKind::literal : ExpressionKind::variable);
      node->text = std::string(start.text);
      return finish(std::move(node), first);
    }
    case TokenType::open_quote:
    case TokenType::open_heredoc:
      return parse_template();
    case TokenType::minus:
    case TokenType::bang: {
      cursor_.read();
      DepthGuard guard(*this, start.range.start);
      auto node = make_node(ExpressionKind::unary);
      node->text = std::string(start.text);
      node->operands.push_back(parse_operand());
      return finish(std::move(node), first);
    }
    case TokenType::open_bracket:
      return parse_tuple();
    case TokenType::open_brace:
      return parse_object();
    default:
      fail_unexpected(start, "an expression");
  }
}

ExpressionPtr Parser::parse_number() {
  std::size_t first = cursor_.next_index();
  Token number = cursor_.read();
  if (!is_valid_number(number.text)) {
    fail(number.range.start, fmt::format("invalid number literal '{}'", number.text));
  }
  auto node = make_node(ExpressionKind::literal);
  node->text = std::string(number.text);
  return finish(std::move(node), first);
}

ExpressionPtr Parser::parse_traversals(ExpressionPtr source) {
  TokenType next = cursor_.peek().type;
  if (next != TokenType::dot && next != TokenType::open_bracket) return source;
  std::size_t first = source->tokens.first;
  auto traversal = make_node(ExpressionKind::traversal);
  traversal->operands.push_back(std::move(source));
  while (true) {
    next = cursor_.peek().type;
    if (next == TokenType::dot) {
      parse_dot_step(*traversal);
    } else if (next == TokenType::open_bracket) {
      parse_bracket_step(*traversal);
    } else {
      break;
    }
  }
  return finish(std::move(traversal), first);
}

// `.name`, `.0` (legacy index) or `.*` followed by the attribute steps it applies to.
void Parser::parse_dot_step(Expression& traversal) {
  std::size_t first = cursor_.next_index();
  cursor_.read();
  Token after = cursor_.peek();
  if (after.type == TokenType::identifier) {
    cursor_.read();
    traversal.steps.push_back(
        make_step(Traverser::Kind::attribute, std::string(after.text), nullptr, first));
    return;
  }
  if (after.type == TokenType::number_lit) {
    cursor_.read();
    traversal.steps.push_back(legacy_index_step(after, first));
    return;
  }
  if (after.type != TokenType::star) fail_unexpected(after, "an attribute name after '.'");
  cursor_.read();
  traversal.steps.push_back(make_step(Traverser::Kind::attribute_splat, {}, nullptr, first));
  while (cursor_.peek().type == TokenType::dot) {
    std::size_t step_first = cursor_.next_index();
    cursor_.read();
    Token name = cursor_.peek();
    if (name.type == TokenType::number_lit) {
      cursor_.read();
      traversal.steps.push_back(legacy_index_step(name, step_first));
    } else if (name.type == TokenType::identifier) {
      cursor_.read();
      traversal.steps.push_back(
          make_step(Traverser::Kind::attribute, std::string(name.text), nullptr, step_first));
    } else if (name.type == TokenType::star) {
      fail(name.range.start, "a splat '.*' cannot be nested in another attribute splat");
    } else {
      fail_unexpected(name, "an attribute name after '.'");
    }
  }
}

// `[key]` or `[*]`.
void Parser::parse_bracket_step(Expression& traversal) {
  std::size_t first = cursor_.next_index();
  cursor_.read();
  if (cursor_.peek().type == TokenType::star) {
    cursor_.read();
    Token close = cursor_.read();
    if (close.type != TokenType::close_bracket) {
      fail(close.range.start, "'[*]' splat: expected ']' right after '*'");
    }
    traversal.steps.push_back(make_step(Traverser::Kind::full_splat, {}, nullptr, first));
    return;
  }
  NewlineMode newlines(cursor_, false);
  ExpressionPtr key = parse_expression();
  Token close = cursor_.peek();
  if (close.type != TokenType::close_bracket) fail_unexpected(close, "']' to end the index");
  cursor_.read();
  traversal.steps.push_back(make_step(Traverser::Kind::index, {}, std::move(key), first));
}

// `.0` is a legacy spelling of `[0]`. `.0.1` lexes as the number 0.1, which HCL rejects.
Traverser Parser::legacy_index_step(const Token& number, std::size_t first) {
  std::size_t point = number.text.find('.');
  if (point != std::string_view::npos) {
    fail(number.range.start,
         fmt::format("legacy index syntax cannot chain two indexes; write [{}][{}]",
                     number.text.substr(0, point), number.text.substr(point + 1)));
  }
  if (!is_valid_number(number.text)) {
    fail(number.range.start, fmt::format("invalid number literal '{}'", number.text));
  }
  return make_step(Traverser::Kind::legacy_index, std::string(number.text), nullptr, first);
}

Traverser Parser::make_step(Traverser::Kind kind, std::string name, ExpressionPtr key,
                            std::size_t first_token) const {
  Traverser step;
  step.kind = kind;
  step.name = std::move(name);
  step.key = std::move(key);
  step.tokens = span_from(first_token);
  step.range = {tokens()[step.tokens.first].range.start, tokens()[step.tokens.last - 1].range.end};
  return step;
}

// name(args) or provider::namespace::name(args), with an optional `...` after the last
// argument.
ExpressionPtr Parser::parse_function_call(std::size_t name_index) {
  auto node = make_node(ExpressionKind::function_call);
  node->text = std::string(tokens()[name_index].text);
  Token open = cursor_.read();
  while (open.type == TokenType::double_colon) {
    Token part = cursor_.read();
    if (part.type != TokenType::identifier) {
      fail(part.range.start, "'::' must be followed by a function name");
    }
    node->text += "::";
    node->text += part.text;
    open = cursor_.read();
  }
  if (open.type != TokenType::open_paren) {
    fail(open.range.start, fmt::format("expected '(' after function name '{}'", node->text));
  }
  NewlineMode newlines(cursor_, false);
  while (cursor_.peek().type != TokenType::close_paren) {
    node->operands.push_back(parse_expression());
    Token separator = cursor_.peek();
    if (separator.type == TokenType::close_paren) break;
    if (separator.type == TokenType::ellipsis) {
      cursor_.read();
      node->expands_final_argument = true;
      Token close = cursor_.peek();
      if (close.type != TokenType::close_paren) {
        fail(separator.range.start, "an expanded argument ('...') must be the last argument");
      }
      break;
    }
    if (separator.type == TokenType::end_of_file) {
      fail(open.range.start, fmt::format("unterminated call of '{}': no matching ')'", node->text));
    }
    if (separator.type != TokenType::comma) {
      fail_unexpected(separator, "',' between function arguments or ')'");
    }
    cursor_.read();
  }
  cursor_.read();  // ')'
  return finish(std::move(node), name_index);
}

ExpressionPtr Parser::parse_tuple() {
  std::size_t first = cursor_.next_index();
  Token open = cursor_.read();
  NewlineMode newlines(cursor_, false);
  if (is_keyword(cursor_.peek(), "for")) return parse_for(first);
  auto node = make_node(ExpressionKind::tuple);
  while (cursor_.peek().type != TokenType::close_bracket) {
    node->operands.push_back(parse_expression());
    Token separator = cursor_.peek();
    if (separator.type == TokenType::close_bracket) break;
    if (separator.type == TokenType::end_of_file) {
      fail(open.range.start, "unterminated tuple: no matching ']'");
    }
    if (separator.type != TokenType::comma) {
      fail_unexpected(separator, "',' between tuple elements or ']'");
    }
    cursor_.read();
  }
  cursor_.read();  // ']'
  return finish(std::move(node), first);
}

ExpressionPtr Parser::parse_object() {
  std::size_t first = cursor_.next_index();
  Token open = cursor_.read();
  {
    // `for` may follow on the next line: for expressions ignore line breaks.
    NewlineMode newlines(cursor_, false);
    if (is_keyword(cursor_.peek(), "for")) return parse_for(first);
  }
  NewlineMode newlines(cursor_, true);
  auto node = make_node(ExpressionKind::object);
  while (true) {
    Token next = cursor_.peek();
    if (next.type == TokenType::newline) {
      cursor_.read();
      continue;
    }
    if (next.type == TokenType::close_brace) break;
    ObjectItem item;
    item.key = parse_expression();
    item.key_is_bare_name =
        next.type != TokenType::open_paren && item.key->kind == ExpressionKind::variable;
    Token separator = cursor_.peek();
    if (separator.type != TokenType::equal && separator.type != TokenType::colon) {
      switch (separator.type) {
        case TokenType::newline:
        case TokenType::comma:
          fail(separator.range.start, "missing value: expected '=' after the object key");
        case TokenType::identifier:
          fail(separator.range.start,
               "expected '=' after the object key (quote a key that contains periods or spaces)");
        case TokenType::end_of_file:
          fail(open.range.start, "unterminated object: no matching '}'");
        default:
          fail_unexpected(separator, "'=' after the object key");
      }
    }
    item.uses_colon = separator.type == TokenType::colon;
    cursor_.read();
    item.value = parse_expression();
    node->items.push_back(std::move(item));
    Token after = cursor_.peek();
    if (after.type == TokenType::close_brace) break;
    if (after.type == TokenType::end_of_file) {
      fail(open.range.start, "unterminated object: no matching '}'");
    }
    if (after.type != TokenType::comma && after.type != TokenType::newline) {
      fail_unexpected(after, "a newline or ',' between object attributes, or '}'");
    }
    cursor_.read();
  }
  cursor_.read();  // '}'
  return finish(std::move(node), first);
}

// The cursor is on `for`, after the opening bracket or brace at `open_index`.
ExpressionPtr Parser::parse_for(std::size_t open_index) {
  NewlineMode newlines(cursor_, false);
  const Token& open = tokens()[open_index];
  const bool builds_object = open.type == TokenType::open_brace;
  const TokenType closer = builds_object ? TokenType::close_brace : TokenType::close_bracket;
  auto clause = std::make_unique<ForClause>();
  clause->builds_object = builds_object;
  cursor_.read();  // for
  Token name = cursor_.peek();
  if (name.type != TokenType::identifier) fail_unexpected(name, "a variable name after 'for'");
  cursor_.read();
  clause->value_variable = std::string(name.text);
  if (cursor_.peek().type == TokenType::comma) {
    cursor_.read();
    Token second = cursor_.peek();
    if (second.type != TokenType::identifier) {
      fail_unexpected(second, "a value variable name after ','");
    }
    cursor_.read();
    clause->key_variable = std::move(clause->value_variable);
    clause->value_variable = std::string(second.text);
  }
  Token in = cursor_.peek();
  if (!is_keyword(in, "in")) fail_unexpected(in, "'in' after the variable names of 'for'");
  cursor_.read();
  clause->collection = parse_expression();
  Token colon = cursor_.peek();
  if (colon.type != TokenType::colon) fail_unexpected(colon, "':' after the collection of 'for'");
  cursor_.read();
  clause->value = parse_expression();
  Token arrow = cursor_.peek();
  if (arrow.type == TokenType::fat_arrow) {
    cursor_.read();
    clause->key = std::move(clause->value);
    clause->value = parse_expression();
  }
  Token ellipsis = cursor_.peek();
  if (ellipsis.type == TokenType::ellipsis) {
    cursor_.read();
    clause->groups_values = true;
  }
  if (is_keyword(cursor_.peek(), "if")) {
    cursor_.read();
    clause->condition = parse_expression();
  }
  Token close = cursor_.peek();
  if (close.type != closer) {
    fail_unexpected(close, builds_object ? "'}' to end the 'for' expression"
                                         : "']' to end the 'for' expression");
  }
  cursor_.read();
  if (!builds_object && clause->key) {
    fail(arrow.range.start,
         "'=>' is only valid in a 'for' expression that builds an object "
         "({for ...})");
  }
  if (!builds_object && clause->groups_values) {
    fail(ellipsis.range.start,
         "grouping '...' is only valid in a 'for' expression that builds "
         "an object ({for ...})");
  }
  if (builds_object && !clause->key) {
    fail(clause->value->range.start,
         "a 'for' expression that builds an object needs a key: "
         "{for k, v in x : k => v}");
  }
  auto node = make_node(ExpressionKind::for_expression);
  node->for_clause = std::move(clause);
  return finish(std::move(node), open_index);
}

}  // namespace infragen::hcl::detail
