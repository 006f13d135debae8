// format_hcl: parse, apply Terraform's rewrites, lay the tokens out like hclwrite.
#include "formats/hcl/hcl_format.h"

#include "formats/hcl/parser.h"
#include "formats/hcl/terraform_rewrites.h"
#include "formats/hcl/token_layout.h"

namespace infragen::hcl {

FormatResult format_hcl(std::string_view text) {
  FormatResult result;
  ParseResult parsed = parse_hcl(text);
  if (!parsed.ok()) {
    result.errors = std::move(parsed.errors);
    return result;
  }
  LayoutStream stream;
  stream.tokens.reserve(parsed.file.tokens.size());
  for (const Token& token : parsed.file.tokens)
    stream.tokens.push_back({token.type, token.text, 0});
  apply_terraform_rewrites(parsed.file, stream);
  lay_out_tokens(stream.tokens);
  result.formatted = render_tokens(stream.tokens);
  // `terraform fmt -` always ends its output with a line break. Unlike it, spaces at the
  // very end of a file without a final line break are dropped (terraform keeps them, and
  // then removes them on its next run), so that formatting is idempotent.
  if (result.formatted.empty() || result.formatted.back() != '\n') result.formatted += '\n';
  return result;
}

}  // namespace infragen::hcl
