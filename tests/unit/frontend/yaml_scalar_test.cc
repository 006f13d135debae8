#include "frontend/yaml_scalar.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace infragen {
namespace {

using json = nlohmann::json;

// What the YAML 1.2 core schema makes of a plain scalar, by its regular expressions: the
// reference the hand-written matchers of yaml_scalar.cc must agree with.
std::string core_schema_kind(const std::string& text) {
  static const std::regex decimal("[-+]?[0-9]+");
  static const std::regex octal("0o[0-7]+");
  static const std::regex hexadecimal("0x[0-9a-fA-F]+");
  static const std::regex floating("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  static const std::regex infinity("[-+]?(\\.inf|\\.Inf|\\.INF)");
  static const std::regex not_a_number("\\.nan|\\.NaN|\\.NAN");
  if (std::regex_match(text, decimal) || std::regex_match(text, octal) ||
      std::regex_match(text, hexadecimal)) {
    return "integer";
  }
  if (std::regex_match(text, floating)) return "float";
  if (std::regex_match(text, infinity) || std::regex_match(text, not_a_number)) return "error";
  return "string";
}

std::string resolved_kind(const std::string& text) {
  auto resolved = resolve_plain_scalar(text);
  if (std::holds_alternative<ScalarError>(resolved)) return "error";
  const json& value = std::get<json>(resolved);
  if (value.is_number_integer()) return "integer";
  if (value.is_number_float()) return "float";
  return "string";
}

TEST(YamlScalarTest, NumberFormsAgreeWithTheCoreSchemaExpressionsOnEveryShortText) {
  // Every text of up to four characters over the characters the number forms are made of.
  const std::string alphabet = "0178afxoeE.+-inINF";
  std::vector<std::string> texts = {""};
  int checked = 0;
  for (int length = 1; length <= 4; ++length) {
    std::vector<std::string> longer;
    for (const std::string& text : texts) {
      for (char c : alphabet) longer.push_back(text + c);
    }
    texts = std::move(longer);
    for (const std::string& text : texts) {
      ASSERT_EQ(resolved_kind(text), core_schema_kind(text)) << "text: '" << text << "'";
      ++checked;
    }
  }
  EXPECT_GT(checked, 100000);
}

TEST(YamlScalarTest, ValuesOfTheNumberForms) {
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("-12")), json(-12));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("+7")), json(7));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("0o17")), json(15));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("0x1F")), json(31));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("1.5e3")), json(1500.0));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar(".5")), json(0.5));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("3.")), json(3.0));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("1e")), json("1e"));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("0x")), json("0x"));
  EXPECT_EQ(std::get<json>(resolve_plain_scalar("1_000")), json("1_000"));
  EXPECT_TRUE(std::holds_alternative<ScalarError>(resolve_plain_scalar("-.inf")));
  EXPECT_TRUE(std::holds_alternative<ScalarError>(resolve_plain_scalar(".NaN")));
  EXPECT_TRUE(std::holds_alternative<ScalarError>(resolve_plain_scalar("99999999999999999999")));
}

}  // namespace
}  // namespace infragen
