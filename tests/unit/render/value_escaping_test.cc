#include "render/value_escaping.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(HclEscaping, QuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(escape_hcl_string("say \"hi\"\\n"), "say \\\"hi\\\"\\\\n");
  EXPECT_EQ(escape_hcl_string("a\nb\tc\rd\x01"), "a\\nb\\tc\\rd\\u0001");
}

TEST(HclEscaping, TemplateSequencesNeverBecomeExpressions) {
  EXPECT_EQ(escape_hcl_string("${var.x}"), "$${var.x}");
  EXPECT_EQ(escape_hcl_string("%{if x}"), "%%{if x}");
  EXPECT_EQ(escape_hcl_string("$${already}"), "$$${already}");
  EXPECT_EQ(escape_hcl_string("cost: 5$ or 10% {ok}"), "cost: 5$ or 10% {ok}");
  EXPECT_EQ(escape_hcl_string("end$"), "end$");
}

TEST(JsonEscaping, StringContent) {
  EXPECT_EQ(escape_json_string("\"q\" \\ / \b\f\n\r\t\x1f é"),
            "\\\"q\\\" \\\\ / \\b\\f\\n\\r\\t\\u001f é");
}

TEST(YamlEscaping, DoubleQuotedContent) {
  EXPECT_EQ(escape_yaml_double_quoted(std::string("\"\\\n\r\t\0\a\b\v\f\x1b\x7f", 12)),
            "\\\"\\\\\\n\\r\\t\\0\\a\\b\\v\\f\\e\\x7f");
  EXPECT_EQ(escape_yaml_double_quoted("x\xc2\x85y\xe2\x80\xa8z\xe2\x80\xa9"), "x\\Ny\\Lz\\P");
  EXPECT_EQ(escape_yaml_double_quoted("ünïcode: ok # not a comment"),
            "ünïcode: ok # not a comment");
}

TEST(EscaperForKind, SelectsByKind) {
  EXPECT_EQ(escaper_for_kind("hcl")("${x}"), "$${x}");
  EXPECT_EQ(escaper_for_kind("json")("\""), "\\\"");
  EXPECT_EQ(escaper_for_kind("cloudformation")("\n"), "\\n");
  EXPECT_EQ(escaper_for_kind("yaml")("\x1b"), "\\e");
  EXPECT_EQ(escaper_for_kind("shell")("$(rm -rf /) \"x\""), "$(rm -rf /) \"x\"");
  EXPECT_EQ(escaper_for_kind("markdown")("<b>"), "<b>");
}

}  // namespace
}  // namespace infragen
