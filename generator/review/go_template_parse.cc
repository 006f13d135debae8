// Parses Go text/template source (actions, trim markers, comments, control structures).
#include <cctype>
#include <cstdlib>

#include "review/go_template.h"

namespace infragen::review::go_template {
namespace {

struct Token {
  enum class Kind {
    identifier,
    field,
    dot,
    variable,
    literal,
    left,
    right,
    pipe,
    declare,
    assign,
    comma
  };
  Kind kind;
  std::string text;     // identifier, field name, variable ("$x")
  Value value;          // literal
  bool spaced = false;  // preceded by a space: `.a .b` are two operands, `.a.b` one
};

using Tokens = std::vector<Token>;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Parser {
 public:
  Parser(const std::string& name, std::string_view text, std::map<std::string, NodeList>& defines)
      : name_(name), text_(text), defines_(defines) {}

  NodeList parse_file() {
    auto [list, end] = parse_list();
    if (end != End::eof) fail(end == End::end ? "unexpected {{end}}" : "unexpected {{else}}");
    return list;
  }

 private:
  enum class End { eof, end, else_ };

  [[noreturn]] void fail(const std::string& message) const {
    throw TemplateError(name_ + ":" + std::to_string(line_) + ": " + message);
  }

  void advance_to(std::size_t position) {
    for (; pos_ < position; ++pos_) {
      if (text_[pos_] == '\n') ++line_;
    }
  }

  // The text up to the next action (trimmed as the markers ask), and that action's tokens; no
  // tokens at the end of the input. Comments are skipped.
  bool next_action(std::string& text, Tokens& tokens) {
    for (;;) {
      std::size_t open = text_.find("{{", pos_);
      std::string_view chunk =
          text_.substr(pos_, open == std::string_view::npos ? std::string_view::npos : open - pos_);
      if (trim_next_) {
        std::size_t first = 0;
        while (first < chunk.size() && is_space(chunk[first])) ++first;
        chunk.remove_prefix(first);
        trim_next_ = false;
      }
      text.append(chunk);
      if (open == std::string_view::npos) {
        advance_to(text_.size());
        return false;
      }
      advance_to(open + 2);
      if (pos_ + 1 < text_.size() && text_[pos_] == '-' && is_space(text_[pos_ + 1])) {
        while (!text.empty() && is_space(text.back())) text.pop_back();
        advance_to(pos_ + 1);
      }
      while (pos_ < text_.size() && is_space(text_[pos_])) advance_to(pos_ + 1);
      if (text_.substr(pos_, 2) == "/*") {
        std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) fail("unclosed comment");
        advance_to(close + 2);
        close_action();
        continue;
      }
      tokens = lex_action();
      return true;
    }
  }

  // After the last token of an action: optional ` -` and `}}`.
  void close_action() {
    std::size_t p = pos_;
    bool spaced = false;
    while (p < text_.size() && is_space(text_[p])) {
      ++p;
      spaced = true;
    }
    if (spaced && text_.substr(p, 3) == "-}}") {
      advance_to(p + 3);
      trim_next_ = true;
      return;
    }
    if (text_.substr(p, 2) != "}}") fail("unclosed action");
    advance_to(p + 2);
  }

  Tokens lex_action() {
    Tokens tokens;
    for (;;) {
      bool spaced = false;
      while (pos_ < text_.size() && is_space(text_[pos_])) {
        advance_to(pos_ + 1);
        spaced = true;
      }
      if (pos_ >= text_.size()) fail("unclosed action");
      std::string_view rest = text_.substr(pos_);
      if (rest.substr(0, 2) == "}}") {
        advance_to(pos_ + 2);
        return tokens;
      }
      if (spaced && rest.substr(0, 3) == "-}}") {
        advance_to(pos_ + 3);
        trim_next_ = true;
        return tokens;
      }
      tokens.push_back(lex_token(rest));
      tokens.back().spaced = spaced;
    }
  }

