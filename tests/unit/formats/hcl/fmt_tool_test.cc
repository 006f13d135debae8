// `infragen fmt`: rewriting in place, --check with a diff, errors with carets, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "formats/hcl/fmt_tool.h"

namespace infragen::hcl {
namespace {

class FmtTool : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("hcl_fmt_tool_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
  }
  int run(std::vector<std::string> files, bool check) {
    out_.str("");
    err_.str("");
    return run_fmt_tool(files, check, out_, err_);
  }

  std::filesystem::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(FmtTool, CanonicalFilesAreLeftAlone) {
  std::string path = write("ok.tf", "a = 1\n");
  EXPECT_EQ(run({path}, false), 0);
  EXPECT_EQ(run({path}, true), 0);
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(read(path), "a = 1\n");
}

TEST_F(FmtTool, RewritesFilesInPlaceAndNamesThem) {
  std::string path = write("messy.tf", "a=1\nbb = 2\n");
  EXPECT_EQ(run({path}, false), 0);
  EXPECT_EQ(read(path), "a  = 1\nbb = 2\n");
  EXPECT_EQ(out_.str(), path + "\n");
  EXPECT_EQ(run({path}, true), 0) << "a rewritten file is canonical";
}

TEST_F(FmtTool, CheckPrintsADiffAndDoesNotWrite) {
  std::string path = write("messy.tf", "x = 1\na=1\n");
  EXPECT_EQ(run({path}, true), 1);
  EXPECT_EQ(read(path), "x = 1\na=1\n");
  EXPECT_EQ(out_.str(),
            "--- a/" + path + "\n+++ b/" + path + "\n@@ -1,2 +1,2 @@\n x = 1\n-a=1\n+a = 1\n");
}

TEST_F(FmtTool, SyntaxErrorsAreReportedWithACaret) {
  std::string path = write("bad.tf", "a = 1\nb = [1 2]\n");
  EXPECT_EQ(run({path}, false), 1);
  EXPECT_EQ(err_.str(), path +
                            ":2:8: error: expected ',' between tuple elements or ']', found "
                            "number\nb = [1 2]\n       ^\n");
  EXPECT_EQ(read(path), "a = 1\nb = [1 2]\n") << "a file with errors is never rewritten";
}

TEST_F(FmtTool, UnreadableFilesExitWithTwo) {
  std::string good = write("good.tf", "a=1\n");
  std::string missing = (dir_ / "missing.tf").string();
  EXPECT_EQ(run({missing, good}, true), 2);
  EXPECT_EQ(err_.str(), missing + ": error: cannot read file\n");
  EXPECT_NE(out_.str().find("+a = 1"), std::string::npos) << "other files are still checked";
  EXPECT_EQ(run({dir_.string()}, false), 2) << "a directory is not a file";
}

}  // namespace
}  // namespace infragen::hcl
