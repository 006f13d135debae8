#include "render/shell_words.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(ShellWords, AnsiCQuotingKeepsEverythingLiteralOnOneLine) {
  EXPECT_EQ(ansi_c_quoted("A=plain"), "$'A=plain'");
  EXPECT_EQ(ansi_c_quoted("B=say \"hi\" $HOME"), "$'B=say \"hi\" $HOME'");
  EXPECT_EQ(ansi_c_quoted("C=it's"), "$'C=it\\'s'");
  EXPECT_EQ(ansi_c_quoted("D=multi\nline\\"), "$'D=multi\\nline\\\\'");
  // GitHub Actions evaluates "${{ ... }}" anywhere in a run step: never let one through.
  EXPECT_EQ(ansi_c_quoted("E=${{ secrets.X }}"), "$'E=$\\x7b\\x7b secrets.X }}'");
  EXPECT_EQ(ansi_c_quoted(std::string("F=\x01", 3)), "$'F=\\x01'");
}

}  // namespace
}  // namespace infragen
