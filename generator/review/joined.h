// Joins names with ", " for the review printers ("dev, prod").
#pragma once

#include <string>
#include <vector>

namespace infragen::review {

inline std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace infragen::review
