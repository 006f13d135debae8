#include "model/naming.h"

#include <stdexcept>

#include "output/sha256.h"

namespace infragen {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_letter(c) || is_digit(c); }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool allowed(const NameRule& rule, char c) {
  if (is_alnum(c)) return !(rule.lower_case && c >= 'A' && c <= 'Z');
  return rule.punctuation.find(c) != std::string_view::npos;
}

// The character that replaces a disallowed one: '-' when the rule allows it, else the first
// punctuation it allows ('_' for some), else nothing (the character is dropped).
std::string replacement(const NameRule& rule) {
  if (rule.punctuation.find('-') != std::string_view::npos) return "-";
  if (!rule.punctuation.empty()) return std::string(1, rule.punctuation.front());
  return "";
}

// Applies case, character, hyphen and prefix rules without regard to length.
std::string normalise(const NameRule& rule, std::string_view name) {
  std::string out;
  for (char c : name) {
    char candidate = rule.lower_case ? lower(c) : c;
    std::string piece = allowed(rule, candidate) ? std::string(1, candidate) : replacement(rule);
    for (char p : piece) {
      if (rule.single_hyphens && p == '-' && !out.empty() && out.back() == '-') continue;
      out += p;
    }
  }
  if (!rule.forbidden_prefix.empty() && out.rfind(rule.forbidden_prefix, 0) == 0) {
    // "internal-x" -> "internalx": no longer the reserved prefix; the hash keeps it unique.
    out.erase(rule.forbidden_prefix.size() - 1, 1);
  }
  if (rule.letter_first) {
    while (!out.empty() && !is_letter(out.front())) out.erase(out.begin());
    if (out.empty() || !is_letter(out.front())) out.insert(out.begin(), 'n');
  }
  return out;
}

void trim_end(const NameRule& rule, std::string& name) {
  while (!name.empty() && (rule.alnum_last || rule.single_hyphens) && !is_alnum(name.back())) {
    name.pop_back();
  }
  // A cut may also leave a separator before the hash's own "-".
  while (!name.empty() && name.back() == '-') name.pop_back();
}

}  // namespace

bool satisfies(const NameRule& rule, std::string_view name, size_t reserved) {
  if (name.empty() || name.size() + reserved > rule.max_length) return false;
  for (char c : name) {
    if (!allowed(rule, c)) return false;
  }
  if (rule.letter_first && !is_letter(name.front())) return false;
  if (rule.alnum_last && !is_alnum(name.back())) return false;
  if (rule.single_hyphens && name.find("--") != std::string_view::npos) return false;
  if (!rule.forbidden_prefix.empty() && name.rfind(rule.forbidden_prefix, 0) == 0) return false;
  return true;
}

std::string fit_name(const NameRule& rule, std::string_view full_name, size_t reserved) {
  if (satisfies(rule, full_name, reserved)) return std::string(full_name);
  if (rule.max_length < reserved + kNameHashSuffixLength + 1) {
    throw std::logic_error("name rule '" + std::string(rule.kind) + "' leaves no room for a name");
  }
  std::string name = normalise(rule, full_name);
  size_t room = rule.max_length - reserved - kNameHashSuffixLength;
  if (name.size() > room) name.resize(room);
  trim_end(rule, name);
  // Letters first: a cut cannot remove the first character, so `name` keeps it (or is empty
  // only when the rule's characters excluded everything, which the hash alone then names).
  std::string hash = sha256_hex(full_name).substr(0, kNameHashSuffixLength - 1);
  if (name.empty()) return rule.letter_first ? "n" + hash : hash;
  return name + "-" + hash;
}

std::string resource_name(const NameRule& rule, std::string_view app, std::string_view env,
                          std::string_view thing, size_t reserved) {
  std::string full(app);
  full += '-';
  full += env;
  if (!thing.empty()) {
    full += '-';
    full += thing;
  }
  return fit_name(rule, full, reserved);
}

}  // namespace infragen
