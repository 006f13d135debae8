// A hand-written scanner with three modes (expressions, quoted templates, heredoc
// templates) and the brace bookkeeping that tells a `}` closing `${` from an object's `}`.
#include "formats/hcl/lexer.h"

#include <string>

#include "formats/hcl/unicode_text.h"

namespace infragen::hcl {
namespace {

enum class Mode { expression, quoted_template, heredoc_template };

struct OpenHeredoc {
  std::string_view marker;
  bool at_line_start = true;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {
    if (source_.substr(0, 3) == "\xEF\xBB\xBF") {
      offset_ = 3;
      column_ = 4;
    }
  }

  std::vector<Token> run() {
    // Terraform averages a token every three to five bytes; reserving avoids regrowing a
    // large vector many times.
    tokens_.reserve(source_.size() / 3 + 16);
    modes_.push_back(Mode::expression);
    while (offset_ < source_.size()) {
      switch (modes_.back()) {
        case Mode::expression:
          lex_expression();
          break;
        case Mode::quoted_template:
          lex_quoted_template();
          break;
        case Mode::heredoc_template:
          lex_heredoc_template();
          break;
      }
    }
    emit(TokenType::end_of_file, 0);
    return std::move(tokens_);
  }

 private:
  char peek(std::size_t ahead = 0) const {
    return offset_ + ahead < source_.size() ? source_[offset_ + ahead] : '\0';
  }
  bool starts_with(std::string_view text) const {
    return source_.substr(offset_, text.size()) == text;
  }
  // Length of the line break at `at` ("\n" or "\r\n"), 0 when there is none.
  std::size_t newline_length_at(std::size_t at) const {
    if (at < source_.size() && source_[at] == '\n') return 1;
    if (at + 1 < source_.size() && source_[at] == '\r' && source_[at + 1] == '\n') return 2;
    return 0;
  }

