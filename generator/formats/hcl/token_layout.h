// Whitespace layout of a token stream by hclwrite's rules, the core of `terraform fmt`.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "formats/hcl/token.h"

namespace infragen::hcl {

// A token as the layout sees it: only the spaces before it may change.
struct LayoutToken {
  TokenType type = TokenType::invalid;
  std::string_view text;
  int spaces_before = 0;
};

// Tokens of a file being formatted, plus storage for the text of tokens that rewrites add.
struct LayoutStream {
  std::vector<LayoutToken> tokens;  // ends with end_of_file
  std::deque<std::string> owned_texts;

  std::string_view own(std::string text) { return owned_texts.emplace_back(std::move(text)); }
};

// Sets `spaces_before` of every token except end_of_file, in three passes over the lines
// (a line ends at a newline token or at a comment that ends with its line break):
//  1. indentation: two spaces per level, where a level is a line that opens more brackets
//     than it closes (and is left on the line that closes them);
//  2. spacing: one space or none between the tokens of a line, by the kinds of the token,
//     its neighbour before and the token after;
//  3. alignment: on runs of consecutive lines that assign (`name = value` with the brackets
//     of the value balanced on the line) the `=` are aligned one column past the longest
//     name; on runs of consecutive lines that end with a line comment after code, the
//     comments are aligned one column past the longest code.
void lay_out_tokens(std::vector<LayoutToken>& tokens);

// The text of the tokens with their spaces, without the end_of_file token's spaces.
std::string render_tokens(const std::vector<LayoutToken>& tokens);

}  // namespace infragen::hcl
