#include "formats/pretty_json.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

using nlohmann::json;

std::string pretty(const json& value, int depth = 0) {
  std::string out;
  append_pretty_json(out, value, depth);
  return out;
}

// What dump(2) prints, every line after the first indented `depth` more spaces.
std::string dumped_at(const json& value, int depth) {
  const std::string text = value.dump(2);
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(static_cast<size_t>(depth), ' ');
  }
  return out;
}

TEST(PrettyJson, PrintsWhatDumpPrints) {
  const json values[] = {
      nullptr,
      true,
      false,
      0,
      -9223372036854775807LL - 1,
      18446744073709551615ULL,
      0.5,
      1e300,
      -0.0,
      3.0,
      "",
      "plain text",
      "quote \" backslash \\ slash /",
      "tab\tnew line\ncarriage\rbell\x07 delete\x7f",
      "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
      json::object(),
      json::array(),
      json::parse(R"({"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {}},
                       "A": {"DependsOn": [], "Properties": {"List": [1, [2, []], {"k": null}],
                       "Sub": {"Fn::Sub": "${AWS::Region}-\u00e9"}}}}, "": {"": [""]}})"),
  };
  for (const json& value : values) {
    EXPECT_EQ(pretty(value), value.dump(2)) << value.dump();
    EXPECT_EQ(pretty(value, 2), dumped_at(value, 2)) << value.dump();
    EXPECT_EQ(pretty(value, 6), dumped_at(value, 6)) << value.dump();
  }
}

TEST(PrettyJson, KeysAreEscapedAsStrings) {
  json object = {{"a\"b", 1}, {"\xc3\xa9", 2}, {"\n", 3}};
  EXPECT_EQ(pretty(object), object.dump(2));
  std::string key;
  append_json_string(key, "x\"y");
  EXPECT_EQ(key, R"("x\"y")");
}

TEST(PrettyJson, InvalidUtf8ThrowsAsDumpDoes) {
  json value = {{"k", std::string("bad \xff byte")}};
  EXPECT_THROW(value.dump(2), json::type_error);
  EXPECT_THROW(pretty(value), json::type_error);
  json key = {{std::string("\xc3"), 1}};
  EXPECT_THROW(pretty(key), json::type_error);
}

}  // namespace
}  // namespace infragen
