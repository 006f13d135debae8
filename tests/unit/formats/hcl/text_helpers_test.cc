// Unicode columns (as hclwrite aligns) and string escapes (as hclsyntax reads and hclwrite
// writes them).
#include <gtest/gtest.h>

#include <string>

#include "formats/hcl/string_literal.h"
#include "formats/hcl/unicode_text.h"

namespace infragen::hcl {
namespace {

TEST(UnicodeText, ColumnsCountUserPerceivedCharacters) {
  EXPECT_EQ(display_columns(""), 0);
  EXPECT_EQ(display_columns("abc"), 3);
  EXPECT_EQ(display_columns("\r\n"), 1);
  EXPECT_EQ(display_columns("\xC3\xA9"), 1);                          // é precomposed
  EXPECT_EQ(display_columns("e\xCC\x81"), 1);                         // e + combining acute
  EXPECT_EQ(display_columns("\xE6\x97\xA5\xE6\x9C\xAC"), 2);          // two CJK characters
  EXPECT_EQ(display_columns("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"), 1);  // flag: two indicators
  EXPECT_EQ(display_columns("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"), 1);  // ZWJ emoji
  EXPECT_EQ(display_columns("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), 1);          // Hangul L V T
  EXPECT_EQ(display_columns("\xFF"
                            "a"),
            2)
      << "invalid bytes count one column each";
}

TEST(UnicodeText, DecodesUtf8LikeTheScanner) {
  EXPECT_EQ(decode_utf8("\xC3\xA9", 0).code_point, 0xE9u);
  EXPECT_EQ(decode_utf8("\xF0\x9F\x98\x80", 0).length, 4u);
  EXPECT_EQ(decode_utf8("\xC3", 0).length, 0u);
  EXPECT_EQ(decode_utf8("\x80", 0).length, 0u);
  EXPECT_EQ(decode_utf8("\xF8\x80\x80\x80\x80", 0).length, 0u);
}

TEST(UnicodeText, IdentifierCharacters) {
  EXPECT_TRUE(is_identifier_start(U'a'));
  EXPECT_TRUE(is_identifier_start(U'_'));
  EXPECT_TRUE(is_identifier_start(0xE9));
  EXPECT_FALSE(is_identifier_start(U'1'));
  EXPECT_FALSE(is_identifier_start(U'-'));
  EXPECT_TRUE(is_identifier_continue(U'-'));
  EXPECT_TRUE(is_identifier_continue(0x301));  // combining mark
  EXPECT_FALSE(is_identifier_start(0x301));
  EXPECT_FALSE(is_identifier_start(0xA0));     // no-break space
  EXPECT_FALSE(is_identifier_start(0x1F600));  // emoji
}

TEST(StringLiteral, DecodesQuotedEscapes) {
  std::string out;
  EscapeError error;
  ASSERT_TRUE(
      decode_template_literal("a\\n\\t\\r\\\"\\\\\\u00e9\\U0001F600$${x}%%{y}", true, out, error));
  EXPECT_EQ(out, "a\n\t\r\"\\\xC3\xA9\xF0\x9F\x98\x80${x}%{y}");
  ASSERT_TRUE(decode_template_literal("no \\escapes in heredocs $${x}", false, out, error));
  EXPECT_EQ(out, "no \\escapes in heredocs ${x}");
}

TEST(StringLiteral, RejectsInvalidEscapes) {
  std::string out;
  EscapeError error;
  EXPECT_FALSE(decode_template_literal("ab\\x", true, out, error));
  EXPECT_EQ(error.offset, 2u);
  EXPECT_FALSE(decode_template_literal("\\u12G4", true, out, error));
  EXPECT_FALSE(decode_template_literal("\\uD800", true, out, error)) << "a surrogate";
  EXPECT_FALSE(decode_template_literal("\\U00110000", true, out, error)) << "beyond Unicode";
  EXPECT_FALSE(decode_template_literal("trailing\\", true, out, error));
}

TEST(StringLiteral, QuotesLikeHclwrite) {
  EXPECT_EQ(quote_string_body("plain"), "plain");
  EXPECT_EQ(quote_string_body("a\nb\t\"c\"\\"), "a\\nb\\t\\\"c\\\"\\\\");
  EXPECT_EQ(quote_string_body("${x} %{y} $ %"), "$${x} %%{y} $ %");
  EXPECT_EQ(quote_string_body("\xC3\xA9\xF0\x9F\x98\x80"), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(quote_string_body("\x07\xC2\xA0"), "\\u0007\\u00a0");
  EXPECT_EQ(quote_string_body("\xF3\xA0\x80\x81"), "\\U000e0001");
}

}  // namespace
}  // namespace infragen::hcl
