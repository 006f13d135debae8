// Syntax errors: exact line:column and message, recovery to report several per run, and
// limits that keep hostile input from exhausting the stack.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "formats/hcl/parser.h"

namespace infragen::hcl {
namespace {

std::vector<std::string> errors_of(const std::string& source) {
  ParseResult result = parse_hcl(source);
  std::vector<std::string> out;
  for (const SyntaxError& e : result.errors) {
    out.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message);
  }
  return out;
}

std::string first_error(const std::string& source) {
  std::vector<std::string> errors = errors_of(source);
  return errors.empty() ? "no error" : errors.front();
}

TEST(HclParseErrors, BodyStructure) {
  EXPECT_EQ(first_error("a = \n"), "1:5: expected an expression, found newline");
  EXPECT_EQ(first_error("a = 1\na = 2\n"),
            "2:1: attribute 'a' is already set at line 1; each argument may be set only once");
  EXPECT_EQ(first_error("resource \"x\" {\n"),
            "1:14: unclosed block: no matching '}' before the end of the file");
  EXPECT_EQ(first_error("\"a\" = 1\n"), "1:1: argument names must not be quoted");
  EXPECT_EQ(first_error("b x = 1\n"),
            "1:5: '=' after block labels: a block definition has no '=' (an argument has no "
            "labels)");
  EXPECT_EQ(first_error("b\n{\n}\n"), "1:2: expected '=' after argument name 'b', or a block body");
  EXPECT_EQ(first_error("b \"x\"\n{\n}\n"),
            "1:6: block 'b' needs its opening '{' on the same line as its type and labels");
  EXPECT_EQ(first_error("a 1\n"), "1:3: expected '=' or a block body after 'a', found number");
  EXPECT_EQ(first_error("a = 1, b = 2\n"),
            "1:6: unexpected ',' after argument: arguments are separated by newlines, not commas");
  EXPECT_EQ(first_error("b {\n  x = 1 2\n}\n"),
            "2:9: missing newline after argument 'x' (found number)");
  EXPECT_EQ(first_error("b {} c = 1\n"),
            "1:6: missing newline after the '}' of block 'b' (found identifier)");
}

TEST(HclParseErrors, SingleLineBlocks) {
  EXPECT_EQ(first_error("b { a = 1, b = 2 }\n"),
            "1:10: a single-line block can contain only one argument; use one line per argument "
            "in a multi-line block");
  EXPECT_EQ(first_error("b { c {} }\n"),
            "1:5: a single-line block can contain only one argument; put a nested block on its "
            "own line inside a multi-line block");
  EXPECT_EQ(first_error("b { a = 1\n}\n"),
            "1:10: an argument on the same line as its block's '{' makes a single-line block, "
            "which must also end with '}' on that line");
}

TEST(HclParseErrors, Strings) {
  EXPECT_EQ(first_error("a = \"abc\n"),
            "1:5: unterminated string: a quoted string must end on the line where it starts (use "
            "\\n or a heredoc for line breaks)");
  EXPECT_EQ(first_error("a = \"ok\\q\"\n"),
            "1:8: invalid escape sequence \\q: use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or "
            "\\UNNNNNNNN");
  EXPECT_EQ(first_error("a = \"\\u12\"\n"),
            "1:6: invalid escape sequence: \\u must be followed by 4 hexadecimal digits");
  EXPECT_EQ(first_error("a = \"\\UFFFFFFFF\"\n"),
            "1:6: invalid escape sequence: cannot encode character U+FFFFFFFF in UTF-8");
  EXPECT_EQ(first_error("a = 'x'\n"),
            "1:5: single quotes are not valid; strings use double quotes");
  EXPECT_EQ(first_error("b \"x\" \"${y}\" {}\n"),
            "1:8: block labels cannot contain template sequences; write '$${' for a literal '${'");
}

TEST(HclParseErrors, Templates) {
  EXPECT_EQ(first_error("a = \"${x\"\n"), "1:6: unclosed interpolation: '${' has no matching '}'");
  EXPECT_EQ(first_error("a = \"${x y}\"\n"),
            "1:10: expected '}' to end the interpolation, found identifier; to write a literal "
            "'${' escape it as '$${'");
  EXPECT_EQ(first_error("a = \"%{ if x }y\"\n"),
            "1:6: the 'if' directive has no matching '%{endif}'");
  EXPECT_EQ(first_error("a = \"%{ endif }\"\n"), "1:6: '%{endif}' without an open 'if' directive");
  EXPECT_EQ(first_error("a = \"%{ for x in y }%{ endif }\"\n"),
            "1:21: '%{endif}' closes the 'for' directive started at line 1, column 6");
  EXPECT_EQ(first_error("a = \"%{ if x }%{ else }%{ else }%{ endif }\"\n"),
            "1:24: a second '%{else}' in the same 'if' directive");
  EXPECT_EQ(first_error("a = \"%{ while x }\"\n"),
            "1:9: unknown template directive 'while' (expected if, else, endif, for or endfor)");
  EXPECT_EQ(first_error("a = <<EOF\nx\n"),
            "1:5: unterminated heredoc: no line with the closing marker 'EOF' alone on it "
            "(followed by a line break)");
  EXPECT_EQ(first_error("a = <<EOF\nx\nEOF"),
            "1:5: unterminated heredoc: no line with the closing marker 'EOF' alone on it "
            "(followed by a line break)");
}

TEST(HclParseErrors, Expressions) {
  EXPECT_EQ(first_error("a = [1 2]\n"),
            "1:8: expected ',' between tuple elements or ']', found number");
  EXPECT_EQ(first_error("a = {b = 1 c = 2}\n"),
            "1:12: expected a newline or ',' between object attributes, or '}', found identifier");
  EXPECT_EQ(first_error("a = {b}\n"), "1:7: expected '=' after the object key, found '}'");
  EXPECT_EQ(first_error("a = f(1 2)\n"),
            "1:9: expected ',' between function arguments or ')', found number");
  EXPECT_EQ(first_error("a = f(x..., y)\n"),
            "1:8: an expanded argument ('...') must be the last argument");
  EXPECT_EQ(first_error("a = 1.5.3\n"), "1:5: invalid number literal '1.5.3'");
  EXPECT_EQ(first_error("a = x.0.1\n"),
            "1:7: legacy index syntax cannot chain two indexes; write [0][1]");
  EXPECT_EQ(first_error("a = x.\n"), "1:7: expected an attribute name after '.', found newline");
  EXPECT_EQ(first_error("a = x ? 1\n"),
            "1:10: expected ':' and the false result of the conditional, found newline");
  EXPECT_EQ(first_error("a = 1 & 2\n"), "1:7: '&' is not an operator; did you mean '&&'?");
  EXPECT_EQ(first_error("a = (1\n"), "2:1: expected ')', found end of file");
  EXPECT_EQ(first_error("a = /* never closed\n"),
            "1:5: unterminated comment: '/*' has no matching '*/'");
  EXPECT_EQ(first_error("a = x\n  + 1\n"),
            "2:3: expected an argument or block definition, found '+'");
}

TEST(HclParseErrors, ForExpressions) {
  EXPECT_EQ(first_error("a = [for x in y: k => x]\n"),
            "1:20: '=>' is only valid in a 'for' expression that builds an object ({for ...})");
  EXPECT_EQ(first_error("a = {for x in y: x}\n"),
            "1:18: a 'for' expression that builds an object needs a key: {for k, v in x : k => v}");
  EXPECT_EQ(first_error("a = [for x in y: x...]\n"),
            "1:19: grouping '...' is only valid in a 'for' expression that builds an object ({for "
            "...})");
  EXPECT_EQ(first_error("a = [for x y: x]\n"),
            "1:12: expected 'in' after the variable names of 'for', found identifier");
  EXPECT_EQ(first_error("a = [for x in y x]\n"),
            "1:17: expected ':' after the collection of 'for', found identifier");
}

TEST(HclParseErrors, SeveralErrorsInOneRun) {
  EXPECT_EQ(errors_of("a = 1\nb = \nc = [1 2]\nd {\n  e = 1 2\n}\nf = ok\n"),
            (std::vector<std::string>{
                "2:5: expected an expression, found newline",
                "3:8: expected ',' between tuple elements or ']', found number",
                "5:9: missing newline after argument 'e' (found number)",
            }));
  EXPECT_EQ(errors_of("a = 1\na = 2\nb = [\n"),
            (std::vector<std::string>{
                "2:1: attribute 'a' is already set at line 1; each argument may be set only once",
                "4:1: expected an expression, found end of file"}));
  // A stray '}' after an argument in a block is one error, not also an unclosed block.
  EXPECT_EQ(errors_of("a {\nb = 1 }\nc = 2\n"),
            (std::vector<std::string>{"2:7: missing newline after argument 'b' (found '}')"}));
}

TEST(HclParseErrors, DeepNestingIsAnErrorNotACrash) {
  std::string brackets = "a = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_EQ(first_error(brackets), "1:105: nesting is too deep (more than 100 levels)");
  std::string blocks;
  for (int i = 0; i < 5000; ++i) blocks += "b {\n";
  std::vector<std::string> block_errors = errors_of(blocks);
  EXPECT_NE(std::find(block_errors.begin(), block_errors.end(),
                      "101:1: nesting is too deep (more than 100 levels)"),
            block_errors.end());
  std::string negations = "a = " + std::string(100000, '!') + "x\n";
  EXPECT_NE(first_error(negations), "no error");
  std::string templates = "a = ";
  for (int i = 0; i < 3000; ++i) templates += "\"${";
  EXPECT_NE(first_error(templates), "no error");
  std::string chain = "a = x";
  for (int i = 0; i < 5000; ++i) chain += " + x";
  EXPECT_EQ(first_error(chain + "\n"),
            "1:5: expression is too complex (more than 1000 nested operations)");
}

TEST(HclParseErrors, ErrorCountIsBounded) {
  std::string source;
  for (int i = 0; i < 500; ++i) source += "a b c = 1\n";
  EXPECT_EQ(errors_of(source).size(), 50u);
}

TEST(HclParseErrors, InvalidCharactersAndEncoding) {
  EXPECT_EQ(first_error("a = \xFF\n"), "1:5: invalid UTF-8 encoding");
  EXPECT_EQ(first_error("a = 1;\n"),
            "1:6: ';' is not valid here; put each argument on its own line");
  EXPECT_EQ(first_error("a = \xC2\xA0 1\n"), "1:5: invalid character '\xC2\xA0'");
  EXPECT_EQ(first_error("a = 1\rb = 2\n"), "1:6: carriage return without a line feed");
}

}  // namespace
}  // namespace infragen::hcl