  // Emits the next `length` bytes as one token and advances the position past them.
  void emit(TokenType type, std::size_t length) {
    Token token;
    token.type = type;
    token.text = source_.substr(offset_, length);
    token.range.start = {line_, column_, offset_};
    advance(length);
    token.range.end = {line_, column_, offset_};
    tokens_.push_back(token);
  }
  void advance(std::size_t length) {
    for (std::size_t i = 0; i < length; ++i) {
      if (source_[offset_ + i] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
    offset_ += length;
  }

  void lex_expression() {
    const char c = peek();
    if (c == ' ' || c == '\t') {
      advance(1);
      return;
    }
    if (is_digit(c)) return emit(TokenType::number_lit, number_length());
    if (std::size_t length = identifier_length(offset_)) {
      return emit(TokenType::identifier, length);
    }
    if (c == '#' || starts_with("//")) return emit(TokenType::comment, line_comment_length());
    if (starts_with("/*")) {
      std::size_t end = source_.find("*/", offset_ + 2);
      // An unterminated comment swallows the rest of the file so the parser can name it.
      if (end == std::string_view::npos) return emit(TokenType::invalid, source_.size() - offset_);
      return emit(TokenType::comment, end + 2 - offset_);
    }
    if (std::size_t length = newline_length_at(offset_)) return emit(TokenType::newline, length);
    if (c == '"') {
      emit(TokenType::open_quote, 1);
      modes_.push_back(Mode::quoted_template);
      return;
    }
    if (starts_with("<<") && try_heredoc_start()) return;
    if (c == '{') {
      ++brace_depth_;
      return emit(TokenType::open_brace, 1);
    }
    if (c == '}') return close_brace(1, false);
    if (starts_with("~}")) return close_brace(2, true);
    lex_operator();
  }

  void lex_operator() {
    const char c = peek();
    const char next = peek(1);
    switch (c) {
      case '.':
        if (next == '.' && peek(2) == '.') return emit(TokenType::ellipsis, 3);
        return emit(TokenType::dot, 1);
      case '=':
        if (next == '=') return emit(TokenType::equal_op, 2);
        if (next == '>') return emit(TokenType::fat_arrow, 2);
        return emit(TokenType::equal, 1);
      case '!':
        return next == '=' ? emit(TokenType::not_equal, 2) : emit(TokenType::bang, 1);
      case '>':
        return next == '=' ? emit(TokenType::greater_than_eq, 2) : emit(TokenType::greater_than, 1);
      case '<':
        return next == '=' ? emit(TokenType::less_than_eq, 2) : emit(TokenType::less_than, 1);
      case '&':
        return next == '&' ? emit(TokenType::logical_and, 2) : emit(TokenType::bitwise_and, 1);
      case '|':
        return next == '|' ? emit(TokenType::logical_or, 2) : emit(TokenType::bitwise_or, 1);
      case ':':
        return next == ':' ? emit(TokenType::double_colon, 2) : emit(TokenType::colon, 1);
      case '[':
        return emit(TokenType::open_bracket, 1);
      case ']':
        return emit(TokenType::close_bracket, 1);
      case '(':
        return emit(TokenType::open_paren, 1);
      case ')':
        return emit(TokenType::close_paren, 1);
      case ',':
        return emit(TokenType::comma, 1);
      case '*':
        return emit(TokenType::star, 1);
      case '/':
        return emit(TokenType::slash, 1);
      case '%':
        return emit(TokenType::percent, 1);
      case '+':
        return emit(TokenType::plus, 1);
      case '-':
        return emit(TokenType::minus, 1);
      case '?':
        return emit(TokenType::question, 1);
      case '~':
        return emit(TokenType::tilde, 1);
      case '^':
        return emit(TokenType::caret, 1);
      case ';':
        return emit(TokenType::semicolon, 1);
      case '`':
        return emit(TokenType::backtick, 1);
      case '\'':
        return emit(TokenType::apostrophe, 1);
      default:
        break;
    }
    DecodedChar decoded = decode_utf8(source_, offset_);
    if (decoded.length == 0) return emit(TokenType::bad_utf8, 1);
    emit(TokenType::invalid, decoded.length);
  }

  // A `}` ends the innermost interpolation or directive when the brace depth is back at the
  // level where it started; otherwise it closes an object or block. `~}` always counts as
  // the end of a sequence so that the parser can report a misplaced strip marker.
  void close_brace(std::size_t length, bool strip_marker) {
    if (!sequence_depths_.empty() && sequence_depths_.back() == brace_depth_) {
      --brace_depth_;
      sequence_depths_.pop_back();
      emit(TokenType::template_seq_end, length);
      modes_.pop_back();
      return;
    }
    --brace_depth_;
    emit(strip_marker ? TokenType::template_seq_end : TokenType::close_brace, length);
  }

  // digit (digit | '.' | [eE][+-]?digit)*, not ending with '.'.
  std::size_t number_length() const {
    std::size_t i = offset_ + 1;
    std::size_t end = i;
    while (i < source_.size()) {
      char c = source_[i];
      if (is_digit(c)) {
        end = ++i;
      } else if (c == '.') {
        ++i;
      } else if (c == 'e' || c == 'E') {
        std::size_t j = i + 1;
        if (j < source_.size() && (source_[j] == '+' || source_[j] == '-')) ++j;
        if (j < source_.size() && is_digit(source_[j])) {
          end = i = j + 1;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return end - offset_;
  }

  std::size_t identifier_length(std::size_t at) const {
    DecodedChar first = decode_utf8(source_, at);
    if (first.length == 0 || !is_identifier_start(first.code_point)) return 0;
    std::size_t i = at + first.length;
    while (i < source_.size()) {
      DecodedChar next = decode_utf8(source_, i);
      if (next.length == 0 || !is_identifier_continue(next.code_point)) break;
      i += next.length;
    }
    return i - at;
  }

  // `#` and `//` comments run to the end of the line and include its line break.
  std::size_t line_comment_length() const {
    std::size_t end = source_.find('\n', offset_);
    return (end == std::string_view::npos ? source_.size() : end + 1) - offset_;
  }

  // `<<ID` or `<<-ID` directly followed by a line break opens a heredoc.
  bool try_heredoc_start() {
    std::size_t at = offset_ + 2;
    if (at < source_.size() && source_[at] == '-') ++at;
    std::size_t name_length = identifier_length(at);
    if (name_length == 0) return false;
    std::size_t break_length = newline_length_at(at + name_length);
    if (break_length == 0) return false;
    heredocs_.push_back({source_.substr(at, name_length), true});
    emit(TokenType::open_heredoc, at + name_length + break_length - offset_);
    modes_.push_back(Mode::heredoc_template);
    return true;
  }

  // `${`, `%{` (with an optional `~`) open an interpolation or directive.
  bool try_template_sequence() {
    const char c = peek();
    if ((c != '$' && c != '%') || peek(1) != '{') return false;
    std::size_t length = peek(2) == '~' ? 3 : 2;
    ++brace_depth_;
    sequence_depths_.push_back(brace_depth_);
    if (!heredocs_.empty() && modes_.back() == Mode::heredoc_template) {
      heredocs_.back().at_line_start = false;
    }
    emit(c == '$' ? TokenType::template_interp : TokenType::template_control, length);
    modes_.push_back(Mode::expression);
    return true;
  }

  // Length of a `$` or `%` that does not start a sequence: `$${` / `%%{` (an escaped
  // introducer, with an optional `~`) or the lone character.
  std::size_t escaped_introducer_length() const {
    const char c = peek();
    if (peek(1) == c && peek(2) == '{') return peek(3) == '~' ? 4 : 3;
    return 1;
  }

  void lex_quoted_template() {
    if (try_template_sequence()) return;
    const char c = peek();
    if (c == '"') {
      emit(TokenType::close_quote, 1);
      modes_.pop_back();
      return;
    }
    if (c == '\r' || c == '\n') {
      std::size_t end = offset_;
      while (end < source_.size() && (source_[end] == '\r' || source_[end] == '\n')) ++end;
      return emit(TokenType::quoted_newline, end - offset_);
    }
    if (c == '$' || c == '%') {
      // A lone introducer at the very end of the input starts nothing the scanner knows.
      if (offset_ + 1 >= source_.size()) return emit(TokenType::invalid, 1);
      return emit(TokenType::quoted_lit, escaped_introducer_length());
    }
    std::size_t end = offset_;
    while (end < source_.size()) {
      char ch = source_[end];
      if (ch == '"' || ch == '$' || ch == '%' || ch == '\r' || ch == '\n') break;
      if (ch == '\\') {
        if (end + 1 >= source_.size()) break;
        char escaped = source_[end + 1];
        if (escaped == '\r' || escaped == '\n') break;
        DecodedChar selector = decode_utf8(source_, end + 1);
        if (selector.length == 0) break;
        end += 1 + selector.length;
        continue;
      }
      DecodedChar decoded = decode_utf8(source_, end);
      if (decoded.length == 0) break;
      end += decoded.length;
    }
    if (end > offset_) return emit(TokenType::quoted_lit, end - offset_);
    DecodedChar decoded = decode_utf8(source_, offset_);
    if (decoded.length == 0) return emit(TokenType::bad_utf8, 1);
    emit(TokenType::invalid, decoded.length);  // a backslash with nothing to escape
  }

  void lex_heredoc_template() {
    if (try_template_sequence()) return;
    OpenHeredoc& heredoc = heredocs_.back();
    const char c = peek();
    std::size_t end = offset_;
    if (c == '$' || c == '%') {
      end += escaped_introducer_length();
    } else {
      while (end < source_.size()) {
        char ch = source_[end];
        if (ch == '$' || ch == '%' || ch == '\r' || ch == '\n') break;
        DecodedChar decoded = decode_utf8(source_, end);
        if (decoded.length == 0) break;
        end += decoded.length;
      }
    }
    std::size_t break_length = newline_length_at(end);
    if (break_length == 0) {
      if (end > offset_) {
        heredoc.at_line_start = false;
        return emit(TokenType::string_lit, end - offset_);
      }
      DecodedChar decoded = decode_utf8(source_, offset_);
      if (decoded.length == 0) return emit(TokenType::bad_utf8, 1);
      return emit(TokenType::invalid, decoded.length);  // a carriage return alone
    }
    if (heredoc.at_line_start &&
        trim_space(source_.substr(offset_, end - offset_)) == heredoc.marker) {
      // The closing marker line becomes two tokens so that its line break still ends the
      // attribute that the heredoc belongs to.
      emit(TokenType::close_heredoc, end - offset_);
      emit(TokenType::newline, break_length);
      heredocs_.pop_back();
      modes_.pop_back();
      return;
    }
    heredoc.at_line_start = true;
    emit(TokenType::string_lit, end + break_length - offset_);
  }

  static std::string_view trim_space(std::string_view text) {
    auto space_at = [&](std::size_t i) {
      DecodedChar d = decode_utf8(text, i);
      return d.length != 0 && is_unicode_space(d.code_point) ? d.length : std::size_t{0};
    };
    while (!text.empty()) {
      std::size_t length = space_at(0);
      if (length == 0) break;
      text.remove_prefix(length);
    }
    while (!text.empty()) {
      // Walk back to the start of the last character.
      std::size_t start = text.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      std::size_t length = space_at(start);
      if (length == 0 || start + length != text.size()) break;
      text.remove_suffix(length);
    }
    return text;
  }

  std::string_view source_;
  std::size_t offset_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::vector<Token> tokens_;
  std::vector<Mode> modes_;
  std::vector<OpenHeredoc> heredocs_;
  int brace_depth_ = 0;
  std::vector<int> sequence_depths_;  // brace depth at which each open ${ / %{ ends
};

}  // namespace

std::vector<Token> lex_hcl(std::string_view source) { return Lexer(source).run(); }

}  // namespace infragen::hcl
