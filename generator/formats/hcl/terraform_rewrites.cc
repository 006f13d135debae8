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

// Whether hclsyntax turns `[key]` into a step of the traversal before it (rather than an
// index operation): the key is a literal (number, bool, null) or a plain string.
bool is_literal_key(const Expression& key) {
  if (key.kind == ExpressionKind::literal) return true;
  if (key.kind != ExpressionKind::template_text) return false;
  return std::all_of(key.parts.begin(), key.parts.end(), [](const TemplatePart& part) {
    return part.kind == TemplatePart::Kind::literal;
  });
}

bool is_bool_or_null(const Expression& key) {
  return key.kind == ExpressionKind::literal &&
         (key.text == "true" || key.text == "false" || key.text == "null");
}

// hclwrite rebuilds the traversals that reference variables step by step, and keeps the key
// of an index step only when it is a string or a number: `var.x[true]` comes out as
// `var.x[]`. This walker finds those keys the way hclsyntax finds variables: names declared
// by a `for` are local to its key, value and condition, and do not count.
class DroppedKeyFinder {
 public:
  explicit DroppedKeyFinder(std::vector<bool>& dropped) : dropped_(dropped) {}

  void walk(const Expression& node) {
    switch (node.kind) {
      case ExpressionKind::traversal:
        walk_traversal(node);
        return;
      case ExpressionKind::for_expression: {
        const ForClause& clause = *node.for_clause;
        walk(clause.collection.get());
        locals_.push_back({clause.key_variable, clause.value_variable});
        walk(clause.key.get());
        walk(clause.value.get());
        walk(clause.condition.get());
        locals_.pop_back();
        return;
      }
      case ExpressionKind::object:
        for (const ObjectItem& item : node.items) {
          if (!item.key_is_bare_name) walk(item.key.get());
          walk(item.value.get());
        }
        return;
      case ExpressionKind::template_text:
        walk_parts(node.parts);
        return;
      default:
        for (const ExpressionPtr& operand : node.operands) walk(operand.get());
    }
  }

 private:
  void walk(const Expression* node) {
    if (node != nullptr) walk(*node);
  }

  void walk_parts(const std::vector<TemplatePart>& parts) {
    for (const TemplatePart& part : parts) {
      if (part.kind == TemplatePart::Kind::for_directive) {
        walk(part.expression.get());
        locals_.push_back({part.key_variable, part.value_variable});
        walk_parts(part.body);
        locals_.pop_back();
        continue;
      }
      walk(part.expression.get());
      walk_parts(part.body);
      walk_parts(part.else_body);
    }
  }

  bool is_local(std::string_view name) const {
    return std::any_of(locals_.begin(), locals_.end(), [&](const auto& names) {
      return names.first == name || names.second == name;
    });
  }

  void walk_traversal(const Expression& node) {
    const Expression& source = *node.operands[0];
    // The steps right after a variable, up to the first computed index or splat, belong
    // to the variable's traversal.
    bool in_variable_traversal = source.kind == ExpressionKind::variable && !is_local(source.text);
    if (source.kind != ExpressionKind::variable) walk(source);
    for (const Traverser& step : node.steps) {
      if (step.kind == Traverser::Kind::attribute_splat ||
          step.kind == Traverser::Kind::full_splat ||
          (step.kind == Traverser::Kind::index && !is_literal_key(*step.key))) {
        in_variable_traversal = false;
      }
      if (step.kind != Traverser::Kind::index) continue;
      if (in_variable_traversal && is_bool_or_null(*step.key)) {
        for (std::size_t i = step.tokens.first + 1; i + 1 < step.tokens.last; ++i) {
          dropped_[i] = true;
        }
      }
      walk(*step.key);
    }
  }

  std::vector<bool>& dropped_;
  std::vector<std::pair<std::string_view, std::string_view>> locals_;
};

class RewriteCollector {
 public:
  explicit RewriteCollector(LayoutStream& stream)
      : stream_(stream), dropped_(stream.tokens.size(), false) {}

