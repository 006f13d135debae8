// Tokens of HCL native syntax, with the source range of each (shared by lexer, parser, formatter).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace infragen::hcl {

// The token kinds of HCL's scanner. Several kinds (bitwise operators, semicolons, ...) are
// lexed only so that the parser can reject them with a precise message.
enum class TokenType : std::uint8_t {
  open_brace,        // {
  close_brace,       // }
  open_bracket,      // [
  close_bracket,     // ]
  open_paren,        // (
  close_paren,       // )
  open_quote,        // " starting a quoted template
  close_quote,       // " ending it
  open_heredoc,      // <<EOF or <<-EOF, including the newline after the marker
  close_heredoc,     // the closing marker line, without its newline
  star,              // *
  slash,             // /
  plus,              // +
  minus,             // -
  percent,           // %
  equal,             // =
  equal_op,          // ==
  not_equal,         // !=
  less_than,         // <
  less_than_eq,      // <=
  greater_than,      // >
  greater_than_eq,   // >=
  logical_and,       // &&
  logical_or,        // ||
  bang,              // !
  dot,               // .
  comma,             // ,
  double_colon,      // :: (provider function namespaces)
  ellipsis,          // ...
  fat_arrow,         // =>
  question,          // ?
  colon,             // :
  template_interp,   // ${ or ${~
  template_control,  // %{ or %{~
  template_seq_end,  // } or ~} closing an interpolation or directive
  quoted_lit,        // literal text inside a quoted template (escapes still encoded)
  string_lit,        // literal text inside a heredoc (one line, or up to a ${)
  number_lit,        // 12, 1.5, 1e3
  identifier,        // names and keywords
  comment,           // # and // (including their newline) and /* */
  newline,           // \n or \r\n
  end_of_file,       // synthetic, empty
  // Lexed only to be rejected:
  bitwise_and,     // &
  bitwise_or,      // |
  caret,           // ^
  tilde,           // ~
  semicolon,       // ;
  backtick,        // `
  apostrophe,      // '
  quoted_newline,  // a line break inside a quoted string
  invalid,         // a character that starts no token, or an unterminated /* comment
  bad_utf8,        // a byte that is not valid UTF-8
};

// A 1-based line and column (columns count bytes, as the caret printer does) plus the
// 0-based byte offset.
struct Position {
  int line = 1;
  int column = 1;
  std::size_t byte = 0;
};

struct SourceRange {
  Position start;
  Position end;  // one past the last character
};

// A token's text views the source text given to the lexer, which must outlive it.
struct Token {
  TokenType type = TokenType::invalid;
  std::string_view text;
  SourceRange range;
};

// A short human name for messages, e.g. "'{'" or "newline".
std::string_view describe_token_type(TokenType type);

// Opening brackets count +1, closing ones -1 (interpolations and directives count as
// brackets, as hclwrite's indentation counts them); other tokens 0.
int bracket_change(TokenType type);

}  // namespace infragen::hcl
