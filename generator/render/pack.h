// Template packs: a target's pack.yaml and template files, loaded from templates/ folders.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"

namespace infragen {

// A pack is a folder `<templates>/<target>/` (the folder name is the target name) holding:
//
//   pack.yaml            checked against schemas/pack.v1.schema.json:
//     name: ecs-fargate                   # must equal the folder name
//     description: ECS on Fargate behind an ALB
//     supports: [services.public, databases.postgres, ...]   # lowering refuses the rest
//     sections: [network, ecs_workloads, fargate_sizing]   # view sections it needs
//     references_from: ecs                # optional: _shared/references/ecs.yaml, kind by kind
//     references:                         # per format: reference kind -> mustache snippet
//       terraform: {databases.host: "aws_db_instance.{{resource}}.address"}
//     formats:
//       terraform:
//         output_dir: terraform           # under <output>/<target>/
//         files:
//           - {path: main.tf, template: terraform/main.tf.mustache, kind: hcl}
//           - {path: "services/{{name}}.tf", template: terraform/service.tf.mustache,
//              each: services, kind: hcl}
//           - {path: cache.tf, template: terraform/cache.tf.mustache, when: caches, kind: hcl}
//   *.mustache           the templates named by pack.yaml (paths relative to the pack folder)
//   partials/**.mustache the pack's own partials, used as {{> partials/NAME}}
//
// Shared partials live in `<templates>/_shared/**.mustache` and are used by their path without
// the extension ({{> terraform/aws/network}}). Partial names are always the file's path relative to
// the folder holding `_shared` or the pack, minus ".mustache"; a pack's own partials start with
// "partials/", so a template shows where each partial comes from.

// One entry of a format's `files:` list in pack.yaml.
struct PackFile {
  std::string path;           // output path, may contain mustache tags, e.g. "env/{{name}}.tfvars"
  std::string template_path;  // template file relative to the pack folder
  std::string each;           // optional: dotted view-model path of a list; one file per item
  std::string when;           // optional: dotted view-model path; the file exists when it is set
  std::string kind;  // finisher: hcl | json | yaml | cloudformation | markdown | text | shell
  SourceLocation location;  // this entry in pack.yaml, for problems found while rendering it
};

struct PackFormat {
  std::string name;        // terraform | cloudformation | helm | compose
  std::string output_dir;  // sub-folder of the output for this format, e.g. "terraform"
  std::vector<PackFile> files;
};

struct Pack {
  std::string name;
  std::string description;
  std::string folder;  // absolute or relative path of the pack folder
  std::vector<PackFormat> formats;
  std::vector<std::string> supports;  // manifest features the pack can carry (see pack schema)
  std::vector<std::string> sections;  // view sections lowering builds for it (see pack schema)
  nlohmann::json references;          // per-format wiring of ${...} references (see pack schema)
  std::string references_from;        // shared reference file merged under `references`
  SourceLocation references_from_location;
  std::map<std::string, std::string> partials;  // name -> text, from templates/_shared and the pack
  std::map<std::string, std::string> partial_files;  // name -> path of the file it was read from
  std::map<std::string, std::string> templates;  // template_path -> text, read when the pack loads

  const PackFormat* find_format(const std::string& format) const;
};

// All packs found in the built-in templates folder and in `--templates` folders
// (a later folder overrides a pack of the same name).
class PackRegistry {
 public:
  // Loads every `<folder>/<target>/pack.yaml` and `<folder>/_shared/**` partial; pack.yaml is
  // validated against schemas/pack.v1.schema.json. A pack replaces a loaded pack of the same
  // name, and a shared partial an earlier one of the same name (for every pack). Folders whose
  // name starts with '_' or '.', or without pack.yaml, are not packs. Problems are reported as
  // PACK_YAML:LINE:COL; a pack with a problem is not registered. Returns false on any error.
  bool load_folder(const std::string& folder, Diagnostics& diagnostics);
  const Pack* find(const std::string& name) const;
  std::vector<const Pack*> all() const;  // sorted by name

 private:
  void merge_shared_references(Pack& pack, Diagnostics& diagnostics) const;

  std::map<std::string, Pack> packs_;
  std::map<std::string, std::string> shared_partials_;
  // `_shared/references/<name>.yaml`: name -> {format -> {kind -> snippet}}.
  std::map<std::string, nlohmann::json> shared_references_;
  std::map<std::string, std::string> shared_partial_files_;
  // Each pack's own partials (its `partials/` folder), kept to rebuild `Pack::partials` when a
  // later folder brings new shared partials.
  std::map<std::string, std::map<std::string, std::string>> own_partials_;
  std::map<std::string, std::map<std::string, std::string>> own_partial_files_;
  std::map<std::string, nlohmann::json> own_references_;  // as its pack.yaml writes them
};

// The pack JSON Schema (schemas/pack.v1.schema.json, compiled into the binary).
const std::string& pack_schema_text();

}  // namespace infragen
