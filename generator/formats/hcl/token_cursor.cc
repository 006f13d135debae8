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

void TokenCursor::refresh() const {
  if (cache_valid_) return;
  cached_index_ = scan(next_, cached_token_);
  cache_valid_ = true;
}

Token TokenCursor::peek() const {
  refresh();
  return cached_token_;
}

std::size_t TokenCursor::next_index() const {
  refresh();
  return cached_index_;
}

Token TokenCursor::read() {
  refresh();
  Token token = cached_token_;
  // end_of_file stays the next token forever.
  if (token.type != TokenType::end_of_file) {
    next_ = cached_index_ + 1;
    cache_valid_ = false;
  }
  end_of_last_read_ = cached_index_ + 1;
  return token;
}

}  // namespace infragen::hcl
