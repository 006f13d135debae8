// Formats every tests/hcl/NAME.tf and compares with NAME.tf.expected, recorded with
// `terraform fmt -` (tests/conformance/hcl_corpus_terraform.sh keeps the two in step).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/hcl/hcl_format.h"

namespace infragen::hcl {
namespace {

const std::filesystem::path kCorpusDir = std::filesystem::path(INFRAGEN_SOURCE_DIR) / "tests/hcl";

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> corpus_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() == ".tf") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class HclCorpus : public testing::TestWithParam<std::string> {};

TEST_P(HclCorpus, FormatsLikeTerraformAndIsIdempotent) {
  const std::filesystem::path input = kCorpusDir / (GetParam() + ".tf");
  const std::filesystem::path expected_path = kCorpusDir / (GetParam() + ".tf.expected");
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << expected_path << " is missing";
  const std::string expected = read_bytes(expected_path);

  FormatResult result = format_hcl(read_bytes(input));
  ASSERT_TRUE(result.ok()) << input << ":" << result.errors.front().line << ":"
                           << result.errors.front().column << ": " << result.errors.front().message;
  EXPECT_EQ(result.formatted, expected);

  FormatResult again = format_hcl(result.formatted);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.formatted, result.formatted) << "format(format(x)) != format(x)";

  FormatResult of_expected = format_hcl(expected);
  ASSERT_TRUE(of_expected.ok());
  EXPECT_EQ(of_expected.formatted, expected) << "terraform's output is not canonical for us";
}

INSTANTIATE_TEST_SUITE_P(Files, HclCorpus, testing::ValuesIn(corpus_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

TEST(HclCorpusSize, HasAtLeastSixtyInputsEachWithAnExpectation) {
  std::vector<std::string> names = corpus_names();
  EXPECT_GE(names.size(), 60u);
  for (const std::string& name : names) {
    EXPECT_TRUE(std::filesystem::exists(kCorpusDir / (name + ".tf.expected"))) << name;
  }
}

}  // namespace
}  // namespace infragen::hcl