  Token lex_token(std::string_view rest) {
    const char c = rest[0];
    auto simple = [&](Token::Kind kind, std::size_t length) {
      advance_to(pos_ + length);
      return Token{kind, {}, {}};
    };
    if (c == '(') return simple(Token::Kind::left, 1);
    if (c == ')') return simple(Token::Kind::right, 1);
    if (c == '|') return simple(Token::Kind::pipe, 1);
    if (c == ',') return simple(Token::Kind::comma, 1);
    if (rest.substr(0, 2) == ":=") return simple(Token::Kind::declare, 2);
    if (c == '=') return simple(Token::Kind::assign, 1);
    if (c == '"') return lex_string(rest);
    if (c == '`') {
      std::size_t close = rest.find('`', 1);
      if (close == std::string_view::npos) fail("unclosed raw string");
      Token token{Token::Kind::literal, {}, Value(std::string(rest.substr(1, close - 1)))};
      advance_to(pos_ + close + 1);
      return token;
    }
    if (c == '$' || c == '.') {
      std::size_t end = 1;
      while (end < rest.size() && is_word(rest[end])) ++end;
      std::string word(rest.substr(c == '.' ? 1 : 0, c == '.' ? end - 1 : end));
      advance_to(pos_ + end);
      if (c == '$') return Token{Token::Kind::variable, word, {}};
      if (word.empty()) return Token{Token::Kind::dot, {}, {}};
      return Token{Token::Kind::field, word, {}};
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        ((c == '-' || c == '+') && rest.size() > 1 &&
         std::isdigit(static_cast<unsigned char>(rest[1])))) {
      std::size_t end = 1;
      while (end < rest.size() && (is_word(rest[end]) || rest[end] == '.')) ++end;
      std::string number(rest.substr(0, end));
      advance_to(pos_ + end);
      char* stop = nullptr;
      if (number.find_first_of(".eE") == std::string::npos || number.find("0x") == 0) {
        long long integer = std::strtoll(number.c_str(), &stop, 0);
        if (*stop == '\0') return Token{Token::Kind::literal, {}, Value(integer)};
      }
      double real = std::strtod(number.c_str(), &stop);
      if (*stop != '\0') fail("bad number " + number);
      return Token{Token::Kind::literal, {}, Value(real)};
    }
    if (is_word(c)) {
      std::size_t end = 1;
      while (end < rest.size() && is_word(rest[end])) ++end;
      std::string word(rest.substr(0, end));
      advance_to(pos_ + end);
      if (word == "true" || word == "false") {
        return Token{Token::Kind::literal, {}, Value(word == "true")};
      }
      if (word == "nil") return Token{Token::Kind::literal, {}, Value()};
      return Token{Token::Kind::identifier, word, {}};
    }
    fail(std::string("unexpected character '") + c + "' in action");
  }

  Token lex_string(std::string_view rest) {
    std::string value;
    std::size_t i = 1;
    for (; i < rest.size() && rest[i] != '"'; ++i) {
      if (rest[i] == '\n') fail("newline in string");
      if (rest[i] != '\\') {
        value += rest[i];
        continue;
      }
      if (++i >= rest.size()) break;
      switch (rest[i]) {
        case 'n':
          value += '\n';
          break;
        case 't':
          value += '\t';
          break;
        case 'r':
          value += '\r';
          break;
        case '\\':
          value += '\\';
          break;
        case '"':
          value += '"';
          break;
        case '\'':
          value += '\'';
          break;
        default:
          fail(std::string("unsupported escape \\") + rest[i]);
      }
    }
    if (i >= rest.size()) fail("unclosed string");
    advance_to(pos_ + i + 1);
    return Token{Token::Kind::literal, {}, Value(value)};
  }

  std::pair<NodeList, End> parse_list() {
    NodeList list;
    for (;;) {
      std::string text;
      Tokens tokens;
      const bool more = next_action(text, tokens);
      if (!text.empty()) list.push_back(Node{Node::Kind::text, std::move(text), {}, {}, {}, line_});
      if (!more) return {std::move(list), End::eof};
      if (tokens.empty()) fail("empty action");
      const Token& first = tokens.front();
      const std::string keyword = first.kind == Token::Kind::identifier ? first.text : "";
      if (keyword == "end") return {std::move(list), End::end};
      if (keyword == "else") {
        else_tokens_.assign(tokens.begin() + 1, tokens.end());
        return {std::move(list), End::else_};
      }
      if (keyword == "if" || keyword == "with" || keyword == "range") {
        list.push_back(parse_control(keyword, tokens));
      } else if (keyword == "define" || keyword == "block") {
        if (tokens.size() < 2 || !tokens[1].value.is_string()) fail(keyword + " needs a name");
        std::string name = tokens[1].value.get<std::string>();
        auto [body, end] = parse_list();
        if (end != End::end) fail("{{" + keyword + "}} without {{end}}");
        defines_[name] = std::move(body);
        if (keyword == "block") list.push_back(call_node(tokens));
      } else if (keyword == "template") {
        list.push_back(call_node(tokens));
      } else if (keyword == "break" || keyword == "continue") {
        fail("{{" + keyword + "}} is not supported");
      } else {
        std::size_t at = 0;
        list.push_back(
            Node{Node::Kind::action, {}, parse_pipeline(tokens, at, true), {}, {}, line_});
        if (at != tokens.size()) fail("unexpected token in action");
      }
    }
  }

