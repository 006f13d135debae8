#include <gtest/gtest.h>

#include "finisher_test_support.h"
#include "formats/finish.h"

namespace infragen {
namespace {

using testing::printed;
using testing::rendered;

TEST(JsonFinisher, PrintsCanonicalJson) {
  Diagnostics diagnostics;
  auto out = finish_file(
      rendered("json", "{\"b\": 1, \"a\": {\"d\": [1, 2.5, true, null], \"c\": \"x\\u00e9\"}}"),
      diagnostics);
  ASSERT_TRUE(out) << printed(diagnostics);
  EXPECT_EQ(
      *out,
      "{\n  \"a\": {\n    \"c\": \"x\xc3\xa9\",\n    \"d\": [\n      1,\n      2.5,\n      true,\n"
      "      null\n    ]\n  },\n  \"b\": 1\n}\n");
}

TEST(JsonFinisher, ParseErrorIsReportedAtTheTemplateLine) {
  Diagnostics diagnostics;
  auto out = finish_file(rendered("json", "{\n  \"a\": 1,\n}\n", {1, 4, 9}), diagnostics);
  EXPECT_FALSE(out);
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:9:1: error: invalid JSON: syntax error while parsing object key - "
            "unexpected '}'; expected string literal\n"
            "}\n"
            "^\n"
            "  hint: in generated file out/file, line 3 (shown above)\n"
            "1 error generated.\n");
}

TEST(JsonFinisher, UnexpectedEndPointsAfterTheLastCharacter) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("json", "{\"a\": [1,\n", {7}), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:7:10: error: invalid JSON: syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal\n"
            "{\"a\": [1,\n"
            "         ^\n"
            "  hint: in generated file out/file, line 1 (shown above)\n"
            "1 error generated.\n");
}

TEST(JsonFinisher, DuplicateKeyIsAnError) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(
      rendered("json", "{\n  \"x\": {\"a\": 1},\n  \"a\": 2,\n  \"a\": 3\n}\n", {1, 2, 3, 4, 5}),
      diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:4:3: error: duplicate key 'a'\n"
            "  \"a\": 3\n"
            "  ^\n"
            "  hint: in generated file out/file, line 4 (shown above)\n"
            "1 error generated.\n");
}

TEST(JsonFinisher, SameKeyInDifferentObjectsIsFine) {
  Diagnostics diagnostics;
  EXPECT_TRUE(finish_file(rendered("json", "[{\"a\": 1}, {\"a\": 2}]"), diagnostics));
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(JsonFinisher, WithoutOriginsTheTemplateIsNamed) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("json", "nope"), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache: error: invalid JSON: syntax error while parsing value - invalid "
            "literal; last read: 'no'\n"
            "  hint: in generated file out/file, line 1\n"
            "1 error generated.\n");
}

TEST(TextFinisher, NormalisesLineEndsAndAddsFinalNewline) {
  Diagnostics diagnostics;
  EXPECT_EQ(finish_file(rendered("markdown", "# a\r\nb  "), diagnostics), "# a\nb  \n");
  EXPECT_EQ(finish_file(rendered("shell", "#!/bin/sh\necho hi\n"), diagnostics),
            "#!/bin/sh\necho hi\n");
  EXPECT_EQ(finish_file(rendered("text", ""), diagnostics), "");
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(FinishFile, UnknownKindIsAnError) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("toml", "a = 1\n"), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache: error: unknown file kind 'toml'\n1 error generated.\n");
}

}  // namespace
}  // namespace infragen
