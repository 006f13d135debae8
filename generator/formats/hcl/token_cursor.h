// Reads tokens for the parser, skipping comments and (inside brackets) line breaks.
#pragma once

#include <cstddef>
#include <vector>

#include "formats/hcl/token.h"

namespace infragen::hcl {

// Where line breaks end things (bodies, objects) they are significant; inside parentheses,
// brackets and templates they are not. A `#` or `//` comment ends with its line break, so
// where line breaks count it reads as a newline.
class TokenCursor {
 public:
  explicit TokenCursor(const std::vector<Token>& tokens);

  // The next significant token (a comment ending a line appears as a newline token).
  Token peek() const;
  Token read();
  // Raw index of the token peek() would return.
  std::size_t next_index() const;
  // Raw index one past the last token read (0 before any).
  std::size_t end_of_last_read() const { return end_of_last_read_; }
  const std::vector<Token>& tokens() const { return tokens_; }

  bool newlines_significant() const { return newline_modes_.back(); }
  void push_newline_mode(bool significant) {
    newline_modes_.push_back(significant);
    cache_valid_ = false;
  }
  void pop_newline_mode() {
    newline_modes_.pop_back();
    cache_valid_ = false;
  }

 private:
  // The index of the next significant token from `from`, and the token as the parser sees it.
  std::size_t scan(std::size_t from, Token& token) const;
  // scan(next_) remembered until the position or the newline mode changes: the parser
  // peeks at the same token several times.
  void refresh() const;

  const std::vector<Token>& tokens_;
  std::size_t next_ = 0;
  std::size_t end_of_last_read_ = 0;
  std::vector<bool> newline_modes_{true};
  mutable bool cache_valid_ = false;
  mutable std::size_t cached_index_ = 0;
  mutable Token cached_token_;
};

// Sets whether line breaks are significant for as long as it lives.
class NewlineMode {
 public:
  NewlineMode(TokenCursor& cursor, bool significant) : cursor_(cursor) {
    cursor_.push_newline_mode(significant);
  }
  ~NewlineMode() { cursor_.pop_newline_mode(); }
  NewlineMode(const NewlineMode&) = delete;
  NewlineMode& operator=(const NewlineMode&) = delete;

 private:
  TokenCursor& cursor_;
};

}  // namespace infragen::hcl
