// Token skipping rules of the parser.
#include "formats/hcl/token_cursor.h"

namespace infragen::hcl {

TokenCursor::TokenCursor(const std::vector<Token>& tokens) : tokens_(tokens) {}

std::size_t TokenCursor::scan(std::size_t from, Token& token) const {
  for (std::size_t i = from; i < tokens_.size(); ++i) {
    const Token& candidate = tokens_[i];
    if (candidate.type == TokenType::comment) {
      if (newlines_significant() && candidate.text.ends_with('\n')) {
        token = candidate;
        token.type = TokenType::newline;
        return i;
      }
      continue;
    }
    if (candidate.type == TokenType::newline && !newlines_significant()) continue;
    token = candidate;
    return i;
  }
  // The lexer always ends with end_of_file, so this is reached only past its end.
  token = tokens_.back();
  return tokens_.size() - 1;
}

Token TokenCursor::peek() const {
  Token token;
  scan(next_, token);
  return token;
}

std::size_t TokenCursor::next_index() const {
  Token ignored;
  return scan(next_, ignored);
}

Token TokenCursor::read() {
  Token token;
  std::size_t index = scan(next_, token);
  // end_of_file stays the next token forever.
  if (token.type != TokenType::end_of_file) next_ = index + 1;
  end_of_last_read_ = index + 1;
  return token;
}

}  // namespace infragen::hcl
