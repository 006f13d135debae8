#include <gtest/gtest.h>

#include "finisher_test_support.h"
#include "formats/finish.h"

namespace infragen {
namespace {

using testing::printed;
using testing::rendered;

TEST(HclFinisher, FormatsLikeTerraformFmt) {
  Diagnostics diagnostics;
  auto out = finish_file(rendered("hcl", "locals {\nname=\"vote\"\nport = 80\n}\n"), diagnostics);
  ASSERT_TRUE(out) << printed(diagnostics);
  EXPECT_EQ(*out, "locals {\n  name = \"vote\"\n  port = 80\n}\n");
}

TEST(HclFinisher, SyntaxErrorIsReportedAtTheTemplateLine) {
  Diagnostics diagnostics;
  EXPECT_FALSE(
      finish_file(rendered("hcl", "locals {\n  name = \"vote\n}\n", {3, 7, 9}), diagnostics));
  // The unterminated string on generated line 2 came from template line 7.
  const Diagnostic* on_line_two = nullptr;
  for (const Diagnostic& diagnostic : diagnostics.all()) {
    if (diagnostic.hint == "in generated file out/file, line 2 (shown above)")
      on_line_two = &diagnostic;
  }
  ASSERT_NE(on_line_two, nullptr) << printed(diagnostics);
  EXPECT_EQ(on_line_two->location.file->path(), "tpl/t.mustache");
  EXPECT_EQ(on_line_two->location.line, 7);
  EXPECT_EQ(on_line_two->message.rfind("invalid HCL: ", 0), 0u) << on_line_two->message;
  EXPECT_EQ(on_line_two->location.file->line(7), "  name = \"vote");
}

}  // namespace
}  // namespace infragen