  Node call_node(const Tokens& tokens) {
    if (tokens.size() < 2 || !tokens[1].value.is_string()) fail("template needs a name");
    Node node{Node::Kind::call, tokens[1].value.get<std::string>(), {}, {}, {}, line_};
    std::size_t at = 2;
    if (at < tokens.size()) node.pipeline = parse_pipeline(tokens, at, false);
    if (at != tokens.size()) fail("unexpected token after template call");
    return node;
  }

  Node parse_control(const std::string& keyword, const Tokens& tokens) {
    Node node;
    node.kind = keyword == "if"     ? Node::Kind::if_
                : keyword == "with" ? Node::Kind::with
                                    : Node::Kind::range;
    node.line = line_;
    std::size_t at = 1;
    node.pipeline = parse_pipeline(tokens, at, true);
    if (at != tokens.size()) fail("unexpected token in {{" + keyword + "}}");
    auto [body, end] = parse_list();
    node.body = std::move(body);
    if (end == End::eof) fail("{{" + keyword + "}} without {{end}}");
    if (end == End::else_) {
      Tokens rest = std::move(else_tokens_);
      else_tokens_.clear();
      if (!rest.empty()) {
        // {{else if x}} / {{else with x}}: a nested control that shares the {{end}}.
        if (rest.front().kind != Token::Kind::identifier || rest.front().text != keyword) {
          fail("unexpected tokens after {{else}}");
        }
        node.otherwise.push_back(parse_control(keyword, rest));
        return node;
      }
      auto [otherwise, last] = parse_list();
      if (last != End::end) fail("{{else}} without {{end}}");
      node.otherwise = std::move(otherwise);
    }
    return node;
  }

  std::shared_ptr<Pipeline> parse_pipeline(const Tokens& tokens, std::size_t& at,
                                           bool may_declare) {
    auto pipeline = std::make_shared<Pipeline>();
    pipeline->line = line_;
    if (may_declare) {
      std::size_t look = at;
      std::vector<std::string> names;
      while (look < tokens.size() && tokens[look].kind == Token::Kind::variable) {
        names.push_back(tokens[look].text);
        ++look;
        if (look < tokens.size() && tokens[look].kind == Token::Kind::comma) {
          ++look;
          continue;
        }
        break;
      }
      if (!names.empty() && look < tokens.size() &&
          (tokens[look].kind == Token::Kind::declare || tokens[look].kind == Token::Kind::assign)) {
        pipeline->variables = std::move(names);
        pipeline->declares = tokens[look].kind == Token::Kind::declare;
        at = look + 1;
      }
    }
    for (;;) {
      Command command;
      while (at < tokens.size() && tokens[at].kind != Token::Kind::pipe &&
             tokens[at].kind != Token::Kind::right) {
        command.operands.push_back(parse_operand(tokens, at));
      }
      if (command.operands.empty()) fail("missing value in pipeline");
      pipeline->commands.push_back(std::move(command));
      if (at < tokens.size() && tokens[at].kind == Token::Kind::pipe) {
        ++at;
        continue;
      }
      return pipeline;
    }
  }

  Operand parse_operand(const Tokens& tokens, std::size_t& at) {
    const Token& token = tokens[at++];
    Operand operand;
    switch (token.kind) {
      case Token::Kind::left:
        operand.kind = Operand::Kind::pipeline;
        operand.pipeline = parse_pipeline(tokens, at, false);
        if (at >= tokens.size() || tokens[at].kind != Token::Kind::right) fail("unclosed (");
        ++at;
        break;
      case Token::Kind::field:
        operand.kind = Operand::Kind::dot;
        operand.fields.push_back(token.text);
        break;
      case Token::Kind::dot:
        operand.kind = Operand::Kind::dot;
        break;
      case Token::Kind::variable:
        operand.kind = Operand::Kind::variable;
        operand.name = token.text;
        break;
      case Token::Kind::literal:
        operand.kind = Operand::Kind::literal;
        operand.literal = token.value;
        return operand;
      case Token::Kind::identifier:
        operand.kind = Operand::Kind::function;
        operand.name = token.text;
        return operand;
      default:
        fail("unexpected token in command");
    }
    while (at < tokens.size() && tokens[at].kind == Token::Kind::field && !tokens[at].spaced) {
      operand.fields.push_back(tokens[at++].text);
    }
    return operand;
  }

  std::string name_;
  std::string_view text_;
  std::map<std::string, NodeList>& defines_;
  std::size_t pos_ = 0;
  int line_ = 1;
  bool trim_next_ = false;
  Tokens else_tokens_;
};

}  // namespace

NodeList parse_template(const std::string& name, std::string_view text,
                        std::map<std::string, NodeList>& defines) {
  return Parser(name, text, defines).parse_file();
}

}  // namespace infragen::review::go_template
