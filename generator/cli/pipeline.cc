#include "cli/pipeline.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "diagnostics/suggest.h"
#include "formats/cloudformation/cloudformation_quotas.h"
#include "formats/finish.h"
#include "frontend/manifest.h"
#include "lowering/features.h"
#include "lowering/lowering.h"
#include "lowering/view_sections.h"
#include "model/model.h"
#include "output/parallel_tasks.h"
#include "render/render.h"

#ifndef INFRAGEN_SOURCE_DIR
#define INFRAGEN_SOURCE_DIR ""
#endif

namespace infragen {
namespace fs = std::filesystem;

std::string builtin_templates_dir() {
  if (const char* from_env = std::getenv("INFRAGEN_TEMPLATES_DIR"); from_env && *from_env) {
    return from_env;
  }
  std::error_code error;
  fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    // An installed binary (prefix/bin) finds prefix/share/infragen/templates; a build-tree binary
    // (source/build) finds source/templates.
    for (const fs::path& candidate :
         {executable.parent_path().parent_path() / "share" / "infragen" / "templates",
          executable.parent_path().parent_path() / "templates"}) {
      if (fs::is_directory(candidate)) return candidate.string();
    }
  }
  return std::string(INFRAGEN_SOURCE_DIR) + "/templates";
}

bool load_packs(const std::vector<std::string>& template_dirs, PackRegistry& registry,
                Diagnostics& diagnostics) {
  bool ok = registry.load_folder(builtin_templates_dir(), diagnostics);
  for (const auto& folder : template_dirs) {
    if (!fs::is_directory(folder)) {
      diagnostics.file_error(folder, "templates folder not found");
      ok = false;
      continue;
    }
    ok = registry.load_folder(folder, diagnostics) && ok;
  }
  return ok && !diagnostics.has_errors();
}

std::vector<const Pack*> select_packs(const PackRegistry& registry,
                                      const std::vector<std::string>& targets,
                                      Diagnostics& diagnostics) {
  if (targets.empty()) return registry.all();
  std::vector<std::string> known;
  for (const Pack* pack : registry.all()) known.push_back(pack->name);
  std::vector<const Pack*> selected;
  for (const auto& name : targets) {
    const Pack* pack = registry.find(name);
    if (!pack) {
      std::string hint = did_you_mean(name, known);
      if (hint.empty()) hint = "run 'infragen targets' to list the available targets";
      diagnostics.usage_error("unknown target '" + name + "'", hint);
      continue;
    }
    if (std::find(selected.begin(), selected.end(), pack) == selected.end()) {
      selected.push_back(pack);
    }
  }
  return selected;
}

namespace {

// `formats`: the formats being generated (empty: all); a section that serves only a format not
// generated (cloudformation) is not built.
TargetSpec target_spec_of(const Pack& pack, const std::vector<std::string>& accepted,
                          const std::vector<std::string>& formats) {
  TargetSpec spec;
  spec.target = pack.name;
  spec.supports = pack.supports;
  for (const auto& section : pack.sections) {
    const bool format_section = section == "cloudformation";
    if (format_section && !formats.empty() &&
        std::find(formats.begin(), formats.end(), section) == formats.end()) {
      continue;
    }
    spec.sections.push_back(section);
  }
  spec.references = pack.references;
  spec.accepted = accepted;
  spec.workloads_in_chart = pack.find_format("helm") != nullptr;
  return spec;
}

// A finished CloudFormation template that passes a per-template quota cannot be deployed: an
// error at the manifest's services (what makes stacks large), naming the file and the quota.
void check_template_quotas(const RenderedFile& rendered, const std::string& path,
                           const std::string& text, const SourceLocation& where,
                           Diagnostics& diagnostics) {
  if (rendered.kind != "cloudformation") return;
  for (const std::string& problem : cloudformation_quota_problems(text)) {
    diagnostics.error(where, path + " would have " + problem,
                      "fewer services, jobs or data stores per manifest keep each stack within "
                      "CloudFormation's quotas");
  }
}

// One file on its way from the renderer to the output set, finished on a worker thread.
struct FileWork {
  RenderedFile rendered;
  std::optional<std::string> finished;
  Diagnostics diagnostics;
};

// One format of one pack: rendered on a worker thread, then its files finished.
struct FormatWork {
  size_t pack_index = 0;  // in the packs (and views) of the run
  const Pack* pack = nullptr;
  const PackFormat* format = nullptr;
  const nlohmann::json* view = nullptr;
  Diagnostics diagnostics;  // the renderer's
  std::vector<FileWork> files;
};

std::vector<const PackFormat*> select_formats(const Pack& pack,
                                              const std::vector<std::string>& formats) {
  std::vector<const PackFormat*> selected;
  for (const auto& format : pack.formats) {
    if (formats.empty() ||
        std::find(formats.begin(), formats.end(), format.name) != formats.end()) {
      selected.push_back(&format);
    }
  }
  return selected;
}

// With no target named, "every target" is every pack that offers a format asked for and can
// carry the manifest: a pack that cannot (a Lambda pack and a worker service) is skipped with a
// note at what stops it, instead of failing the run for the packs that can. When none can, none
// is skipped: their errors say why nothing can be generated.
std::vector<const Pack*> packs_that_carry(const std::vector<const Pack*>& packs,
                                          const std::vector<AppModel>& models,
                                          const CompileRequest& request, Diagnostics& diagnostics) {
  std::vector<const Pack*> offering;
  for (const Pack* pack : packs) {
    if (!select_formats(*pack, request.formats).empty()) offering.push_back(pack);
  }
  std::vector<std::optional<FeatureUse>> blockers;
  bool any_carries = false;
  for (const Pack* pack : offering) {
    blockers.push_back(first_unsupported_feature(
        models, target_spec_of(*pack, request.accepted, request.formats)));
    any_carries = any_carries || !blockers.back();
  }
  if (!any_carries) return offering;
  std::vector<const Pack*> carrying;
  for (size_t i = 0; i < offering.size(); ++i) {
    if (!blockers[i]) {
      carrying.push_back(offering[i]);
      continue;
    }
    const FeatureUse& use = *blockers[i];
    diagnostics.note(
        use.location,
        "target '" + offering[i]->name + "' is skipped: it cannot carry " + use_phrase(use),
        unsupported_hint(use) + "; name it with -t to see every reason");
  }
  return carrying;
}

}  // namespace

