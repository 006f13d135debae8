#include "render/mustache_scanner.h"

#include <gtest/gtest.h>

#include "render/origin_markers.h"

namespace infragen {
namespace {

using Type = MustacheTag::Type;

TEST(MustacheScanner, FindsEveryKindOfTagWithPositions) {
  MustacheScan scan =
      scan_mustache("a {{x}}\n{{{ raw }}} {{& amp}}{{#s}}{{^i}}{{/s}}\n  {{> p/q }}{{! c\nc }}");
  ASSERT_TRUE(scan.problems.empty());
  ASSERT_EQ(scan.tags.size(), 8u);
  std::vector<Type> types;
  for (const auto& tag : scan.tags) types.push_back(tag.type);
  EXPECT_EQ(types, (std::vector<Type>{Type::variable, Type::raw_variable, Type::raw_variable,
                                      Type::section, Type::inverted, Type::close, Type::partial,
                                      Type::comment}));
  EXPECT_EQ(scan.tags[0].name, "x");
  EXPECT_EQ(scan.tags[0].line, 1);
  EXPECT_EQ(scan.tags[0].column, 3);
  EXPECT_EQ(scan.tags[1].name, "raw");
  EXPECT_EQ(scan.tags[1].line, 2);
  EXPECT_EQ(scan.tags[6].name, "p/q");
  EXPECT_EQ(scan.tags[6].line, 3);
  EXPECT_EQ(scan.tags[6].column, 3);
}

TEST(MustacheScanner, SetDelimitersChangeWhatIsATag) {
  MustacheScan scan = scan_mustache("{{=<% %>=}}{{ literal }}<%name%><%={{ }}=%>{{back}}");
  ASSERT_TRUE(scan.problems.empty());
  ASSERT_EQ(scan.tags.size(), 4u);
  EXPECT_EQ(scan.tags[1].name, "name");
  EXPECT_EQ(scan.tags[1].open, "<%");
  EXPECT_EQ(scan.tags[3].name, "back");
  EXPECT_EQ(scan.tags[3].open, "{{");
}

TEST(MustacheScanner, ReportsUnclosedAndInvalidTags) {
  MustacheScan unclosed = scan_mustache("ok\n {{name");
  ASSERT_EQ(unclosed.problems.size(), 1u);
  EXPECT_EQ(unclosed.problems[0].message, "tag is not closed: missing '}}'");
  EXPECT_EQ(unclosed.problems[0].line, 2);
  EXPECT_EQ(unclosed.problems[0].column, 2);
  EXPECT_EQ(scan_mustache("{{= x =}}").problems.at(0).message,
            "invalid set-delimiter tag; write it like {{=<% %>=}}");
  EXPECT_EQ(scan_mustache("{{#}}").problems.at(0).message, "tag has no name");
}

TEST(OriginMarkers, StripRecordsTheFirstMarkerAtOrAfterEachLine) {
  std::string rendered = "a" + line_marker(4) + "\nb\nc" + line_marker(7) + "\n" + line_marker(9);
  UnmarkedText text = strip_line_markers(rendered);
  EXPECT_EQ(text.text, "a\nb\nc\n");
  EXPECT_EQ(text.line_origin_ids, (std::vector<int>{4, 7, 7}));
}

TEST(OriginMarkers, StripKeepsUnmarkedLinesAndAnUnfinishedLastLine) {
  EXPECT_EQ(strip_line_markers("").text, "");
  EXPECT_TRUE(strip_line_markers("").line_origin_ids.empty());
  UnmarkedText plain = strip_line_markers("x\ny");
  EXPECT_EQ(plain.text, "x\ny");
  EXPECT_EQ(plain.line_origin_ids, (std::vector<int>{-1, -1}));
  UnmarkedText marked = strip_line_markers(line_marker(3) + "\n\nlast" + line_marker(12));
  EXPECT_EQ(marked.text, "\n\nlast");
  EXPECT_EQ(marked.line_origin_ids, (std::vector<int>{3, 12, 12}));
}

TEST(OriginMarkers, TagIdsRoundTrip) {
  EXPECT_EQ(decoded_tag_id(encoded_tag_name(42)), 42);
  EXPECT_FALSE(decoded_tag_id("name"));
  EXPECT_FALSE(decoded_tag_id("\x03x"));
  EXPECT_TRUE(contains_marker_character("a\x02"));
  EXPECT_TRUE(contains_marker_character("a\x04"));
  EXPECT_TRUE(contains_marker_character(std::string(100, 'x') + "\x01"));
  EXPECT_FALSE(contains_marker_character("\a\x1f caf\xc3\xa9 \xfe"));
  EXPECT_EQ(decoded_literal_id(encoded_literal_name(7)), 7);
  EXPECT_FALSE(decoded_literal_id(encoded_tag_name(7)));
  EXPECT_FALSE(contains_marker_character("plain\ttext"));
}

}  // namespace
}  // namespace infragen
