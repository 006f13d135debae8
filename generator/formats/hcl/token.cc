// Names of token kinds for error messages.
#include "formats/hcl/token.h"

namespace infragen::hcl {

std::string_view describe_token_type(TokenType type) {
  switch (type) {
    case TokenType::open_brace:
      return "'{'";
    case TokenType::close_brace:
      return "'}'";
    case TokenType::open_bracket:
      return "'['";
    case TokenType::close_bracket:
      return "']'";
    case TokenType::open_paren:
      return "'('";
    case TokenType::close_paren:
      return "')'";
    case TokenType::open_quote:
      return "opening quote";
    case TokenType::close_quote:
      return "closing quote";
    case TokenType::open_heredoc:
      return "heredoc";
    case TokenType::close_heredoc:
      return "heredoc end marker";
    case TokenType::star:
      return "'*'";
    case TokenType::slash:
      return "'/'";
    case TokenType::plus:
      return "'+'";
    case TokenType::minus:
      return "'-'";
    case TokenType::percent:
      return "'%'";
    case TokenType::equal:
      return "'='";
    case TokenType::equal_op:
      return "'=='";
    case TokenType::not_equal:
      return "'!='";
    case TokenType::less_than:
      return "'<'";
    case TokenType::less_than_eq:
      return "'<='";
    case TokenType::greater_than:
      return "'>'";
    case TokenType::greater_than_eq:
      return "'>='";
    case TokenType::logical_and:
      return "'&&'";
    case TokenType::logical_or:
      return "'||'";
    case TokenType::bang:
      return "'!'";
    case TokenType::dot:
      return "'.'";
    case TokenType::comma:
      return "','";
    case TokenType::double_colon:
      return "'::'";
    case TokenType::ellipsis:
      return "'...'";
    case TokenType::fat_arrow:
      return "'=>'";
    case TokenType::question:
      return "'?'";
    case TokenType::colon:
      return "':'";
    case TokenType::template_interp:
      return "'${'";
    case TokenType::template_control:
      return "'%{'";
    case TokenType::template_seq_end:
      return "'}'";
    case TokenType::quoted_lit:
      return "string";
    case TokenType::string_lit:
      return "string";
    case TokenType::number_lit:
      return "number";
    case TokenType::identifier:
      return "identifier";
    case TokenType::comment:
      return "comment";
    case TokenType::newline:
      return "newline";
    case TokenType::end_of_file:
      return "end of file";
    case TokenType::bitwise_and:
      return "'&'";
    case TokenType::bitwise_or:
      return "'|'";
    case TokenType::caret:
      return "'^'";
    case TokenType::tilde:
      return "'~'";
    case TokenType::semicolon:
      return "';'";
    case TokenType::backtick:
      return "'`'";
    case TokenType::apostrophe:
      return "\"'\"";
    case TokenType::quoted_newline:
      return "newline in string";
    case TokenType::invalid:
      return "invalid character";
    case TokenType::bad_utf8:
      return "invalid UTF-8";
  }
  return "token";
}

int bracket_change(TokenType type) {
  switch (type) {
    case TokenType::open_brace:
    case TokenType::open_bracket:
    case TokenType::open_paren:
    case TokenType::template_interp:
    case TokenType::template_control:
      return 1;
    case TokenType::close_brace:
    case TokenType::close_bracket:
    case TokenType::close_paren:
    case TokenType::template_seq_end:
      return -1;
    default:
      return 0;
  }
}

}  // namespace infragen::hcl
