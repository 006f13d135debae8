// Lexer: token kinds and boundaries where HCL's scanner puts them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "formats/hcl/lexer.h"

namespace infragen::hcl {
namespace {

// "kind:text" for each token except the final end_of_file.
std::vector<std::string> lex(const std::string& source) {
  static std::string keep_alive;
  keep_alive = source;
  std::vector<std::string> out;
  for (const Token& token : lex_hcl(keep_alive)) {
    if (token.type == TokenType::end_of_file) break;
    std::string name(describe_token_type(token.type));
    out.push_back(name + ":" + std::string(token.text));
  }
  return out;
}

using Tokens = std::vector<std::string>;

TEST(HclLexer, OperatorsTakeTheLongestMatch) {
  EXPECT_EQ(lex("a==b!=c<=d>=e&&f||g=>h...i::j"),
            (Tokens{"identifier:a", "'==':==", "identifier:b", "'!=':!=", "identifier:c",
                    "'<=':<=", "identifier:d", "'>=':>=", "identifier:e", "'&&':&&", "identifier:f",
                    "'||':||", "identifier:g", "'=>':=>", "identifier:h", "'...':...",
                    "identifier:i", "'::':::", "identifier:j"}));
}

TEST(HclLexer, NumbersAndIdentifiers) {
  EXPECT_EQ(lex("1 1.5 1e5 2.5E-3 1.e5"),
            (Tokens{"number:1", "number:1.5", "number:1e5", "number:2.5E-3", "number:1.e5"}));
  EXPECT_EQ(lex("x.0.1"), (Tokens{"identifier:x", "'.':.", "number:0.1"}));
  EXPECT_EQ(lex("1."), (Tokens{"number:1", "'.':."}));
  EXPECT_EQ(lex("1e"), (Tokens{"number:1", "identifier:e"}));
  EXPECT_EQ(lex("a-b _c k8s ünï"),
            (Tokens{"identifier:a-b", "identifier:_c", "identifier:k8s", "identifier:ünï"}));
}

TEST(HclLexer, CommentsIncludeTheirLineBreak) {
  EXPECT_EQ(lex("a # c\nb // d\r\n/* e\nf */g"),
            (Tokens{"identifier:a", "comment:# c\n", "identifier:b", "comment:// d\r\n",
                    "comment:/* e\nf */", "identifier:g"}));
  EXPECT_EQ(lex("a\r\nb\n"),
            (Tokens{"identifier:a", "newline:\r\n", "identifier:b", "newline:\n"}));
}

TEST(HclLexer, QuotedTemplates) {
  EXPECT_EQ(lex("\"a${b}c\""), (Tokens{"opening quote:\"", "string:a", "'${':${", "identifier:b",
                                       "'}':}", "string:c", "closing quote:\""}));
  // `$` and `%` not starting a sequence are literal pieces of their own, and $${ is one.
  EXPECT_EQ(lex("\"a$b$${c}%%{\""),
            (Tokens{"opening quote:\"", "string:a", "string:$", "string:b", "string:$${",
                    "string:c}", "string:%%{", "closing quote:\""}));
  EXPECT_EQ(lex("\"\\\"q\\\\\""),
            (Tokens{"opening quote:\"", "string:\\\"q\\\\", "closing quote:\""}));
  EXPECT_EQ(lex("\"ab\ncd\""), (Tokens{"opening quote:\"", "string:ab", "newline in string:\n",
                                       "string:cd", "closing quote:\""}));
}

TEST(HclLexer, BracesInsideInterpolationsAreTracked) {
  // The object's braces do not end the interpolation; the last } does.
  EXPECT_EQ(lex("\"${ {a = 1} }x\""),
            (Tokens{"opening quote:\"", "'${':${", "'{':{", "identifier:a", "'=':=", "number:1",
                    "'}':}", "'}':}", "string:x", "closing quote:\""}));
  std::vector<Token> tokens = lex_hcl("\"${ {} }\"");
  EXPECT_EQ(tokens[3].type, TokenType::close_brace);
  EXPECT_EQ(tokens[4].type, TokenType::template_seq_end);
  EXPECT_EQ(lex("\"%{~ if a ~}\""), (Tokens{"opening quote:\"", "'%{':%{~", "identifier:if",
                                            "identifier:a", "'}':~}", "closing quote:\""}));
}

TEST(HclLexer, Heredocs) {
  EXPECT_EQ(lex("<<EOF\nab ${c}\n  EOF \n"),
            (Tokens{"heredoc:<<EOF\n", "string:ab ", "'${':${", "identifier:c", "'}':}",
                    "string:\n", "heredoc end marker:  EOF ", "newline:\n"}));
  EXPECT_EQ(lex("<<-X\r\n  y\r\n  X\r\n"), (Tokens{"heredoc:<<-X\r\n", "string:  y\r\n",
                                                   "heredoc end marker:  X", "newline:\r\n"}));
  // A marker after an interpolation on the same line does not close the heredoc.
  EXPECT_EQ(lex("<<E\n${a}E\nE\n"), (Tokens{"heredoc:<<E\n", "'${':${", "identifier:a", "'}':}",
                                            "string:E\n", "heredoc end marker:E", "newline:\n"}));
  // Without a line break right after the marker it is not a heredoc.
  EXPECT_EQ(lex("<<EOF x"), (Tokens{"'<':<", "'<':<", "identifier:EOF", "identifier:x"}));
}

TEST(HclLexer, RangesCountLinesAndByteColumns) {
  std::vector<Token> tokens = lex_hcl("a = 1\n  bé = \"x\"\n");
  const Token& name = tokens[4];
  EXPECT_EQ(name.text, "bé");
  EXPECT_EQ(name.range.start.line, 2);
  EXPECT_EQ(name.range.start.column, 3);
  EXPECT_EQ(name.range.end.column, 6);
  EXPECT_EQ(name.range.start.byte, 8u);
}

TEST(HclLexer, InvalidInputBecomesTokensForTheParser) {
  EXPECT_EQ(lex("& | ^ ~ ; ` '"),
            (Tokens{"'&':&", "'|':|", "'^':^", "'~':~", "';':;", "'`':`", "\"'\":'"}));
  std::vector<Token> tokens = lex_hcl("a \xFF /* open");
  EXPECT_EQ(tokens[1].type, TokenType::bad_utf8);
  EXPECT_EQ(tokens[2].type, TokenType::invalid);
  EXPECT_EQ(tokens[2].text, "/* open");
  EXPECT_EQ(lex_hcl("\xEF\xBB\xBFx")[0].range.start.column, 4) << "the byte order mark is skipped";
}

}  // namespace
}  // namespace infragen::hcl
