#include <gtest/gtest.h>

#include <sstream>

#include "output/output_set.h"
#include "output/ownership.h"
#include "output/sha256.h"
#include "output_test_support.h"
#include "temp_folder.h"

namespace infragen {
namespace {

namespace fs = std::filesystem;
using testing::make_output;
using testing::printed;
using testing::TempFolder;

// Every entry below `folder`, relative, sorted; temporary files would show up here.
std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    entries.push_back(fs::relative(entry.path(), folder).generic_string());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

TEST(WriteOutput, CreatesFolderFilesAndOwnershipFile) {
  TempFolder temp;
  std::string folder = (temp.path() / "infra").string();
  OutputSet output = make_output({{"b/main.tf", "b\n"}, {"a.json", "{}\n"}});
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(folder, output, diagnostics)) << printed(diagnostics);
  EXPECT_EQ(listing(folder),
            (std::vector<std::string>{".infragen-files.json", "a.json", "b", "b/main.tf"}));
  EXPECT_EQ(temp.read("infra/b/main.tf"), "b\n");
  EXPECT_EQ(temp.read("infra/.infragen-files.json"),
            "{\n  \"generator\": \"infragen\",\n  \"files\": {\n    \"a.json\": \"" +
                sha256_hex("{}\n") + "\",\n    \"b/main.tf\": \"" + sha256_hex("b\n") +
                "\"\n  }\n}\n");
}

TEST(WriteOutput, SecondRunIsByteIdenticalAndReplacesChangedFiles) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"x.tf", "1\n"}, {"y.tf", "y\n"}}), diagnostics));
  std::string first_ownership = temp.read(".infragen-files.json");
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"x.tf", "2\n"}, {"y.tf", "y\n"}}), diagnostics));
  EXPECT_EQ(temp.read("x.tf"), "2\n");
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"x.tf", "1\n"}, {"y.tf", "y\n"}}), diagnostics));
  EXPECT_EQ(temp.read(".infragen-files.json"), first_ownership);
  EXPECT_EQ(listing(temp.path()),
            (std::vector<std::string>{".infragen-files.json", "x.tf", "y.tf"}));
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(WriteOutput, RefusesToOverwriteForeignFileAndWritesNothing) {
  TempFolder temp;
  temp.write("main.tf", "# my own file\n");
  Diagnostics diagnostics;
  bool ok = write_output(temp.str(), make_output({{"a.tf", "a\n"}, {"main.tf", "generated\n"}}),
                         diagnostics);
  EXPECT_FALSE(ok);
  EXPECT_EQ(printed(diagnostics), "infragen: error: refusing to overwrite " + temp.str() +
                                      "/main.tf: not written by infragen\n"
                                      "  hint: move it away or delete it, then run again\n"
                                      "1 error generated.\n");
  EXPECT_EQ(temp.read("main.tf"), "# my own file\n");
  EXPECT_EQ(listing(temp.path()), (std::vector<std::string>{"main.tf"}));
}

TEST(WriteOutput, AdoptsForeignFileWithIdenticalContent) {
  TempFolder temp;
  temp.write("main.tf", "same\n");
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(temp.str(), make_output({{"main.tf", "same\n"}}), diagnostics));
  std::string error;
  auto owned = read_ownership(temp.path(), error);
  ASSERT_TRUE(owned);
  EXPECT_EQ(owned->count("main.tf"), 1u);
}

TEST(WriteOutput, DeletesStaleOwnedFilesAndTheirEmptyFolders) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(
      temp.str(), make_output({{"keep.tf", "k\n"}, {"services/old.tf", "old\n"}}), diagnostics));
  ASSERT_TRUE(write_output(temp.str(), make_output({{"keep.tf", "k\n"}}), diagnostics));
  EXPECT_EQ(listing(temp.path()), (std::vector<std::string>{".infragen-files.json", "keep.tf"}));
  EXPECT_FALSE(diagnostics.has_errors());
}

// `generate -t a` after `generate -t a -t b`: b's files are another part's, not stale.
TEST(WriteOutput, ScopedRunKeepsAndStillOwnsFilesOfOtherParts) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(temp.str(),
                           make_output({{"a/terraform/main.tf", "a\n"},
                                        {"a/terraform/old.tf", "old\n"},
                                        {"b/terraform/main.tf", "b\n"}}),
                           diagnostics));
  OutputSet only_a = make_output({{"a/terraform/main.tf", "a2\n"}});
  only_a.add_scope("a/terraform");
  ASSERT_TRUE(write_output(temp.str(), only_a, diagnostics));
  EXPECT_EQ(
      listing(temp.path()),
      (std::vector<std::string>{".infragen-files.json", "a", "a/terraform", "a/terraform/main.tf",
                                "b", "b/terraform", "b/terraform/main.tf"}));
  // b is still owned: a run over everything removes it once it is no longer generated.
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"a/terraform/main.tf", "a2\n"}}), diagnostics));
  EXPECT_EQ(listing(temp.path()), (std::vector<std::string>{".infragen-files.json", "a",
                                                            "a/terraform", "a/terraform/main.tf"}));
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(OutputSet, ScopeMatchesWholeFolderNamesOnly) {
  OutputSet output;
  EXPECT_TRUE(output.in_scope("anything/at/all.tf"));
  output.add_scope("ecs-fargate/terraform");
  EXPECT_TRUE(output.in_scope("ecs-fargate/terraform/env/dev.tfvars"));
  EXPECT_FALSE(output.in_scope("ecs-fargate/terraform-old/main.tf"));
  EXPECT_FALSE(output.in_scope("ecs-fargate/cloudformation/app.json"));
  EXPECT_FALSE(output.in_scope("ecs-fargate/terraform"));
}