std::optional<BuiltView> view_model_for(const std::string& manifest_path, const Pack& pack,
                                        const std::vector<std::string>& formats,
                                        Diagnostics& diagnostics) {
  auto manifest = load_manifest(manifest_path, diagnostics);
  if (!manifest) return std::nullopt;
  std::vector<AppModel> models = build_models(*manifest, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  const TargetSpec spec = target_spec_of(pack, {}, formats);
  nlohmann::json view = lower(models, spec, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return BuiltView{std::move(view), with_needed_sections(spec.sections)};
}

namespace {

// `--accept` names advisory features only: a misspelt one would silence nothing.
void check_accepted(const std::vector<std::string>& accepted, Diagnostics& diagnostics) {
  const std::vector<std::string>& advisory = advisory_features();
  for (const auto& name : accepted) {
    if (std::find(advisory.begin(), advisory.end(), name) != advisory.end()) continue;
    std::string hint = did_you_mean(name, advisory);
    if (hint.empty()) {
      hint = "--accept takes an advisory feature:";
      for (const auto& feature : advisory) hint += " " + feature;
    }
    diagnostics.usage_error("unknown advisory feature '" + name + "' for --accept", hint);
  }
}

}  // namespace

namespace {

struct LoweredPack {
  nlohmann::json view;
  Diagnostics diagnostics;
};

std::vector<bool> lowered_errors(const std::vector<LoweredPack>& lowered) {
  std::vector<bool> errors;
  for (const auto& pack : lowered) errors.push_back(pack.diagnostics.has_errors());
  return errors;
}

// With no target named, a pack that carries the manifest's features but still cannot lower it
// (an instance type no group's containers fit, a quota no layout keeps) is skipped like one that
// lacks a feature: a note at its first error instead of its errors, while another pack lowers
// cleanly. Named with -t, it reports every error.
void skip_packs_that_fail(const std::vector<const Pack*>& packs, const std::vector<bool>& failed,
                          std::vector<LoweredPack>& lowered) {
  if (std::find(failed.begin(), failed.end(), false) == failed.end()) return;
  for (size_t i = 0; i < packs.size(); ++i) {
    if (!failed[i]) continue;
    const Diagnostic* first = nullptr;
    for (const auto& diagnostic : lowered[i].diagnostics.all()) {
      if (diagnostic.severity == Severity::error) {
        first = &diagnostic;
        break;
      }
    }
    std::string message = first->message;
    const std::string own = "target '" + packs[i]->name + "' ";
    if (message.rfind(own, 0) == 0) message = "it " + message.substr(own.size());
    Diagnostics note;
    note.note(first->location, "target '" + packs[i]->name + "' is skipped: " + message,
              "name it with -t to see every reason");
    lowered[i].diagnostics = std::move(note);
    lowered[i].view = nullptr;
  }
}

}  // namespace

std::optional<CompileResult> compile(const CompileRequest& request, Diagnostics& diagnostics) {
  check_accepted(request.accepted, diagnostics);
  // The packs and the manifest are read at once, on two threads; their diagnostics are taken
  // in the order of a sequential run, which stops after packs that fail to load and builds
  // models only from a manifest without errors.
  PackRegistry registry;
  Diagnostics pack_diagnostics;
  bool packs_loaded = false;
  std::optional<CheckedManifest> manifest;
  Diagnostics manifest_diagnostics;
  std::vector<AppModel> models;
  Diagnostics model_diagnostics;
  run_tasks(2, [&](size_t task) {
    if (task == 0) {
      packs_loaded = load_packs(request.template_dirs, registry, pack_diagnostics);
      return;
    }
    manifest = load_manifest(request.manifest_path, manifest_diagnostics);
    if (manifest && !manifest_diagnostics.has_errors()) {
      models = build_models(*manifest, model_diagnostics);
    }
  });
  diagnostics.absorb(std::move(pack_diagnostics));
  if (!packs_loaded || diagnostics.has_errors()) return std::nullopt;
  std::vector<const Pack*> packs = select_packs(registry, request.targets, diagnostics);
  diagnostics.absorb(std::move(manifest_diagnostics));
  if (!manifest || diagnostics.has_errors()) return std::nullopt;
  diagnostics.absorb(std::move(model_diagnostics));
  if (diagnostics.has_errors()) return std::nullopt;

  CompileResult result;
  for (const auto& environment : manifest->environments) {
    result.environments.push_back(environment.name);
  }
  for (const auto& format : request.formats) {
    bool offered = false;
    for (const Pack* pack : packs) offered = offered || pack->find_format(format) != nullptr;
    if (!offered) {
      diagnostics.usage_error("no selected target offers format '" + format + "'");
    }
  }
  if (request.targets.empty()) packs = packs_that_carry(packs, models, request, diagnostics);
  const SourceLocation quota_location =
      models.front().locate(models.front().services.empty() ? "" : "/services");
  // Lowering, rendering and finishing run on worker threads: each task reads the shared models
  // and packs and writes only its own slot, and the slots are merged below in the order of a
  // sequential run (packs, then formats, then files), so output and diagnostics do not depend
  // on the number of threads.
  std::vector<LoweredPack> lowered(packs.size());
  run_tasks(packs.size(), [&](size_t i) {
    lowered[i].view = lower(models, target_spec_of(*packs[i], request.accepted, request.formats),
                            lowered[i].diagnostics);
    // Checked once here rather than once per format it is rendered in.
    if (!lowered[i].view.is_null() &&
        !check_view_model_markers(lowered[i].view, lowered[i].diagnostics)) {
      lowered[i].view = nullptr;
    }
  });
  if (request.targets.empty()) skip_packs_that_fail(packs, lowered_errors(lowered), lowered);
  std::vector<FormatWork> formats;
  for (size_t i = 0; i < packs.size(); ++i) {
    // Each target is lowered and checked on its own: one target's errors do not hide another's.
    const bool lowered_cleanly = !lowered[i].diagnostics.has_errors() && !lowered[i].view.is_null();
    diagnostics.absorb(std::move(lowered[i].diagnostics));
    if (!lowered_cleanly) continue;
    for (const PackFormat* format : select_formats(*packs[i], request.formats)) {
      formats.push_back({i, packs[i], format, &lowered[i].view, {}, {}});
    }
  }
  // A pack's view is freed as soon as the last of its formats is rendered, and each format's
  // files are finished right after it is rendered, so that the run never holds every view and
  // every rendered file at once (its peak of memory).
  std::vector<std::atomic<size_t>> formats_left(packs.size());
  for (const FormatWork& work : formats) ++formats_left[work.pack_index];
  run_tasks(formats.size(), [&](size_t i) {
    FormatWork& work = formats[i];
    for (RenderedFile& rendered :
         render_checked_format(*work.pack, *work.format, *work.view, work.diagnostics)) {
      work.files.push_back({std::move(rendered), std::nullopt, {}});
    }
    if (--formats_left[work.pack_index] == 0) {
      nlohmann::json().swap(lowered[work.pack_index].view);
    }
    const std::string prefix = work.pack->name + "/" + work.format->output_dir + "/";
    for (FileWork& file : work.files) {
      file.finished = finish_file(file.rendered, file.diagnostics);
      if (file.finished) {
        check_template_quotas(file.rendered, prefix + file.rendered.path, *file.finished,
                              quota_location, file.diagnostics);
      }
      // Diagnostics are made: the rendered text is no longer needed.
      std::string().swap(file.rendered.text);
      std::vector<int>().swap(file.rendered.line_origin_ids);
    }
  });
  for (FormatWork& work : formats) {
    GeneratedPart part;
    part.target = work.pack->name;
    part.format = work.format->name;
    part.folder = work.pack->name + "/" + work.format->output_dir;
    diagnostics.absorb(std::move(work.diagnostics));
    for (FileWork& file : work.files) {
      diagnostics.absorb(std::move(file.diagnostics));
      if (!file.finished) continue;
      result.files.add(part.folder + "/" + file.rendered.path, std::move(*file.finished),
                       diagnostics);
      ++part.file_count;
    }
    // A run that chose targets or formats owns only their folders; one with every target
    // and format owns the whole output folder (so a pack that went away, or that can no longer
    // carry the manifest and was skipped, is cleaned up).
    if (!request.targets.empty() || !request.formats.empty()) result.files.add_scope(part.folder);
    result.parts.push_back(part);
  }
  if (diagnostics.has_errors()) return std::nullopt;
  return result;
}

}  // namespace infragen
