// libFuzzer target for the HCL finisher: any input must parse or fail cleanly (no crash,
// no hang, no stack overflow), and formatting what parses must be idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "formats/hcl/hcl_format.h"

namespace {

[[noreturn]] void report(const char* problem, std::string_view input, std::string_view detail) {
  std::fprintf(stderr, "hcl_fuzz: %s\n--- input ---\n%.*s\n--- detail ---\n%.*s\n", problem,
               static_cast<int>(input.size()), input.data(), static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

std::string describe(const infragen::hcl::FormatResult& result) {
  std::string out;
  for (const auto& e : result.errors) {
    out += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const infragen::hcl::FormatResult first = infragen::hcl::format_hcl(input);
  if (!first.ok()) {
    for (const auto& error : first.errors) {
      if (error.line < 1 || error.column < 1 || error.message.empty()) {
        report("error without a position or message", input, describe(first));
      }
    }
    if (!first.formatted.empty()) report("output despite errors", input, first.formatted);
    return 0;
  }
  const infragen::hcl::FormatResult second = infragen::hcl::format_hcl(first.formatted);
  if (!second.ok()) report("formatted output does not parse", first.formatted, describe(second));
  if (second.formatted != first.formatted) {
    report("format(format(x)) != format(x)", first.formatted, second.formatted);
  }
  return 0;
}
