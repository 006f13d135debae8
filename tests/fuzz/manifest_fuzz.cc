// libFuzzer target for the front end: any manifest text compiles for ecs-fargate or is rejected
// with located errors only; no crash, hang, escaped exception or internal error on the way.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#ifdef MANIFEST_FUZZ_RENDER
#include "formats/cloudformation/cloudformation_quotas.h"
#include "formats/finish.h"
#endif
#include "frontend/manifest.h"
#include "lowering/lowering.h"
#include "model/model.h"
#include "render/pack.h"
#include "render/render.h"

#ifndef INFRAGEN_SOURCE_DIR
#define INFRAGEN_SOURCE_DIR "."
#endif

namespace {

using infragen::Diagnostic;
using infragen::Diagnostics;
using infragen::Severity;

constexpr const char* kDisplayPath = "fuzz/app.yaml";
constexpr const char* kTarget = "ecs-fargate";

// Loaded once: reading and checking the pack per input would dominate the run time.
infragen::PackRegistry* registry = nullptr;
const infragen::Pack* pack = nullptr;
// Rendering and finishing an accepted manifest costs seconds under the sanitizers (against
// milliseconds for the front end), so it is built only with MANIFEST_FUZZ_RENDER=1 (which also
// spares `make test` the sanitizer build of the finishers) and runs when that is set.
bool render = false;

[[noreturn]] void report(const char* stage, const char* problem, std::string_view input,
                         const std::string& detail) {
  std::fprintf(stderr,
               "manifest_fuzz: %s: %s\n--- input ---\n%.*s\n--- end of input ---\n"
               "--- detail ---\n%s\n",
               stage, problem, static_cast<int>(input.size()), input.data(), detail.c_str());
  std::abort();
}

std::string printed(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all()) {
    out += infragen::format_diagnostic(d);
    out += "  [file=" + std::string(d.location.file ? d.location.file->path() : "<none>") +
           " path=" + d.path + " line=" + std::to_string(d.location.line) +
           " column=" + std::to_string(d.location.column) + "]\n";
  }
  return out;
}

// Every error a user sees must point into the manifest at a real line and column, and none
// may be an internal error dressed up as a diagnostic.
void check_diagnostics(const char* stage, const Diagnostics& diagnostics, std::string_view input) {
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.message.empty())
      report(stage, "diagnostic without a message", input, printed(diagnostics));
    if (d.message.rfind("internal error", 0) == 0) {
      report(stage, "internal error reported as a diagnostic", input, printed(diagnostics));
    }
    if (d.severity != Severity::error) continue;
    if (!d.location.file || d.location.file->path() != kDisplayPath || d.location.line < 1 ||
        d.location.column < 1) {
      report(stage, "error without a manifest line and column", input, printed(diagnostics));
    }
  }
}

// The ecs-fargate pack as the CLI sees it (pipeline.cc: target_spec_of).
infragen::TargetSpec target_spec() {
  infragen::TargetSpec spec;
  spec.target = pack->name;
  spec.supports = pack->supports;
  spec.sections = pack->sections;
  spec.references = pack->references;
  return spec;
}

void run(std::string_view input, const char*& stage) {
  Diagnostics diagnostics;
  stage = "load";
  auto manifest = infragen::load_manifest_text(kDisplayPath, std::string(input), diagnostics);
  check_diagnostics(stage, diagnostics, input);
  if (!manifest) {
    if (!diagnostics.has_errors()) report(stage, "rejected without an error", input, "");
    return;
  }
  if (diagnostics.has_errors()) {
    report(stage, "accepted despite errors", input, printed(diagnostics));
  }

  stage = "model";
  std::vector<infragen::AppModel> models = infragen::build_models(*manifest, diagnostics);
  check_diagnostics(stage, diagnostics, input);
  // build_models() reports only checked manifests it cannot read: front-end gaps.
  if (diagnostics.has_errors()) {
    report(stage, "the model refused a checked manifest", input, printed(diagnostics));
  }

  stage = "lowering";
  const nlohmann::json view = infragen::lower(models, target_spec(), diagnostics);
  check_diagnostics(stage, diagnostics, input);
  if (diagnostics.has_errors() || !render) return;
#ifdef MANIFEST_FUZZ_RENDER

  // A manifest lowering accepted must render to files that parse in their format: a template
  // or finisher error here would be ours, not the user's.
  stage = "render";
  std::vector<std::string> finished;
  for (const infragen::PackFormat& format : pack->formats) {
    for (const infragen::RenderedFile& file :
         infragen::render_format(*pack, format, view, diagnostics)) {
      std::optional<std::string> text = infragen::finish_file(file, diagnostics);
      if (text && file.kind == "cloudformation") finished.push_back(std::move(*text));
    }
  }
  if (diagnostics.has_errors()) {
    report(stage, "an accepted manifest does not render or finish", input, printed(diagnostics));
  }
  // Too large a template is the user's to fix; `generate` reports it at the services.
  stage = "quotas";
  bool over_quota = false;
  for (const std::string& text : finished) {
    over_quota = over_quota || !infragen::cloudformation_quota_problems(text).empty();
  }
  const infragen::AppModel& first = models.front();
  const infragen::SourceLocation where = first.locate(first.services.empty() ? "" : "/services");
  if (over_quota && (where.line < 1 || where.column < 1)) {
    report(stage, "a template over a quota, with no line to report it at", input, "");
  }
#endif
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* from_env = std::getenv("INFRAGEN_TEMPLATES_DIR");
  const std::string folder =
      from_env && *from_env ? from_env : std::string(INFRAGEN_SOURCE_DIR) + "/templates";
  const char* render_flag = std::getenv("MANIFEST_FUZZ_RENDER");
  render = render_flag && std::string(render_flag) == "1";
  registry = new infragen::PackRegistry();
  Diagnostics diagnostics;
  if (!registry->load_folder(folder, diagnostics) || !(pack = registry->find(kTarget))) {
    std::fprintf(stderr, "manifest_fuzz: cannot load the %s pack from %s\n%s", kTarget,
                 folder.c_str(), printed(diagnostics).c_str());
    std::exit(1);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const char* stage = "start";
  try {
    run(input, stage);
  } catch (const std::exception& error) {
    report(stage, "exception escaped", input, error.what());
  } catch (...) {
    report(stage, "exception escaped", input, "(not a std::exception)");
  }
  return 0;
}
