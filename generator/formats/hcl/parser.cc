// Entry point of the parser: lexing, parsing, and attaching comments to attributes/blocks.
#include "formats/hcl/parser.h"

#include <algorithm>
#include <tuple>

#include "formats/hcl/lexer.h"
#include "formats/hcl/parser_internal.h"

namespace infragen::hcl {
namespace {

bool is_line_comment(const Token& token) {
  return token.type == TokenType::comment && token.text.ends_with('\n');
}

// Whether the token at `index` is the first on its line.
bool starts_line(const std::vector<Token>& tokens, std::size_t index) {
  return index == 0 || tokens[index - 1].type == TokenType::newline ||
         is_line_comment(tokens[index - 1]);
}

class CommentAttacher {
 public:
  explicit CommentAttacher(File& file) : file_(file) {
    for (std::size_t i = 0; i < file_.tokens.size(); ++i) {
      const Token& token = file_.tokens[i];
      if (token.type == TokenType::comment) file_.comments.push_back({token.text, token.range, i});
    }
  }

  void attach(Body& body) {
    for (Attribute& attribute : body.attributes) attach_to(attribute.tokens, attribute.comments);
    for (Block& block : body.blocks) {
      attach_to(block.tokens, block.comments);
      attach(block.body);
    }
  }

 private:
  // Leading: comment lines right above the item (a /* */ comment counts when alone on its
  // line). Trailing: a comment right after the item's last token.
  void attach_to(const TokenSpan& span, AttachedComments& comments) {
    const std::vector<Token>& tokens = file_.tokens;
    if (span.last <= span.first || span.last > tokens.size()) return;
    std::size_t index = span.first;
    while (index > 0) {
      std::size_t candidate;
      if (is_line_comment(tokens[index - 1])) {
        candidate = index - 1;
      } else if (index >= 2 && tokens[index - 1].type == TokenType::newline &&
                 tokens[index - 2].type == TokenType::comment &&
                 !is_line_comment(tokens[index - 2])) {
        candidate = index - 2;
      } else {
        break;
      }
      if (!starts_line(tokens, candidate)) break;
      comments.leading.push_back(comment_at_token(candidate));
      index = candidate;
    }
    std::reverse(comments.leading.begin(), comments.leading.end());
    if (span.last < tokens.size() && tokens[span.last].type == TokenType::comment) {
      comments.trailing.push_back(comment_at_token(span.last));
    }
  }

  // The index in File::comments of the comment token at `token_index` (comments are in
  // token order).
  std::size_t comment_at_token(std::size_t token_index) const {
    auto it = std::lower_bound(
        file_.comments.begin(), file_.comments.end(), token_index,
        [](const Comment& comment, std::size_t index) { return comment.token_index < index; });
    return static_cast<std::size_t>(it - file_.comments.begin());
  }

  File& file_;
};

}  // namespace

ParseResult parse_hcl(std::string_view source) {
  ParseResult result;
  result.file.tokens = lex_hcl(source);
  detail::Parser parser(result.file.tokens);
  result.file.body = parser.parse_file_body();
  result.errors = parser.take_errors();
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const SyntaxError& a, const SyntaxError& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  CommentAttacher attacher(result.file);
  attacher.attach(result.file.body);
  return result;
}

}  // namespace infragen::hcl
