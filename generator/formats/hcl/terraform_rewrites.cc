// Collects the rewrites as token-span replacements and splices them in one pass.
#include "formats/hcl/terraform_rewrites.h"

#include <algorithm>
#include <optional>
#include <string>

#include "formats/hcl/string_literal.h"

namespace infragen::hcl {
namespace {

struct Replacement {
  TokenSpan span;
  std::vector<LayoutToken> tokens;
};

LayoutToken make_token(TokenType type, std::string_view text) { return {type, text, 0}; }

class RewriteCollector {
 public:
  explicit RewriteCollector(LayoutStream& stream) : stream_(stream) {}

  void visit(const Body& body, std::vector<std::string_view>& block_path) {
    for (const Attribute& attribute : body.attributes) {
      std::optional<std::vector<LayoutToken>> rewritten =
          block_path.size() == 1 && block_path[0] == "variable" && attribute.name == "type"
              ? clean_type(attribute.value_tokens)
              : unwrap_interpolation(attribute.value_tokens);
      if (rewritten) replacements_.push_back({attribute.value_tokens, std::move(*rewritten)});
    }
    for (const Block& block : body.blocks) {
      if (!block.labels.empty()) {
        TokenSpan span{block.tokens.first + 1, block.labels.back().tokens.last};
        std::vector<LayoutToken> labels = quoted_labels(block);
        if (!same_texts(span, labels)) replacements_.push_back({span, std::move(labels)});
      }
      block_path.push_back(block.type);
      visit(block.body, block_path);
      block_path.pop_back();
    }
  }

  std::vector<Replacement> take() { return std::move(replacements_); }

 private:
  const LayoutToken& at(std::size_t index) const { return stream_.tokens[index]; }

  // Whether `span` already holds exactly `tokens` (the common case of labels that are
  // quoted and escaped canonically), so that nothing needs replacing.
  bool same_texts(const TokenSpan& span, const std::vector<LayoutToken>& tokens) const {
    if (span.last - span.first != tokens.size()) return false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (at(span.first + i).type != tokens[i].type || at(span.first + i).text != tokens[i].text) {
        return false;
      }
    }
    return true;
  }

  std::vector<LayoutToken> tokens_of(const TokenSpan& span) const {
    return {stream_.tokens.begin() + span.first, stream_.tokens.begin() + span.last};
  }

  // Every label as a quoted string with hclwrite's escaping.
  std::vector<LayoutToken> quoted_labels(const Block& block) {
    std::vector<LayoutToken> out;
    for (const BlockLabel& label : block.labels) {
      out.push_back(make_token(TokenType::open_quote, "\""));
      std::string body = quote_string_body(label.value);
      if (!body.empty()) {
        out.push_back(make_token(TokenType::quoted_lit, stream_.own(std::move(body))));
      }
      out.push_back(make_token(TokenType::close_quote, "\""));
    }
    return out;
  }

