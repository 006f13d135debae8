#include "lowering/reference_snippets.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>

#include "lowering/logical_ids.h"
#include "render/mustache_scanner.h"

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

// The names the snippet's value and section tags use, each once, in order of first use.
std::vector<std::string> tag_names(const std::string& snippet) {
  using Type = MustacheTag::Type;
  std::vector<std::string> names;
  for (const MustacheTag& tag : scan_mustache(snippet).tags) {
    if (tag.type == Type::partial || tag.type == Type::comment || tag.type == Type::delimiters) {
      continue;
    }
    if (std::find(names.begin(), names.end(), tag.name) == names.end()) {
      names.push_back(tag.name);
    }
  }
  return names;
}

}  // namespace

std::string resource_identifier(const std::string& name) {
  std::string identifier = name;
  std::replace(identifier.begin(), identifier.end(), '-', '_');
  return identifier;
}

std::string upper_identifier(const std::string& name) {
  std::string identifier = resource_identifier(name);
  for (char& c : identifier) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return identifier;
}

struct ReferenceSnippets::Parsed {
  std::vector<std::string> names;
  kainjow::mustache::mustache renderer;
};

ReferenceSnippets::~ReferenceSnippets() = default;
ReferenceSnippets::ReferenceSnippets(ReferenceSnippets&&) noexcept = default;
ReferenceSnippets& ReferenceSnippets::operator=(ReferenceSnippets&&) noexcept = default;

ReferenceSnippets::Parsed* ReferenceSnippets::parsed(const std::string& format,
                                                     const std::string& kind) const {
  auto key = std::make_pair(format, kind);
  if (auto found = parsed_.find(key); found != parsed_.end()) return found->second.get();
  auto snippets = references_.find(format);
  if (snippets == references_.end()) return nullptr;
  auto snippet = snippets->find(kind);
  if (snippet == snippets->end() || !snippet->is_string()) return nullptr;
  const std::string& text = snippet->get_ref<const std::string&>();
  auto made = std::make_unique<Parsed>(Parsed{tag_names(text), kainjow::mustache::mustache(text)});
  // Snippets produce code, not HTML: nothing is escaped.
  made->renderer.set_custom_escape([](const std::string& value) { return value; });
  return parsed_.emplace(std::move(key), std::move(made)).first->second.get();
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
  Parsed* snippet = parsed(format, kind);
  if (!snippet) {
    diagnostics.error(where, "target '" + target_ + "' cannot resolve " + what + " in " + format,
                      "its pack.yaml has no `references." + format + "." + kind + "` snippet");
    return std::nullopt;
  }
  for (const auto& name : snippet->names) {
    // kainjow would render an unknown name empty.
    if (context.contains(name)) continue;
    std::string known;
    for (const auto& [key, value] : context.items()) known += (known.empty() ? "" : ", ") + key;
    diagnostics.error(where,
                      "pack '" + target_ + "': reference snippet `" + format + "." + kind +
                          "` uses unknown name '" + name + "'",
                      "a " + kind + " snippet may use: " + known);
    return std::nullopt;
  }
  if (!snippet->renderer.is_valid()) {
    diagnostics.error(where, "pack '" + target_ + "': reference snippet `" + format + "." + kind +
                                 "` is not valid mustache: " + snippet->renderer.error_message());
    return std::nullopt;
  }
  return snippet->renderer.render(to_data(context));
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
