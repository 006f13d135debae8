// with_lf_and_final_newline: CR LF becomes LF, a lone CR stays, the text ends with one newline.
#include <gtest/gtest.h>

#include "formats/generated_file_error.h"

namespace infragen {
namespace {

TEST(LineEndings, CrLfBecomesLfAndALoneCrStays) {
  EXPECT_EQ(with_lf_and_final_newline("a\r\nb\r\n"), "a\nb\n");
  EXPECT_EQ(with_lf_and_final_newline("a\rb"), "a\rb\n");
  EXPECT_EQ(with_lf_and_final_newline("a\r"), "a\r\n");
  EXPECT_EQ(with_lf_and_final_newline("\r\r\n\r"), "\r\n\r\n");
}

TEST(LineEndings, AFinalNewlineIsAddedOnlyWhenMissing) {
  EXPECT_EQ(with_lf_and_final_newline(""), "");
  EXPECT_EQ(with_lf_and_final_newline("x"), "x\n");
  EXPECT_EQ(with_lf_and_final_newline("x\n"), "x\n");
  EXPECT_EQ(with_lf_and_final_newline("x\n\n"), "x\n\n");
}

}  // namespace
}  // namespace infragen