  // "${expr}" -> expr, when the quotes hold exactly one interpolation and nothing else.
  std::optional<std::vector<LayoutToken>> unwrap_interpolation(const TokenSpan& span) const {
    std::vector<LayoutToken> tokens = tokens_of(span);
    const std::size_t n = tokens.size();
    if (n < 5) return std::nullopt;
    if (tokens[0].type != TokenType::open_quote || tokens[1].type != TokenType::template_interp ||
        tokens[n - 2].type != TokenType::template_seq_end ||
        tokens[n - 1].type != TokenType::close_quote) {
      return std::nullopt;
    }
    std::size_t inner_first = 2;
    std::size_t inner_last = n - 2;
    int quotes = 0;
    for (std::size_t i = inner_first; i < inner_last; ++i) {
      TokenType type = tokens[i].type;
      if (type == TokenType::open_quote) {
        ++quotes;
        continue;
      }
      if (type == TokenType::close_quote) {
        --quotes;
        continue;
      }
      if (quotes > 0) continue;  // "${f("${x}")}" is still one interpolation
      if (type == TokenType::template_interp || type == TokenType::template_seq_end ||
          type == TokenType::quoted_lit) {
        return std::nullopt;
      }
    }
    while (inner_first < inner_last && tokens[inner_first].type == TokenType::newline) {
      ++inner_first;
    }
    while (inner_last > inner_first && tokens[inner_last - 1].type == TokenType::newline) {
      --inner_last;
    }
    std::vector<LayoutToken> inner(tokens.begin() + inner_first, tokens.begin() + inner_last);
    // A value spanning lines must be parenthesised to stay one expression after unwrapping.
    bool multi_line = false;
    bool opens_with_paren = false;
    bool closes_with_paren = false;
    for (std::size_t i = 0; i < inner.size(); ++i) {
      if (i == 0 && inner[i].type == TokenType::open_paren) {
        opens_with_paren = true;
      } else if (inner[i].type == TokenType::newline) {
        multi_line = true;
      } else if (i + 1 == inner.size() && inner[i].type == TokenType::close_paren) {
        closes_with_paren = true;
      }
    }
    // terraform checks only for newline tokens; a line comment outside brackets with more
    // of the value after it also ends the line, and unparenthesised it would cut the value
    // in two. infragen parenthesises that case too.
    int depth = 0;
    for (std::size_t i = 0; i + 1 < inner.size(); ++i) {
      depth += bracket_change(inner[i].type);
      if (depth == 0 && inner[i].type == TokenType::comment && inner[i].text.ends_with('\n')) {
        multi_line = true;
      }
    }
    if (multi_line && !(opens_with_paren && closes_with_paren)) {
      inner.insert(inner.begin(), make_token(TokenType::open_paren, "("));
      inner.push_back(make_token(TokenType::close_paren, ")"));
    }
    return inner;
  }

  // Types of variables: bare collection keywords get an element type, and the quoted types
  // of Terraform 0.11 become type expressions.
  std::optional<std::vector<LayoutToken>> clean_type(const TokenSpan& span) const {
    std::vector<LayoutToken> tokens = tokens_of(span);
    auto collection_of = [](std::string_view keyword, std::string_view element) {
      return std::vector<LayoutToken>{
          make_token(TokenType::identifier, keyword), make_token(TokenType::open_paren, "("),
          make_token(TokenType::identifier, element), make_token(TokenType::close_paren, ")")};
    };
    if (tokens.size() == 1) {
      const LayoutToken& keyword = tokens[0];
      if (keyword.type != TokenType::identifier) return std::nullopt;
      if (keyword.text == "list") return collection_of("list", "any");
      if (keyword.text == "map") return collection_of("map", "any");
      if (keyword.text == "set") return collection_of("set", "any");
      return std::nullopt;
    }
    if (tokens.size() == 3 && tokens[0].type == TokenType::open_quote &&
        tokens[1].type == TokenType::quoted_lit && tokens[2].type == TokenType::close_quote) {
      std::string_view name = tokens[1].text;
      if (name == "string") {
        return std::vector<LayoutToken>{make_token(TokenType::identifier, "string")};
      }
      if (name == "list") return collection_of("list", "string");
      if (name == "map") return collection_of("map", "string");
    }
    return std::nullopt;
  }

  LayoutStream& stream_;
  std::vector<Replacement> replacements_;
};

}  // namespace

void apply_terraform_rewrites(const File& file, LayoutStream& stream) {
  RewriteCollector collector(stream);
  std::vector<std::string_view> block_path;
  collector.visit(file.body, block_path);
  std::vector<Replacement> replacements = collector.take();
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.span.first < b.span.first; });
  if (replacements.empty()) return;
  std::vector<LayoutToken> result;
  result.reserve(stream.tokens.size());
  std::size_t next = 0;
  for (Replacement& replacement : replacements) {
    result.insert(result.end(), stream.tokens.begin() + next,
                  stream.tokens.begin() + replacement.span.first);
    result.insert(result.end(), replacement.tokens.begin(), replacement.tokens.end());
    next = replacement.span.last;
  }
  result.insert(result.end(), stream.tokens.begin() + next, stream.tokens.end());
  stream.tokens = std::move(result);
}

}  // namespace infragen::hcl
