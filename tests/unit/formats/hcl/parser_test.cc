// Parser tests: every construct of HCL native syntax, checked through the AST dump.
#include <gtest/gtest.h>

#include <string>

#include "formats/hcl/ast_dump.h"
#include "formats/hcl/parser.h"

namespace infragen::hcl {
namespace {

// The body of `source` as an S-expression dump, or the first error.
std::string body_of(const std::string& source) {
  ParseResult result = parse_hcl(source);
  if (!result.ok()) {
    const SyntaxError& e = result.errors.front();
    return "error " + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
  }
  return dump_body(result.file.body);
}

// The dump of the expression `text` (parsed as the value of an attribute).
std::string expr(const std::string& text) {
  std::string source = "x = " + text + "\n";
  ParseResult result = parse_hcl(source);
  if (!result.ok()) {
    const SyntaxError& e = result.errors.front();
    return "error " + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
  }
  return dump_expression(*result.file.body.attributes.at(0).value);
}

TEST(HclParser, AttributesAndBlocks) {
  EXPECT_EQ(body_of("a = 1\nb = true\n"), "a = 1\nb = true\n");
  EXPECT_EQ(body_of("resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"x\"\n}\n"),
            "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = (template \"x\")\n}\n");
  EXPECT_EQ(body_of("terraform {\n  backend \"s3\" {\n    key = k\n  }\n}\n"),
            "terraform {\n  backend \"s3\" {\n    key = k\n  }\n}\n");
  EXPECT_EQ(body_of("a b c \"d\" {\n}\n"), "a b c \"d\" {\n}\n");
  EXPECT_EQ(body_of("locals {}\n"), "locals {\n}\n");
  EXPECT_EQ(body_of(""), "");
  EXPECT_EQ(body_of("\n\n# only a comment\n"), "");
}

TEST(HclParser, BareAndQuotedLabelsAreRecorded) {
  ParseResult result = parse_hcl("resource aws_vpc \"main\" {}\n");
  ASSERT_TRUE(result.ok());
  const Block& block = result.file.body.blocks.at(0);
  ASSERT_EQ(block.labels.size(), 2u);
  EXPECT_FALSE(block.labels[0].quoted);
  EXPECT_EQ(block.labels[0].value, "aws_vpc");
  EXPECT_TRUE(block.labels[1].quoted);
  EXPECT_EQ(block.labels[1].value, "main");
  EXPECT_EQ(block.labels[1].range.start.column, 18);
  EXPECT_EQ(block.labels[1].range.end.column, 24);
}

TEST(HclParser, LabelEscapesAreResolved) {
  ParseResult result = parse_hcl("b \"a\\u0041\\n$${x}\" {}\n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.file.body.blocks.at(0).labels.at(0).value, "aA\n${x}");
}

TEST(HclParser, SingleLineBlocks) {
  ParseResult result = parse_hcl("b { a = 1 }\nc {}\n");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.file.body.blocks.at(0).single_line);
  EXPECT_EQ(result.file.body.blocks.at(0).body.attributes.at(0).name, "a");
  EXPECT_TRUE(result.file.body.blocks.at(1).single_line == false);
  EXPECT_EQ(body_of("b { a = [1,\n2] }\n"), "b {\n  a = (tuple 1 2)\n}\n");
}

TEST(HclParser, Literals) {
  EXPECT_EQ(expr("42"), "42");
  EXPECT_EQ(expr("1.5"), "1.5");
  EXPECT_EQ(expr("1e3"), "1e3");
  EXPECT_EQ(expr("2.5E-3"), "2.5E-3");
  EXPECT_EQ(expr("1.e5"), "1.e5");
  EXPECT_EQ(expr("true"), "true");
  EXPECT_EQ(expr("false"), "false");
  EXPECT_EQ(expr("null"), "null");
}

TEST(HclParser, QuotedStringsAndEscapes) {
  EXPECT_EQ(expr("\"plain\""), "(template \"plain\")");
  EXPECT_EQ(expr("\"\""), "(template)");
  EXPECT_EQ(expr("\"a\\nb\\t\\\"q\\\" \\\\\""), "(template \"a\\nb\\t\\\"q\\\" \\\\\")");
  EXPECT_EQ(expr("\"\\u00e9\\U0001F600\""), "(template \"\xC3\xA9\xF0\x9F\x98\x80\")");
  EXPECT_EQ(expr("\"$${not} %%{this} 50% $5\""), "(template \"${not} %{this} 50% $5\")");
}

TEST(HclParser, Interpolation) {
  EXPECT_EQ(expr("\"a${b}c\""), "(template \"a\" (${} b) \"c\")");
  EXPECT_EQ(expr("\"${var.x}\""), "(template (${} (traverse var .x)))");
  EXPECT_EQ(expr("\"${ \"${x}\" }\""), "(template (${} (template (${} x))))");
  EXPECT_EQ(expr("\"a ${~ b ~} c\""), "(template \"a\" (${} b ~before ~after) \"c\")");
  EXPECT_EQ(expr("\"${\n  x\n}\""), "(template (${} x))");
  EXPECT_EQ(expr("\"${ {a = 1} }\""), "(template (${} (object (a = 1))))");
}

TEST(HclParser, TemplateDirectives) {
  EXPECT_EQ(expr("\"%{ if a }yes%{ else }no%{ endif }\""),
            "(template (%if a (then \"yes\") (else \"no\")))");
  EXPECT_EQ(expr("\"%{if a}yes%{endif}\""), "(template (%if a (then \"yes\")))");
  EXPECT_EQ(expr("\"%{ for k, v in m }${k}=${v},%{ endfor }\""),
            "(template (%for k v in m (do (${} k) \"=\" (${} v) \",\")))");
  EXPECT_EQ(expr("\"%{ for x in xs ~}  ${x} %{~ endfor }\""),
            "(template (%for x in xs ~after (do \"\" (${} x) \"\")))");
  EXPECT_EQ(expr("\"%{if a}%{for x in b}${x}%{endfor}%{endif}\""),
            "(template (%if a (then (%for x in b (do (${} x))))))");
}

TEST(HclParser, Heredocs) {
  EXPECT_EQ(expr("<<EOF\nline one\n  ${name}\nEOF\n"),
            "(heredoc EOF \"line one\\n  \" (${} name) \"\\n\")");
  EXPECT_EQ(expr("<<-EOT\n    indented\n      more\n    EOT\n"),
            "(heredoc- EOT \"indented\\n  more\\n\")");
  EXPECT_EQ(expr("<<EOF\nno \\escapes\\n $${kept}\nEOF\n"),
            "(heredoc EOF \"no \\\\escapes\\\\n ${kept}\\n\")");
  EXPECT_EQ(expr("<<EOF\nEOF\n"), "(heredoc EOF)");
  // The closing marker must be alone on its line; EOFX and "x EOF" are content.
  EXPECT_EQ(expr("<<EOF\nEOFX\nx EOF\n  EOF\n"), "(heredoc EOF \"EOFX\\nx EOF\\n\")");
  EXPECT_EQ(expr("[<<A\na\nA\n, <<B\nb\nB\n]"),
            "(tuple (heredoc A \"a\\n\") (heredoc B \"b\\n\"))");
}

TEST(HclParser, TuplesAndObjects) {
  EXPECT_EQ(expr("[]"), "(tuple)");
  EXPECT_EQ(expr("[1, 2, 3,]"), "(tuple 1 2 3)");
  EXPECT_EQ(expr("[\n  1,\n  # comment\n  2\n]"), "(tuple 1 2)");
  EXPECT_EQ(expr("{}"), "(object)");
  EXPECT_EQ(expr("{ a = 1, \"b c\" : 2, (k) = 3 }"),
            "(object (a = 1) ((template \"b c\") : 2) ((paren k) = 3))");
  EXPECT_EQ(expr("{\n  a = 1\n  b = 2,\n  c = 3 # trailing\n}"),
            "(object (a = 1) (b = 2) (c = 3))");
  ParseResult result = parse_hcl("x = { a = 1, (b) = 2, c.d = 3 }\n");
  ASSERT_TRUE(result.ok());
  const Expression& object = *result.file.body.attributes[0].value;
  EXPECT_TRUE(object.items[0].key_is_bare_name);
  EXPECT_FALSE(object.items[1].key_is_bare_name);
  EXPECT_FALSE(object.items[2].key_is_bare_name);
}

TEST(HclParser, FunctionCalls) {
  EXPECT_EQ(expr("f()"), "(call f)");
  EXPECT_EQ(expr("join(\",\", list)"), "(call join (template \",\") list)");
  EXPECT_EQ(expr("concat(a, b...)"), "(call concat a b ...)");
  EXPECT_EQ(expr("f(1,\n  2,\n)"), "(call f 1 2)");
  EXPECT_EQ(expr("provider::aws::arn_parse(x)"), "(call provider::aws::arn_parse x)");
}

TEST(HclParser, TraversalsIndexesAndSplats) {
  EXPECT_EQ(expr("var.a"), "(traverse var .a)");
  EXPECT_EQ(expr("a.b[0][\"k\"]"), "(traverse a .b [0] [(template \"k\")])");
  EXPECT_EQ(expr("a.0.b"), "(traverse a .0 .b)");
  EXPECT_EQ(expr("a[*].id"), "(traverse a [*] .id)");
  EXPECT_EQ(expr("a.*.id"), "(traverse a .* .id)");
  EXPECT_EQ(expr("a.*.b.0"), "(traverse a .* .b .0)");
  EXPECT_EQ(expr("f(x).y[i + 1]"), "(traverse (call f x) .y [(+ i 1)])");
  EXPECT_EQ(expr("(a).b"), "(traverse (paren a) .b)");
  EXPECT_EQ(expr("[1, 2][0]"), "(traverse (tuple 1 2) [0])");
  EXPECT_EQ(expr("a[\n  0\n]"), "(traverse a [0])");
}

TEST(HclParser, ForExpressions) {
  EXPECT_EQ(expr("[for x in xs : upper(x)]"), "(for-tuple x in xs value (call upper x))");
  EXPECT_EQ(expr("[for i, x in xs : x if i > 0]"), "(for-tuple i x in xs value x if (> i 0))");
  EXPECT_EQ(expr("{for k, v in m : v => k...}"), "(for-object k v in m key v value k ...)");
  EXPECT_EQ(expr("{\n  for k, v in m :\n  k => v\n  if v != null\n}"),
            "(for-object k v in m key k value v if (!= v null))");
  EXPECT_EQ(expr("[for x in [1] : x]"), "(for-tuple x in (tuple 1) value x)");
}

TEST(HclParser, OperatorPrecedenceAndAssociativity) {
  EXPECT_EQ(expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(expr("(1 + 2) * 3"), "(* (paren (+ 1 2)) 3)");
  EXPECT_EQ(expr("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(expr("8 / 4 % 3 * 2"), "(* (% (/ 8 4) 3) 2)");
  EXPECT_EQ(expr("a || b && c"), "(|| a (&& b c))");
  EXPECT_EQ(expr("a == b < c"), "(== a (< b c))");
  EXPECT_EQ(expr("a < b == c >= d"), "(== (< a b) (>= c d))");
  EXPECT_EQ(expr("!a && b"), "(&& (! a) b)");
  EXPECT_EQ(expr("-1 + 2"), "(+ (- 1) 2)");
  EXPECT_EQ(expr("-a.b[0]"), "(- (traverse a .b [0]))");
  EXPECT_EQ(expr("!!a"), "(! (! a))");
  EXPECT_EQ(expr("a ? b : c ? d : e"), "(? a b (? c d e))");
  EXPECT_EQ(expr("a || b ? 1 + 2 : 3"), "(? (|| a b) (+ 1 2) 3)");
}

TEST(HclParser, SourceRangesAndTokenSpans) {
  std::string source = "a = 1\nlong_name = [\n  x,\n  y,\n]\n";
  ParseResult result = parse_hcl(source);
  ASSERT_TRUE(result.ok());
  const Attribute& long_name = result.file.body.attributes.at(1);
  EXPECT_EQ(long_name.name_range.start.line, 2);
  EXPECT_EQ(long_name.name_range.start.column, 1);
  EXPECT_EQ(long_name.value->range.start.line, 2);
  EXPECT_EQ(long_name.value->range.start.column, 13);
  EXPECT_EQ(long_name.value->range.end.line, 5);
  EXPECT_EQ(long_name.value->range.end.column, 2);
  const std::vector<Token>& tokens = result.file.tokens;
  EXPECT_EQ(tokens[long_name.value_tokens.first].text, "[");
  EXPECT_EQ(tokens[long_name.value_tokens.last - 1].text, "]");
}

TEST(HclParser, CommentsAreKeptAndAttached) {
  std::string source =
      "# about a\n"
      "// more about a\n"
      "a = 1 # after a\n"
      "\n"
      "/* about the block */\n"
      "b {\n"
      "  c = 2 /* inline */\n"
      "}\n";
  ParseResult result = parse_hcl(source);
  ASSERT_TRUE(result.ok());
  const File& file = result.file;
  ASSERT_EQ(file.comments.size(), 5u);
  EXPECT_EQ(file.comments[0].text, "# about a\n");
  EXPECT_EQ(file.comments[3].text, "/* about the block */");
  EXPECT_EQ(file.comments[3].range.start.line, 5);
  const Attribute& a = file.body.attributes.at(0);
  EXPECT_EQ(a.comments.leading, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(a.comments.trailing, (std::vector<std::size_t>{2}));
  const Block& b = file.body.blocks.at(0);
  EXPECT_EQ(b.comments.leading, (std::vector<std::size_t>{3}));
  EXPECT_EQ(b.body.attributes.at(0).comments.trailing, (std::vector<std::size_t>{4}));
}

TEST(HclParser, CrlfAndByteOrderMark) {
  EXPECT_EQ(body_of("a = 1\r\nb {\r\n  c = <<EOF\r\nx\r\nEOF\r\n}\r\n"),
            "a = 1\nb {\n  c = (heredoc EOF \"x\\r\\n\")\n}\n");
  ParseResult result = parse_hcl(
      "\xEF\xBB\xBF"
      "a = 1\n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.file.body.attributes.at(0).name_range.start.column, 4);
}

TEST(HclParser, KeywordsAreOrdinaryNamesOutsideTheirPlace) {
  EXPECT_EQ(body_of("for = 1\nin = for\nif = [in]\n"), "for = 1\nin = for\nif = (tuple in)\n");
  EXPECT_EQ(expr("a-b"), "a-b");  // identifiers may contain dashes
  EXPECT_EQ(expr("a - b"), "(- a b)");
}

}  // namespace
}  // namespace infragen::hcl
