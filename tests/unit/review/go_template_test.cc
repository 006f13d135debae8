#include <gtest/gtest.h>

#include "review/go_template.h"

namespace infragen::review::go_template {
namespace {

std::string render_text(const std::string& text, const Value& data = Value::object(),
                        const std::string& helpers = "") {
  TemplateSet set;
  if (!helpers.empty()) set.add("_helpers.tpl", helpers);
  set.add("t", text);
  return set.render("t", data);
}

std::string render_error(const std::string& text, const Value& data = Value::object()) {
  try {
    render_text(text, data);
  } catch (const TemplateError& error) {
    return error.what();
  }
  return "no error";
}

TEST(GoTemplate, TextActionsAndTrimMarkers) {
  EXPECT_EQ(render_text("a {{- \"b\" -}} \n c"), "abc");
  EXPECT_EQ(render_text("a {{ \"b\" }} c"), "a b c");
  EXPECT_EQ(render_text("x\n{{- /* a comment */ -}}\ny"), "xy");
  EXPECT_EQ(render_text("{{/* only */}}z"), "z");
  // `{{-3}}` is the number -3, not a trim marker.
  EXPECT_EQ(render_text("a {{-3}}"), "a -3");
}

TEST(GoTemplate, FieldsOfValuesAndMissingOnesPrintNothing) {
  Value data = {{"Values", {{"name", "web"}, {"port", 80}, {"ratio", 0.5}}}};
  EXPECT_EQ(render_text("{{ .Values.name }}:{{ .Values.port }}:{{ .Values.ratio }}", data),
            "web:80:0.5");
  EXPECT_EQ(render_text("[{{ .Values.missing.deeper }}]", data), "[]");
  EXPECT_EQ(render_text("{{ $.Values.name }}", data), "web");
}

TEST(GoTemplate, IfElseIfElseAndWith) {
  const std::string text = "{{ if eq .n 1 }}one{{ else if gt .n 5 }}big{{ else }}other{{ end }}";
  EXPECT_EQ(render_text(text, {{"n", 1}}), "one");
  EXPECT_EQ(render_text(text, {{"n", 9}}), "big");
  EXPECT_EQ(render_text(text, {{"n", 3}}), "other");
  EXPECT_EQ(render_text("{{ with .a }}{{ .b }}{{ else }}none{{ end }}", {{"a", {{"b", 2}}}}), "2");
  EXPECT_EQ(render_text("{{ with .a }}{{ .b }}{{ else }}none{{ end }}", {{"a", nullptr}}), "none");
  EXPECT_EQ(render_text("{{ if not .a }}empty{{ end }}", {{"a", Value::object()}}), "empty");
  EXPECT_EQ(render_text("{{ if and .a .b }}both{{ end }}", {{"a", 1}, {"b", "x"}}), "both");
}

TEST(GoTemplate, RangeOverMapsInKeyOrderListsAndElse) {
  Value data = {{"m", {{"b", 2}, {"a", 1}}}, {"l", {"x", "y"}}, {"e", Value::array()}};
  EXPECT_EQ(render_text("{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}", data), "a=1;b=2;");
  EXPECT_EQ(render_text("{{ range $i, $v := .l }}{{ $i }}{{ $v }}{{ end }}", data), "0x1y");
  EXPECT_EQ(render_text("{{ range .l }}<{{ . }}>{{ end }}", data), "<x><y>");
  EXPECT_EQ(render_text("{{ range .e }}x{{ else }}none{{ end }}", data), "none");
}

TEST(GoTemplate, VariablesAreScopedAndAssignable) {
  EXPECT_EQ(render_text("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}"),
            "2");
  EXPECT_EQ(render_error("{{ if true }}{{ $y := 3 }}{{ end }}{{ $y }}"), "undefined variable: $y");
}

TEST(GoTemplate, DefineIncludeAndIndent) {
  const std::string helpers = "{{- define \"labels\" -}}\napp: {{ .name }}\ntier: web\n{{- end }}";
  EXPECT_EQ(render_text("metadata:\n  labels:\n    {{- include \"labels\" (dict \"name\" \"v\") | "
                        "nindent 4 }}",
                        Value::object(), helpers),
            "metadata:\n  labels:\n    app: v\n    tier: web");
  EXPECT_EQ(render_error("{{ include \"nothing\" . }}"), "no template \"nothing\"");
}

TEST(GoTemplate, SprigFunctions) {
  Value data = {{"svc", {{"cpu", 256}, {"memory", 512}, {"env", {{"A", "1"}}}}},
                {"over", {{"A", "2"}, {"B", "3"}}}};
  EXPECT_EQ(render_text("{{ printf \"%dm\" (div (mul .svc.cpu 1000) 1024) | quote }}", data),
            "\"250m\"");
  EXPECT_EQ(render_text("{{ add1 (div 30 5) }} {{ int \"42\" }} {{ sub 5 7 }}"), "7 42 -2");
  // merge keeps the first map's values.
  EXPECT_EQ(render_text("{{ toJson (merge dict .svc.env .over) }}", data),
            "{\"A\":\"1\",\"B\":\"3\"}");
  EXPECT_EQ(render_text("{{ .missing | default \"d\" }}|{{ \"x\" | default \"d\" }}"), "d|x");
  EXPECT_EQ(render_text("{{ \"abcdef\" | trunc 3 }} {{ \"a.b.\" | trimSuffix \".\" }} "
                        "{{ \"--a--\" | trimAll \"-\" }} {{ \"a-b\" | replace \"-\" \"_\" }}"),
            "abc a.b a a_b");
  EXPECT_EQ(render_text("{{ \"a\\\"b\" | quote }}"), "\"a\\\"b\"");
  EXPECT_EQ(render_text("{{ \"abc\" | sha256sum }}"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(render_text("{{ toYaml (dict \"b\" (list 1 \"x\") \"a\" (dict \"c\" true)) }}"),
            "\"a\":\n  \"c\": true\n\"b\":\n- 1\n- \"x\"");
  EXPECT_EQ(render_text("{{ index .svc \"env\" \"A\" }}", data), "1");
  EXPECT_EQ(render_text("{{ hasKey .svc \"cpu\" }} {{ len .over }} {{ \"ab\" | upper }}", data),
            "true 2 AB");
}

TEST(GoTemplate, ErrorsNameTheTemplateLineOrFunction) {
  EXPECT_EQ(render_error("{{ required \"image is required\" .image }}"), "image is required");
  EXPECT_EQ(render_error("{{ nosuch 1 }}"), "function \"nosuch\" not defined");
  EXPECT_EQ(render_error("a\nb\n{{ if true }}"), "t:3: {{if}} without {{end}}");
  EXPECT_EQ(render_error("{{ end }}"), "t:1: unexpected {{end}}");
  EXPECT_EQ(render_error("{{ \"x\" "), "t:1: unclosed action");
}

}  // namespace
}  // namespace infragen::review::go_template
