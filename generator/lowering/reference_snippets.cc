#include "lowering/reference_snippets.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <regex>

#include "lowering/logical_ids.h"

namespace infragen {

namespace {

// Turns the flat JSON context into kainjow data (strings, booleans, numbers as text).
kainjow::mustache::data to_data(const nlohmann::json& context) {
  kainjow::mustache::data data;
  for (const auto& [key, value] : context.items()) {
    if (value.is_boolean()) {
      data.set(key, value.get<bool>() ? kainjow::mustache::data::type::bool_true
                                      : kainjow::mustache::data::type::bool_false);
    } else if (value.is_string()) {
      data.set(key, value.get<std::string>());
    } else if (value.is_number()) {
      data.set(key, value.dump());
    } else if (value.is_null()) {
      data.set(key, kainjow::mustache::data::type::bool_false);
    }
  }
  return data;
}

// Names the snippet uses that the context does not have (kainjow would render them empty).
std::vector<std::string> unknown_names(const std::string& snippet, const nlohmann::json& context) {
  static const std::regex tag(R"(\{\{\{?\s*[#^/&]?\s*([A-Za-z0-9_.-]+)\s*\}?\}\})");
  std::vector<std::string> unknown;
  for (auto it = std::sregex_iterator(snippet.begin(), snippet.end(), tag);
       it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1].str();
    if (!context.contains(name) &&
        std::find(unknown.begin(), unknown.end(), name) == unknown.end()) {
      unknown.push_back(name);
    }
  }
  return unknown;
}

}  // namespace

std::string resource_identifier(const std::string& name) {
  std::string identifier = name;
  std::replace(identifier.begin(), identifier.end(), '-', '_');
  return identifier;
}

ReferenceSnippets::ReferenceSnippets(std::string target, const nlohmann::json& references)
    : target_(std::move(target)),
      references_(references.is_object() ? references : nlohmann::json::object()) {
  for (const auto& [format, snippets] : references_.items()) {
    if (snippets.is_object()) formats_.push_back(format);
  }
  std::sort(formats_.begin(), formats_.end());
}

std::optional<std::string> ReferenceSnippets::render(
    const std::string& format, const std::string& kind, const nlohmann::json& given_context,
    const std::string& what, const SourceLocation& where, Diagnostics& diagnostics) const {
  // Snippets may also use `resource_id`: the identifier as a CloudFormation logical id.
  nlohmann::json context = given_context;
  add_logical_ids(context);
  auto snippets = references_.find(format);
  auto snippet = snippets == references_.end() ? snippets : snippets->find(kind);
  if (snippets == references_.end() || snippet == snippets->end() || !snippet->is_string()) {
    diagnostics.error(where, "target '" + target_ + "' cannot resolve " + what + " in " + format,
                      "its pack.yaml has no `references." + format + "." + kind + "` snippet");
    return std::nullopt;
  }
  std::string text = snippet->get<std::string>();
  std::vector<std::string> unknown = unknown_names(text, context);
  if (!unknown.empty()) {
    std::string known;
    for (const auto& [key, value] : context.items()) known += (known.empty() ? "" : ", ") + key;
    diagnostics.error(where,
                      "pack '" + target_ + "': reference snippet `" + format + "." + kind +
                          "` uses unknown name '" + unknown.front() + "'",
                      "a " + kind + " snippet may use: " + known);
    return std::nullopt;
  }
  kainjow::mustache::mustache renderer(text);
  if (!renderer.is_valid()) {
    diagnostics.error(where, "pack '" + target_ + "': reference snippet `" + format + "." + kind +
                                 "` is not valid mustache: " + renderer.error_message());
    return std::nullopt;
  }
  // Snippets produce code, not HTML: nothing is escaped.
  renderer.set_custom_escape([](const std::string& value) { return value; });
  return renderer.render(to_data(context));
}

nlohmann::json ReferenceSnippets::render_all(const std::string& kind, const nlohmann::json& context,
                                             const std::string& what, const SourceLocation& where,
                                             Diagnostics& diagnostics) const {
  nlohmann::json rendered = nlohmann::json::object();
  for (const auto& format : formats_) {
    auto text = render(format, kind, context, what, where, diagnostics);
    if (!text) return nullptr;
    rendered[format] = *text;
  }
  return rendered;
}

}  // namespace infragen
