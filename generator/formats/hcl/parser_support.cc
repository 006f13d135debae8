// Error reporting, node bookkeeping and the nesting guard shared by the parser files.
#include <algorithm>

#include <fmt/format.h>

#include "formats/hcl/parser.h"
#include "formats/hcl/parser_internal.h"

namespace infragen::hcl::detail {
namespace {

// An expression taller than this is rejected; see Expression::height.
constexpr int kMaxExpressionHeight = 1000;

int template_height(const std::vector<TemplatePart>& parts) {
  int height = 0;
  for (const TemplatePart& part : parts) {
    if (part.expression) height = std::max(height, part.expression->height);
    height = std::max(height, template_height(part.body));
    height = std::max(height, template_height(part.else_body));
  }
  return height;
}

int children_height(const Expression& node) {
  int height = 0;
  auto visit = [&height](const ExpressionPtr& child) {
    if (child) height = std::max(height, child->height);
  };
  for (const ExpressionPtr& operand : node.operands) visit(operand);
  for (const Traverser& step : node.steps) visit(step.key);
  for (const ObjectItem& item : node.items) {
    visit(item.key);
    visit(item.value);
  }
  if (node.for_clause) {
    visit(node.for_clause->collection);
    visit(node.for_clause->key);
    visit(node.for_clause->value);
    visit(node.for_clause->condition);
  }
  return std::max(height, template_height(node.parts));
}

}  // namespace

void Parser::fail(const Position& at, std::string message) {
  throw ParseFailure(SyntaxError{at.line, at.column, std::move(message)});
}

void Parser::fail_unexpected(const Token& found, std::string_view expected) {
  std::string explanation = explain_invalid_token(found);
  if (!explanation.empty()) fail(found.range.start, std::move(explanation));
  fail(found.range.start,
       fmt::format("expected {}, found {}", expected, describe_token_type(found.type)));
}

ExpressionPtr Parser::finish(ExpressionPtr node, std::size_t first_token) {
  const std::vector<Token>& all = tokens();
  std::size_t last = std::max(cursor_.end_of_last_read(), first_token + 1);
  node->tokens = {first_token, last};
  node->range = {all[first_token].range.start, all[last - 1].range.end};
  node->height = children_height(*node) + 1;
  if (node->height > kMaxExpressionHeight) {
    fail(node->range.start, fmt::format("expression is too complex (more than {} nested "
                                        "operations)",
                                        kMaxExpressionHeight));
  }
  return node;
}

DepthGuard::DepthGuard(Parser& parser, const Position& at) : parser_(parser) {
  if (parser_.depth_ >= kMaxNestingDepth) {
    parser_.fail(at, fmt::format("nesting is too deep (more than {} levels)", kMaxNestingDepth));
  }
  ++parser_.depth_;
}

std::string explain_invalid_token(const Token& token) {
  switch (token.type) {
    case TokenType::bitwise_and:
      return "'&' is not an operator; did you mean '&&'?";
    case TokenType::bitwise_or:
      return "'|' is not an operator; did you mean '||'?";
    case TokenType::caret:
      return "'^' is not an operator";
    case TokenType::tilde:
      return "'~' is only valid right after '${' or '%{' or right before their '}'";
    case TokenType::semicolon:
      return "';' is not valid here; put each argument on its own line";
    case TokenType::backtick:
      return "'`' is not valid; strings use double quotes";
    case TokenType::apostrophe:
      return "single quotes are not valid; strings use double quotes";
    case TokenType::quoted_newline:
      return "unterminated string: a quoted string must end on the line where it starts "
             "(use \\n or a heredoc for line breaks)";
    case TokenType::bad_utf8:
      return "invalid UTF-8 encoding";
    case TokenType::invalid:
      if (token.text.starts_with("/*")) return "unterminated comment: '/*' has no matching '*/'";
      if (token.text == "\\") return "invalid escape: a backslash must be followed by a character";
      if (token.text == "\r") return "carriage return without a line feed";
      return fmt::format("invalid character '{}'", token.text);
    default:
      return {};
  }
}

Position advance_position(Position from, std::string_view text) {
  for (char c : text) {
    if (c == '\n') {
      ++from.line;
      from.column = 1;
    } else {
      ++from.column;
    }
    ++from.byte;
  }
  return from;
}

}  // namespace infragen::hcl::detail
