#include <cerrno>
#include <cstdio>
#include <cstring>

#include "frontend/json_pointer.h"
#include "frontend/manifest.h"
#include "frontend/network_check.h"
#include "frontend/overlay_check.h"
#include "frontend/overlay_merge.h"
#include "frontend/schema_check.h"
#include "frontend/schema_defaults.h"
#include "frontend/semantic_checks.h"
#include "frontend/source_order.h"
#include "frontend/yaml_loader.h"

namespace infragen {
namespace {

using json = nlohmann::json;

// The environment-only part of an overlay, kept out of the merged manifest.
const std::vector<std::string> kEnvironmentOnlyKeys = {"schedule"};

// Whether the schema found a fault inside the overlay of `environment`.
bool overlay_failed(const std::set<std::string>& failing, const std::string& environment) {
  const std::string overlay = child_pointer("/environments", environment);
  auto it = failing.lower_bound(overlay);
  return it != failing.end() && pointer_within(*it, overlay);
}

// Checks one environment's merged manifest; adds it to `result` when it passes. Returns
// whether its semantic checks could run (they need a manifest that passed the schema).
bool resolve_environment(const SchemaChecker& checker, const Document& merged,
                         const std::string& name, json schedule, Diagnostics& diagnostics,
                         CheckedManifest& result, bool schema_checked = false) {
  if (!schema_checked && !checker.check(merged, diagnostics)) return false;
  json effective = merged.root;
  fill_schema_defaults(checker.tree(), effective);
  const int errors_before = diagnostics.error_count();
  check_semantics(SemanticInput{merged, effective, diagnostics});
  if (diagnostics.error_count() != errors_before) return true;
  EnvironmentManifest environment;
  environment.name = name;
  environment.manifest = std::move(effective);
  environment.schedule = std::move(schedule);
  result.environments.push_back(std::move(environment));
  return true;
}

// Semantic checks of the base alone, standing in for environments whose overlay is broken, so
// that the problems of the base are still all reported in this run.
void check_base_semantics(const SchemaChecker& checker, const Document& document,
                          Diagnostics& diagnostics) {
  Document base = merge_overlay(document, json(nullptr), "", {});
  json effective = base.root;
  fill_schema_defaults(checker.tree(), effective);
  check_semantics(SemanticInput{base, effective, diagnostics});
}

}  // namespace

std::optional<CheckedManifest> load_manifest(const std::string& path, Diagnostics& diagnostics) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    diagnostics.file_error(path, std::string("cannot read file: ") + std::strerror(errno));
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  const int read_errno = errno;
  std::fclose(file);
  if (failed) {
    diagnostics.file_error(path, std::string("cannot read file: ") + std::strerror(read_errno));
    return std::nullopt;
  }
  return load_manifest_text(path, std::move(text), diagnostics);
}

std::optional<CheckedManifest> load_manifest_text(const std::string& display_path, std::string text,
                                                  Diagnostics& diagnostics) {
  // yaml-cpp skips a UTF-8 byte order mark and counts positions after it; so do we.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  const int errors_before = diagnostics.error_count();
  auto file = std::make_shared<const SourceFile>(display_path, std::move(text));
  std::optional<Document> document = load_yaml_document(file, diagnostics);
  if (!document) return std::nullopt;

  const SchemaChecker& checker = manifest_schema_checker();
  std::set<std::string> failing;
  const bool base_valid = checker.check(*document, diagnostics, &failing);
  // Whether a `cidr` comes with an existing VPC depends on which map wrote it, which the
  // merged environments no longer show; so this one looks at the manifest as written.
  check_existing_network(*document, diagnostics);

  CheckedManifest result;
  const json& root = document->root;
  const bool has_environments = root.contains("environments") && root["environments"].is_object() &&
                                !root["environments"].empty();
  if (!has_environments) {
    // No overlays: the document itself is the one environment.
    if (base_valid) {
      Document merged = merge_overlay(*document, json(nullptr), "", {});
      // The same document as the base, which passed the schema: validating it again was a
      // tenth of a large manifest's front end.
      const bool unchanged = merged.root == document->root;
      resolve_environment(checker, merged, "default", json(nullptr), diagnostics, result,
                          unchanged);
    }
  } else {
    bool some_unchecked = false;
    const json& environments = root["environments"];
    for (const auto& name : keys_in_source_order(*document, "/environments", environments)) {
      const json& overlay = environments[name];
      // Both checks run so that an overlay's problems are all reported; a broken overlay is not
      // merged, as the merged manifest would only repeat its problems in other words.
      const bool schema_failed = overlay_failed(failing, name);
      const bool names_known = check_overlay_names(checker.tree(), *document, name, diagnostics);
      if (schema_failed || !names_known) {
        some_unchecked = true;
        continue;
      }
      Document merged = merge_overlay(*document, overlay, child_pointer("/environments", name),
                                      kEnvironmentOnlyKeys);
      json schedule =
          overlay.is_object() && overlay.contains("schedule") ? overlay["schedule"] : json(nullptr);
      if (!resolve_environment(checker, merged, name, std::move(schedule), diagnostics, result)) {
        some_unchecked = true;
      }
    }
    if (some_unchecked && base_valid) check_base_semantics(checker, *document, diagnostics);
  }
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  result.document = std::move(*document);
  return result;
}

}  // namespace infragen