  const std::vector<bool>& dropped() const { return dropped_; }

  void visit(const Body& body, std::vector<std::string_view>& block_path) {
    for (const Attribute& attribute : body.attributes) {
      DroppedKeyFinder(dropped_).walk(*attribute.value);
      std::optional<std::vector<LayoutToken>> rewritten =
          block_path.size() == 1 && block_path[0] == "variable" && attribute.name == "type"
              ? clean_type(attribute.value_tokens)
              : unwrap_interpolation(attribute.value_tokens);
      if (rewritten) replacements_.push_back({attribute.value_tokens, std::move(*rewritten)});
    }
    for (const Block& block : body.blocks) {
      if (!block.labels.empty()) {
        replacements_.push_back(
            {{block.tokens.first + 1, block.labels.back().tokens.last}, quoted_labels(block)});
      }
      block_path.push_back(block.type);
      visit(block.body, block_path);
      block_path.pop_back();
    }
  }

  std::vector<Replacement> take() { return std::move(replacements_); }

 private:
  const LayoutToken& at(std::size_t index) const { return stream_.tokens[index]; }

  // The tokens of `span` that hclwrite kept.
  std::vector<LayoutToken> kept_tokens(const TokenSpan& span) const {
    std::vector<LayoutToken> kept;
    for (std::size_t i = span.first; i < span.last; ++i) {
      if (!dropped_[i]) kept.push_back(stream_.tokens[i]);
    }
    return kept;
  }

  // Labels as hclwrite reads them back: a bare name, or a quoted string of exactly one
  // literal piece (or empty). Anything else is dropped, as hclwrite does.
  std::vector<LayoutToken> quoted_labels(const Block& block) {
    std::vector<LayoutToken> out;
    for (const BlockLabel& label : block.labels) {
      std::string value;
      if (!label.quoted) {
        value = label.value;
      } else {
        std::size_t count = label.tokens.last - label.tokens.first;
        if (count == 3 && at(label.tokens.first + 1).type == TokenType::quoted_lit) {
          value = label.value;
        } else if (count != 2) {
          continue;
        }
      }
      out.push_back(make_token(TokenType::open_quote, "\""));
      std::string body = quote_string_body(value);
      if (!body.empty()) {
        out.push_back(make_token(TokenType::quoted_lit, stream_.own(std::move(body))));
      }
      out.push_back(make_token(TokenType::close_quote, "\""));
    }
    return out;
  }

  // "${expr}" -> expr, when the quotes hold exactly one interpolation and nothing else.
  std::optional<std::vector<LayoutToken>> unwrap_interpolation(const TokenSpan& span) const {
    std::vector<LayoutToken> tokens = kept_tokens(span);
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
    if (multi_line && !(opens_with_paren && closes_with_paren)) {
      inner.insert(inner.begin(), make_token(TokenType::open_paren, "("));
      inner.push_back(make_token(TokenType::close_paren, ")"));
    }
    return inner;
  }

  // Types of variables: bare collection keywords get an element type, and the quoted types
  // of Terraform 0.11 become type expressions.
  std::optional<std::vector<LayoutToken>> clean_type(const TokenSpan& span) const {
    std::vector<LayoutToken> tokens = kept_tokens(span);
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
  std::vector<bool> dropped_;
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
  const std::vector<bool>& dropped = collector.dropped();
  std::vector<LayoutToken> result;
  result.reserve(stream.tokens.size());
  auto copy_kept = [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      if (!dropped[i]) result.push_back(stream.tokens[i]);
    }
  };
  std::size_t next = 0;
  for (Replacement& replacement : replacements) {
    copy_kept(next, replacement.span.first);
    result.insert(result.end(), replacement.tokens.begin(), replacement.tokens.end());
    next = replacement.span.last;
  }
  copy_kept(next, stream.tokens.size());
  stream.tokens = std::move(result);
}

}  // namespace infragen::hcl
