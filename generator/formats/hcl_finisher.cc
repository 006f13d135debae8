#include "formats/hcl_finisher.h"

#include "formats/generated_file_error.h"
#include "formats/hcl/hcl_format.h"

namespace infragen {

std::optional<std::string> finish_hcl(const RenderedFile& file, Diagnostics& diagnostics) {
  const std::string text = with_lf_and_final_newline(file.text);
  hcl::FormatResult result = hcl::format_hcl(text);
  if (!result.ok()) {
    for (const hcl::SyntaxError& error : result.errors) {
      report_in_generated_file(file, error.line, error.column, "invalid HCL: " + error.message,
                               diagnostics);
    }
    return std::nullopt;
  }
  return result.formatted;
}

}  // namespace infragen
