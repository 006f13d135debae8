#include "formats/finish.h"

#include "formats/cloudformation/cloudformation_finisher.h"
#include "formats/hcl_finisher.h"
#include "formats/json_finisher.h"
#include "formats/text_finisher.h"
#include "formats/yaml/yaml_finisher.h"

namespace infragen {

std::optional<std::string> finish_file(const RenderedFile& file, Diagnostics& diagnostics) {
  if (file.kind == "hcl") return finish_hcl(file, diagnostics);
  if (file.kind == "json") return finish_json(file, diagnostics);
  if (file.kind == "yaml") return finish_yaml(file, diagnostics);
  if (file.kind == "cloudformation") return finish_cloudformation(file, diagnostics);
  if (file.kind == "markdown" || file.kind == "text" || file.kind == "shell")
    return finish_text(file);
  diagnostics.file_error(file.template_path, "unknown file kind '" + file.kind + "'");
  return std::nullopt;
}

}  // namespace infragen
