#include "diagnostics/diagnostics.h"

#include <gtest/gtest.h>

#include <sstream>

#include "diagnostics/suggest.h"

namespace infragen {
namespace {

SourceFilePtr file(std::string text) {
  return std::make_shared<SourceFile>("app.yaml", std::move(text));
}

Diagnostic make(Severity severity, SourceLocation at, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = severity;
  d.location = std::move(at);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

TEST(SourceFile, LinesAreOneBasedWithoutEndings) {
  SourceFile f("x", "a\r\nbb\nccc");
  EXPECT_EQ(f.line_count(), 3);
  EXPECT_EQ(f.line(1), "a");
  EXPECT_EQ(f.line(2), "bb");
  EXPECT_EQ(f.line(3), "ccc");
  EXPECT_EQ(f.line(4), "");
  EXPECT_EQ(f.line(0), "");
}

TEST(Diagnostics, FormatsLocationSourceLineCaretAndHint) {
  auto f = file("name: x\nservices:\n  web:\n    imgae: nginx\n");
  Diagnostic d =
      make(Severity::error, {f, 4, 5, 5}, "unknown field 'imgae'", "did you mean 'image'?");
  EXPECT_EQ(format_diagnostic(d),
            "app.yaml:4:5: error: unknown field 'imgae'\n"
            "    imgae: nginx\n"
            "    ^~~~~\n"
            "  hint: did you mean 'image'?\n");
}

TEST(Diagnostics, CaretKeepsTabs) {
  auto f = file("\tkey: 1\n");
  Diagnostic d = make(Severity::warning, {f, 1, 2, 1}, "m", "");
  EXPECT_EQ(format_diagnostic(d), "app.yaml:1:2: warning: m\n\tkey: 1\n\t^\n");
}

TEST(Diagnostics, PrintsSortedByPositionWithCount) {
  auto f = file("a: 1\nb: 2\n");
  Diagnostics all;
  all.error({f, 2, 1, 1}, "second");
  all.error({f, 1, 1, 1}, "first");
  all.error({f, 1, 1, 1}, "first");  // duplicates are reported once
  std::ostringstream out;
  all.print(out);
  EXPECT_EQ(out.str(),
            "app.yaml:1:1: error: first\na: 1\n^\n"
            "app.yaml:2:1: error: second\nb: 2\n^\n"
            "2 errors generated.\n");
  EXPECT_EQ(all.error_count(), 2);
}

// A note (what the run chose to do) is printed like the others, in position order, and is not
// counted as an error.
TEST(Diagnostics, NoteIsPrintedWithCaretAndHintAndIsNoError) {
  auto f = file("a: 1\nb: 2\n");
  Diagnostics all;
  all.error({f, 2, 1, 1}, "second");
  all.note({f, 1, 4, 1}, "first", "why");
  std::ostringstream out;
  all.print(out);
  EXPECT_EQ(out.str(),
            "app.yaml:1:4: note: first\na: 1\n   ^\n  hint: why\n"
            "app.yaml:2:1: error: second\nb: 2\n^\n"
            "1 error generated.\n");
  EXPECT_EQ(all.error_count(), 1);

  Diagnostics notes_only;
  notes_only.note({f, 1, 1, 1}, "only a note");
  EXPECT_FALSE(notes_only.has_errors());
}

TEST(Diagnostics, FileErrorHasNoPosition) {
  Diagnostics all;
  all.file_error("missing.yaml", "cannot read file: No such file or directory");
  std::ostringstream out;
  all.print(out);
  EXPECT_EQ(
      out.str(),
      "missing.yaml: error: cannot read file: No such file or directory\n1 error generated.\n");
}

TEST(Suggest, FindsCloseNamesOnly) {
  std::vector<std::string> known = {"image", "build", "port", "expose"};
  EXPECT_EQ(did_you_mean("imgae", known), "did you mean 'image'?");
  EXPECT_EQ(did_you_mean("prot", known), "did you mean 'port'?");
  EXPECT_EQ(did_you_mean("Image", known), "did you mean 'image'?");
  EXPECT_EQ(did_you_mean("totally", known), "");
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("imgae", "image"), 1);
}

}  // namespace
}  // namespace infragen
