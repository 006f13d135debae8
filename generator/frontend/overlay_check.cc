#include "frontend/overlay_check.h"

#include <cctype>

#include "frontend/json_pointer.h"
#include "frontend/semantic_input.h"
#include "frontend/source_order.h"

namespace infragen {
namespace {

using json = nlohmann::json;

// The singular name of the entries of top-level map `collection` ("service"), or "" when
// `collection` is not a map of named things.
std::string entry_kind(const SchemaTree& schema, const std::string& collection) {
  const json* node = schema.schema_at({collection});
  if (!node || !node->contains("additionalProperties")) return {};
  const json& entry = schema.resolve((*node)["additionalProperties"]);
  if (!entry.is_object() || !entry.contains("title") || !entry["title"].is_string()) return {};
  std::string kind = entry["title"].get<std::string>();
  for (char& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kind;
}

}  // namespace

bool check_overlay_names(const SchemaTree& schema, const Document& document,
                         const std::string& environment, Diagnostics& diagnostics) {
  const std::string overlay_pointer = child_pointer("/environments", environment);
  const json& overlay = document.root.at("environments").at(environment);
  if (!overlay.is_object()) return true;
  bool ok = true;
  for (const auto& collection : keys_in_source_order(document, overlay_pointer, overlay)) {
    const json& changes = overlay[collection];
    const std::string kind = entry_kind(schema, collection);
    if (kind.empty() || !changes.is_object()) continue;
    const json* base = document.root.contains(collection) ? &document.root[collection] : nullptr;
    std::vector<std::string> known;
    if (base && base->is_object()) known = keys_in_source_order(document, "/" + collection, *base);
    const std::string changes_pointer = child_pointer(overlay_pointer, collection);
    for (const auto& name : keys_in_source_order(document, changes_pointer, changes)) {
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      diagnostics.error(document.locate_key(child_pointer(changes_pointer, name)),
                        "unknown " + kind + " '" + name + "' in environment '" + environment + "'",
                        name_hint(name, known, collection));
      ok = false;
    }
  }
  return ok;
}

}  // namespace infragen
