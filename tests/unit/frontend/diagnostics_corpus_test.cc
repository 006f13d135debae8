// tests/diagnostics/: every bad manifest prints exactly its .expected text; the examples print
// nothing. Run with INFRAGEN_UPDATE_EXPECTED=1 to rewrite the .expected files (then read them).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/manifest.h"

namespace infragen {
namespace {

namespace fs = std::filesystem;

// Display paths in diagnostics are relative to the source tree, as when a user runs
// `infragen validate tests/diagnostics/x.yaml` from the repository root.
class DiagnosticsCorpus : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(chdir(INFRAGEN_SOURCE_DIR), 0); }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string printed_diagnostics(const std::string& path, bool& loaded) {
  Diagnostics diagnostics;
  loaded = load_manifest(path, diagnostics).has_value();
  std::ostringstream out;
  diagnostics.print(out);
  return out.str();
}

bool updating() {
  const char* flag = std::getenv("INFRAGEN_UPDATE_EXPECTED");
  return flag && std::string(flag) == "1";
}

TEST_F(DiagnosticsCorpus, EveryBadManifestPrintsItsExpectedText) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator("tests/diagnostics")) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_GE(names.size(), 35u);
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    const std::string manifest = "tests/diagnostics/" + name + ".yaml";
    const fs::path expected_path = "tests/diagnostics/" + name + ".expected";
    bool loaded = false;
    const std::string actual = printed_diagnostics(manifest, loaded);
    EXPECT_FALSE(loaded) << manifest << " is meant to be rejected";
    EXPECT_TRUE(actual.ends_with(" generated.\n")) << actual;
    if (updating()) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing";
    EXPECT_EQ(actual, read_file(expected_path));
  }
}

TEST_F(DiagnosticsCorpus, ExamplesLoadWithoutAnyDiagnostic) {
  for (const char* app : {"voting", "todo", "rates", "uploads", "hello"}) {
    const std::string path = std::string("examples/") + app + "/app.yaml";
    SCOPED_TRACE(path);
    ASSERT_TRUE(fs::exists(path));
    bool loaded = false;
    EXPECT_EQ(printed_diagnostics(path, loaded), "");
    EXPECT_TRUE(loaded);
  }
}

}  // namespace
}  // namespace infragen
