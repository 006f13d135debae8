// The recursive-descent parser shared by the body, expression and template parser files.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "formats/hcl/ast.h"
#include "formats/hcl/hcl_format.h"
#include "formats/hcl/token_cursor.h"

namespace infragen::hcl::detail {

// Thrown at the first error inside a body item; the body parser records it and skips to
// the next line, so one run reports the errors of many lines.
struct ParseFailure : std::exception {
  SyntaxError error;
  explicit ParseFailure(SyntaxError e) : error(std::move(e)) {}
  const char* what() const noexcept override { return error.message.c_str(); }
};

// A flat piece of a template before directives are matched into a tree.
struct FlatTemplatePart {
  enum class Kind { literal, interpolation, if_open, else_marker, endif, for_open, endfor };
  Kind kind = Kind::literal;
  TemplatePart part;  // literal/interpolation content, or the directive's header
  SourceRange range;
};

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : cursor_(tokens) {}

  Body parse_file_body();
  std::vector<SyntaxError> take_errors() { return std::move(errors_); }

 private:
  friend class DepthGuard;

  // Errors and node bookkeeping shared by all parts (parser_support.cc).
  [[noreturn]] void fail(const Position& at, std::string message);
  [[noreturn]] void fail_unexpected(const Token& found, std::string_view expected);
  // Sets the node's token span from `first_token` to the last token read, its source range
  // and its height (bounded, see Expression::height).
  ExpressionPtr finish(ExpressionPtr node, std::size_t first_token);
  const std::vector<Token>& tokens() const { return cursor_.tokens(); }
  // The tokens from `first` to the last one read.
  TokenSpan span_from(std::size_t first) const { return {first, cursor_.end_of_last_read()}; }

  // body_parser.cc
  Body parse_body(TokenType end, const Token& opener);
  void parse_body_item(Body& body, std::vector<std::string_view>& attribute_names);
  Attribute parse_attribute(std::size_t name_index, bool single_line);
  Block parse_block(std::size_t type_index);
  void parse_single_line_body(Block& block, const Token& open_brace);
  BlockLabel parse_quoted_label();
  void record(SyntaxError error);
  void recover_after_body_item(bool inside_block);

  // expression_parser.cc
  ExpressionPtr parse_expression();
  ExpressionPtr parse_conditional();
  ExpressionPtr parse_binary(int level);
  ExpressionPtr parse_operand();
  ExpressionPtr parse_term();
  ExpressionPtr parse_number();
  ExpressionPtr parse_traversals(ExpressionPtr source);
  void parse_dot_step(Expression& traversal);
  void parse_bracket_step(Expression& traversal);
  ExpressionPtr parse_function_call(std::size_t name_index);
  ExpressionPtr parse_tuple();
  ExpressionPtr parse_object();
  ExpressionPtr parse_for(std::size_t open_index);
  Traverser legacy_index_step(const Token& number, std::size_t first_token);
  Traverser make_step(Traverser::Kind kind, std::string name, ExpressionPtr key,
                      std::size_t first_token) const;

  // template_parser.cc: parse_template starts at an open_quote or open_heredoc.
  ExpressionPtr parse_template();
  std::vector<FlatTemplatePart> parse_template_parts(const Token& opener, TokenType end);
  FlatTemplatePart parse_interpolation(const Token& opener, const Token& template_opener);
  FlatTemplatePart parse_directive(const Token& opener);
  std::vector<TemplatePart> match_directives(std::vector<FlatTemplatePart>& flat, std::size_t& next,
                                             const FlatTemplatePart* open);

  TokenCursor cursor_;
  std::vector<SyntaxError> errors_;
  int depth_ = 0;  // nesting of blocks, brackets and templates being parsed
};

// Counts one level of nesting while it lives; nesting deeper than kMaxNestingDepth is a
// syntax error rather than a stack overflow.
class DepthGuard {
 public:
  DepthGuard(Parser& parser, const Position& at);
  ~DepthGuard() { --parser_.depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  Parser& parser_;
};

// An explanation for tokens that are never valid (e.g. "'&' is not an operator; did you mean
// '&&'?"), or empty for ordinary tokens.
std::string explain_invalid_token(const Token& token);

// `from` moved past `text` (lines and byte columns).
Position advance_position(Position from, std::string_view text);

}  // namespace infragen::hcl::detail
