// Syntax tree of an HCL file: bodies, attributes, blocks, expressions and templates, with
// source ranges, the token span of each node, and the file's comments.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "formats/hcl/token.h"

namespace infragen::hcl {

// Half-open range [first, last) of indices into File::tokens. The formatter edits the token
// stream, and these spans tell it which tokens belong to which node.
struct TokenSpan {
  std::size_t first = 0;
  std::size_t last = 0;
};

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;

// One step after the source of a traversal: `.name`, `[key]`, `.0` (legacy index), `.*`
// (attribute splat: applies the following attribute steps to each element) or `[*]` (full
// splat: applies all following steps to each element).
struct Traverser {
  enum class Kind { attribute, index, legacy_index, attribute_splat, full_splat };
  Kind kind = Kind::attribute;
  std::string name;   // attribute name, or the digits of a legacy index
  ExpressionPtr key;  // the index expression of `[key]`
  SourceRange range;
  TokenSpan tokens;
};

// `key = value` or `key: value` inside `{ }`.
struct ObjectItem {
  ExpressionPtr key;
  ExpressionPtr value;
  bool key_is_bare_name = false;  // `name = ...`: the name is a string, not a variable
  bool uses_colon = false;
};

// `[for k, v in collection : value if condition]` or
// `{for k, v in collection : key => value... if condition}`.
struct ForClause {
  std::string key_variable;  // empty when only one variable is declared
  std::string value_variable;
  ExpressionPtr collection;
  ExpressionPtr key;  // only when building an object
  ExpressionPtr value;
  ExpressionPtr condition;     // may be null
  bool groups_values = false;  // `...` after the value: values with equal keys are grouped
  bool builds_object = false;
};

// `~` strip markers of a `${ }` or `%{ }` sequence: trim whitespace before / after it.
struct StripMarkers {
  bool before = false;
  bool after = false;
};

// A piece of a quoted template or heredoc.
struct TemplatePart {
  enum class Kind { literal, interpolation, if_directive, for_directive };
  Kind kind = Kind::literal;
  std::string text;          // literal: the text with escapes resolved
  ExpressionPtr expression;  // interpolation value, `if` condition or `for` collection
  std::string key_variable;  // for directive
  std::string value_variable;
  std::vector<TemplatePart> body;       // if: the true branch; for: the repeated content
  std::vector<TemplatePart> else_body;  // if: the false branch
  bool has_else = false;
  StripMarkers open_strip;  // of `${ }`, `%{if}` or `%{for}`
  StripMarkers else_strip;
  StripMarkers close_strip;  // of `%{endif}` / `%{endfor}`
  SourceRange range;
};

enum class ExpressionKind {
  literal,        // number, true, false or null, spelled as `text`
  variable,       // a root name `text` (var, local, each, ...)
  traversal,      // `operands[0]` followed by `steps`
  function_call,  // `text` is the name (e.g. "provider::aws::arn_parse"), `operands` the args
  tuple,          // [a, b]; `operands` are the elements
  object,         // { k = v }; `items`
  for_expression,
  conditional,    // `operands` are condition, true result, false result
  binary,         // `text` is the operator, `operands` left and right
  unary,          // `text` is "-" or "!", `operands[0]` the operand
  parentheses,    // `operands[0]` inside ( )
  template_text,  // quoted string or heredoc; `parts`
};

struct Expression {
  ExpressionKind kind = ExpressionKind::literal;
  SourceRange range;
  TokenSpan tokens;
  std::string text;
  std::vector<ExpressionPtr> operands;
  std::vector<Traverser> steps;
  std::vector<ObjectItem> items;
  std::unique_ptr<ForClause> for_clause;
  std::vector<TemplatePart> parts;
  bool expands_final_argument = false;  // f(a, list...)
  bool is_heredoc = false;
  bool is_flush_heredoc = false;  // <<-EOF: common leading whitespace is removed
  std::string heredoc_marker;
  // Nodes on the longest path down to a leaf; the parser bounds it so that recursive walks
  // over the tree (including destruction) stay shallow.
  int height = 1;
};

struct Comment {
  std::string_view text;  // including `#`, `//` or `/* */` (and the line break of line comments)
  SourceRange range;
  std::size_t token_index = 0;
};

// Comments that belong to an attribute or block: the comment lines directly above it and
// the comment after it on its last line (indices into File::comments).
struct AttachedComments {
  std::vector<std::size_t> leading;
  std::vector<std::size_t> trailing;  // at most one
};

struct Attribute {
  std::string name;
  SourceRange name_range;
  ExpressionPtr value;
  SourceRange range;
  TokenSpan tokens;  // from the name to the end of the value
  TokenSpan value_tokens;
  AttachedComments comments;
};

struct BlockLabel {
  std::string value;   // escapes resolved
  bool quoted = true;  // false for a bare identifier label (legacy style)
  SourceRange range;
  TokenSpan tokens;
};

struct Block;

// The content of a file or of a block, in source order.
struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;
  SourceRange range;
};

struct Block {
  std::string type;
  SourceRange type_range;
  TokenSpan tokens;  // from the type to the closing brace
  std::vector<BlockLabel> labels;
  Body body;
  bool single_line = false;  // `name { attr = value }` on one line
  SourceRange range;
  AttachedComments comments;
};

// A parsed file. Token texts and comments view the source text, which must outlive it.
struct File {
  std::vector<Token> tokens;
  Body body;
  std::vector<Comment> comments;
};

}  // namespace infragen::hcl
