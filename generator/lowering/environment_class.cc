#include "lowering/environment_class.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace infragen {

namespace {

template <size_t N>
bool one_of(const std::string& name, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), name) != words.end();
}

}  // namespace

bool is_production_environment(const std::string& name) {
  static constexpr std::array<std::string_view, 5> kWords = {"prod", "production", "prd", "live",
                                                             "default"};
  return one_of(name, kWords);
}

bool is_development_environment(const std::string& name) {
  static constexpr std::array<std::string_view, 9> kWords = {
      "dev", "develop", "development", "test", "testing", "sandbox", "local", "ci", "preview"};
  return one_of(name, kWords);
}

}  // namespace infragen
