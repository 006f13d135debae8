#include <gtest/gtest.h>

#include "finisher_test_support.h"
#include "formats/finish.h"
#include "formats/yaml/simple_yaml.h"

namespace infragen {
namespace {

using testing::printed;
using testing::rendered;

TEST(YamlFinisher, KeepsTextOfEveryValidDocument) {
  Diagnostics diagnostics;
  auto out = finish_file(rendered("yaml", "a: 1\r\nb: [x, y]\n---\nc: \"q\""), diagnostics);
  ASSERT_TRUE(out) << printed(diagnostics);
  EXPECT_EQ(*out, "a: 1\nb: [x, y]\n---\nc: \"q\"\n");
}

// One document in the subset of YAML the templates write takes the fast reader: the text is
// kept as it is, comments, quotes and literal blocks included.
TEST(YamlFinisher, KeepsTheTextOfASimpleDocument) {
  const std::string text =
      "#cloud-config\n"
      "runcmd:\n"
      "  - [sh, -c, 'echo \"a: b\"']  # a comment\n"
      "write_files:\n"
      "  - path: /etc/app.env\n"
      "    content: |\n"
      "      A=1\n"
      "      B=\"two words\"\n";
  ASSERT_TRUE(read_simple_yaml(text));
  Diagnostics diagnostics;
  auto out = finish_file(rendered("yaml", text), diagnostics);
  ASSERT_TRUE(out) << printed(diagnostics);
  EXPECT_EQ(*out, text);
}

TEST(YamlFinisher, SyntaxErrorIsReportedAtTheTemplateLine) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("yaml", "services:\n  web:\n    image: a: b\n", {1, 5, 6}),
                           diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:6:13: error: invalid YAML: illegal map value\n"
            "    image: a: b\n"
            "            ^\n"
            "  hint: in generated file out/file, line 3 (shown above)\n"
            "1 error generated.\n");
}

TEST(YamlFinisher, ErrorInSecondDocumentIsFound) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("yaml", "a: 1\n---\nb: [\n", {1, 2, 3}), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:3:5: error: invalid YAML: end of sequence flow not found\n"
            "b: [\n"
            "    ^\n"
            "  hint: in generated file out/file, line 3 (shown above)\n"
            "1 error generated.\n");
}

TEST(YamlFinisher, DuplicateKeyIsAnError) {
  Diagnostics diagnostics;
  EXPECT_FALSE(
      finish_file(rendered("yaml", "env:\n  A: 1\n  B: 2\n  A: 3\n", {1, 3, 3, 8}), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:8:3: error: duplicate key 'A'\n"
            "  A: 3\n"
            "  ^\n"
            "  hint: in generated file out/file, line 4 (shown above)\n"
            "1 error generated.\n");
}

}  // namespace
}  // namespace infragen