TEST(WriteOutput, KeepsStaleOwnedFileTheUserChangedAndWarns) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"a.tf", "a\n"}, {"old.tf", "old\n"}}), diagnostics));
  temp.write("old.tf", "old, edited by hand\n");
  ASSERT_TRUE(write_output(temp.str(), make_output({{"a.tf", "a\n"}}), diagnostics));
  EXPECT_EQ(temp.read("old.tf"), "old, edited by hand\n");
  EXPECT_EQ(printed(diagnostics), "infragen: warning: keeping " + temp.str() +
                                      "/old.tf: no longer generated, but changed since infragen "
                                      "wrote it\n");
  // No longer owned: generating it again must now refuse.
  Diagnostics again;
  EXPECT_FALSE(write_output(temp.str(), make_output({{"old.tf", "new\n"}}), again));
}

TEST(WriteOutput, NeverTouchesFilesItDoesNotOwn) {
  TempFolder temp;
  temp.write("README.md", "mine\n");
  temp.write("notes/todo.txt", "mine too\n");
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(temp.str(), make_output({{"a.tf", "a\n"}}), diagnostics));
  ASSERT_TRUE(write_output(temp.str(), make_output({{"b.tf", "b\n"}}), diagnostics));
  EXPECT_EQ(listing(temp.path()), (std::vector<std::string>{".infragen-files.json", "README.md",
                                                            "b.tf", "notes", "notes/todo.txt"}));
  EXPECT_EQ(temp.read("README.md"), "mine\n");
  EXPECT_EQ(temp.read("notes/todo.txt"), "mine too\n");
}

TEST(WriteOutput, RefusesSymlinkedFolderLeadingOutside) {
  TempFolder temp;
  TempFolder outside;
  fs::create_directory_symlink(outside.path(), temp.path() / "linked");
  Diagnostics diagnostics;
  EXPECT_FALSE(write_output(temp.str(), make_output({{"linked/evil.tf", "x\n"}}), diagnostics));
  EXPECT_EQ(printed(diagnostics), "infragen: error: cannot write " + temp.str() +
                                      "/linked/evil.tf: " + temp.str() +
                                      "/linked is a symbolic link leading outside the output "
                                      "folder\n1 error generated.\n");
  EXPECT_FALSE(fs::exists(outside.path() / "evil.tf"));
}

TEST(WriteOutput, AcceptsSymlinkedFolderInside) {
  TempFolder temp;
  fs::create_directory(temp.path() / "real");
  fs::create_directory_symlink("real", temp.path() / "alias");
  Diagnostics diagnostics;
  EXPECT_TRUE(write_output(temp.str(), make_output({{"alias/ok.tf", "x\n"}}), diagnostics));
  EXPECT_EQ(temp.read("real/ok.tf"), "x\n");
}

TEST(WriteOutput, RejectsOwnershipFileWithEscapingPath) {
  TempFolder temp;
  TempFolder outside;
  outside.write("victim.txt", "v\n");
  std::string victim = fs::relative(outside.path() / "victim.txt", temp.path()).generic_string();
  temp.write(".infragen-files.json", "{\"generator\": \"infragen\", \"files\": {\"" + victim +
                                         "\": \"" + sha256_hex("v\n") + "\"}}");
  Diagnostics diagnostics;
  EXPECT_FALSE(write_output(temp.str(), make_output({{"a.tf", "a\n"}}), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "infragen: error: cannot use " + temp.str() + "/.infragen-files.json: invalid path '" +
                victim +
                "'\n  hint: it lists the files infragen may replace; restore it or delete the "
                "folder\n1 error generated.\n");
  EXPECT_EQ(outside.read("victim.txt"), "v\n");
  EXPECT_FALSE(temp.exists("a.tf"));
}

TEST(WriteOutput, DirectoryInTheWayIsAnError) {
  TempFolder temp;
  fs::create_directories(temp.path() / "main.tf");
  Diagnostics diagnostics;
  EXPECT_FALSE(write_output(temp.str(), make_output({{"main.tf", "x\n"}}), diagnostics));
  EXPECT_EQ(printed(diagnostics), "infragen: error: cannot write " + temp.str() +
                                      "/main.tf: a directory is in the way\n1 error generated.\n");
}

TEST(WriteOutput, LeavesNoTemporaryFiles) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"d/a.tf", "a\n"}, {"d/b.tf", "b\n"}}), diagnostics));
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"d/a.tf", "A\n"}, {"d/b.tf", "B\n"}}), diagnostics));
  EXPECT_EQ(listing(temp.path()),
            (std::vector<std::string>{".infragen-files.json", "d", "d/a.tf", "d/b.tf"}));
}

}  // namespace
}  // namespace infragen
