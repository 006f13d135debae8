#include "lowering/eventbridge_cron.h"

#include <cctype>
#include <sstream>

namespace infragen::eventbridge_cron {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

bool all_digits(const std::string& text) {
  if (text.empty() || text.size() > 4) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::optional<int> number_or_name(const std::string& text, std::span<const char* const> names) {
  if (all_digits(text)) return std::stoi(text);
  std::string upper;
  for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < names.size(); ++i) {
    if (upper == names[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

}  // namespace infragen::eventbridge_cron
