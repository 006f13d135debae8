#include "frontend/pattern_explainer.h"

#include <bitset>
#include <cctype>
#include <limits>

#include "frontend/message_words.h"

namespace infragen {
namespace {

using CharSet = std::bitset<128>;

// One piece of a simple pattern: a set of characters repeated between min and max times.
struct Atom {
  CharSet chars;
  int min = 1;
  int max = 1;  // kUnbounded for '*' and '+'
};

constexpr int kUnbounded = std::numeric_limits<int>::max();

struct SimplePattern {
  std::vector<Atom> atoms;
  bool anchored_end = false;
  // The DNS-label form HEAD(BODY TAIL)?: a value of more than one character ends with TAIL.
  std::optional<Atom> tail;
};

bool special(char c) {
  return c == '.' || c == '(' || c == ')' || c == '|' || c == '*' || c == '+' || c == '?' ||
         c == '{' || c == '}' || c == '^' || c == '$' || c == '[' || c == ']';
}

// Parses "[...]" starting after the '['; returns false on anything but ranges and characters.
bool parse_class(const std::string& p, size_t& i, CharSet& set) {
  if (i < p.size() && p[i] == '^') return false;  // negated classes are not simple
  bool first = true;
  while (i < p.size() && (p[i] != ']' || first)) {
    first = false;
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size() || std::isalnum(static_cast<unsigned char>(p[i + 1]))) return false;
      c = p[++i];
    }
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      char last = p[i + 2];
      if (last < c || static_cast<unsigned char>(last) >= 128) return false;
      for (int k = c; k <= last; ++k) set.set(static_cast<size_t>(k));
      i += 3;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 128) return false;
    set.set(static_cast<size_t>(c));
    ++i;
  }
  if (i >= p.size()) return false;
  ++i;  // the closing ']'
  return true;
}

bool parse_quantifier(const std::string& p, size_t& i, Atom& atom) {
  if (i >= p.size()) return true;
  char c = p[i];
  if (c == '*' || c == '+' || c == '?') {
    atom.min = c == '+' ? 1 : 0;
    atom.max = c == '?' ? 1 : kUnbounded;
    ++i;
    return true;
  }
  if (c != '{') return true;
  size_t close = p.find('}', i);
  if (close == std::string::npos) return false;
  std::string inside = p.substr(i + 1, close - i - 1);
  size_t comma = inside.find(',');
  try {
    atom.min = std::stoi(inside.substr(0, comma));
    atom.max = comma == std::string::npos   ? atom.min
               : comma + 1 == inside.size() ? kUnbounded
                                            : std::stoi(inside.substr(comma + 1));
  } catch (const std::exception&) {
    return false;
  }
  i = close + 1;
  return true;
}

std::optional<SimplePattern> parse_simple(const std::string& p) {
  if (p.empty() || p[0] != '^') return std::nullopt;
  SimplePattern simple;
  size_t i = 1;
  size_t group_end = std::string::npos;  // where "(BODY TAIL)?$" closes, in the DNS-label form
  while (i < p.size()) {
    if (p[i] == '$' && i + 1 == p.size()) {
      simple.anchored_end = true;
      break;
    }
    if (p[i] == '(' && simple.atoms.size() == 1 && group_end == std::string::npos &&
        p.size() >= 4 && p.compare(p.size() - 3, 3, ")?$") == 0) {
      group_end = p.size() - 3;
      ++i;
      continue;
    }
    if (i == group_end) {
      // The group held exactly BODY TAIL, TAIL once: the form this explainer knows.
      if (simple.atoms.size() != 3 || simple.atoms[2].min != 1 || simple.atoms[2].max != 1) {
        return std::nullopt;
      }
      simple.tail = simple.atoms.back();
      simple.atoms.pop_back();
      i += 2;  // ")?"; the '$' follows
      continue;
    }
    Atom atom;
    if (p[i] == '[') {
      ++i;
      if (!parse_class(p, i, atom.chars)) return std::nullopt;
    } else if (p[i] == '\\') {
      if (i + 1 >= p.size() || std::isalnum(static_cast<unsigned char>(p[i + 1]))) {
        return std::nullopt;
      }
      atom.chars.set(static_cast<size_t>(p[i + 1]));
      i += 2;
    } else if (special(p[i]) || static_cast<unsigned char>(p[i]) >= 128) {
      return std::nullopt;
    } else {
      atom.chars.set(static_cast<size_t>(p[i]));
      ++i;
    }
    if (!parse_quantifier(p, i, atom)) return std::nullopt;
    simple.atoms.push_back(atom);
  }
  if (simple.atoms.empty()) return std::nullopt;
  if (group_end != std::string::npos && !simple.tail) return std::nullopt;
  // Understood forms: BODY, HEAD BODY (HEAD exactly once), or a prefix without '$'.
  if (!simple.anchored_end) {
    for (const Atom& atom : simple.atoms) {
      if (atom.chars.count() != 1 || atom.min != 1 || atom.max != 1) return std::nullopt;
    }
    return simple;
  }
  if (simple.atoms.size() > 2) return std::nullopt;
  if (simple.atoms.size() == 2 && (simple.atoms[0].min != 1 || simple.atoms[0].max != 1)) {
    return std::nullopt;
  }
  return simple;
}

CharSet range(char first, char last) {
  CharSet set;
  for (int c = first; c <= last; ++c) set.set(static_cast<size_t>(c));
  return set;
}

std::string quoted(char c) { return std::string("'") + c + "'"; }

// The parts of a character set in words; nothing when it holds part of a letter or digit
// range (e.g. [a-f]), which words would misstate.
std::optional<std::vector<std::string>> set_parts(const CharSet& set, bool singular,
                                                  bool case_is_implied) {
  const CharSet lower = range('a', 'z'), upper = range('A', 'Z'), digits = range('0', '9');
  std::vector<std::string> parts;
  bool has_lower = (set & lower) == lower, has_upper = (set & upper) == upper;
  if (((set & lower).any() && !has_lower) || ((set & upper).any() && !has_upper) ||
      ((set & digits).any() && (set & digits) != digits)) {
    return std::nullopt;
  }
  if (has_lower && has_upper) {
    parts.push_back(singular ? "a letter" : "letters");
  } else if (has_lower) {
    parts.push_back(singular ? (case_is_implied ? "a letter" : "a lower-case letter")
                             : "lower-case letters");
  } else if (has_upper) {
    parts.push_back(singular ? (case_is_implied ? "a letter" : "an upper-case letter")
                             : "upper-case letters");
  }
  if ((set & digits).any()) parts.push_back(singular ? "a digit" : "digits");
  for (size_t c = 0; c < 128; ++c) {
    if (!set.test(c) || lower.test(c) || upper.test(c) || digits.test(c)) continue;
    if (c < 32 || c == 127) return std::nullopt;
    parts.push_back(c == ' ' ? (singular ? "a space" : "spaces") : quoted(static_cast<char>(c)));
  }
  return parts;
}

std::string length_words(int min, int max) {
  auto characters = [](int n) {
    return std::to_string(n) + (n == 1 ? " character" : " characters");
  };
  if (max == kUnbounded) return min <= 1 ? "" : "at least " + characters(min) + " long";
  if (min == max) return "exactly " + characters(min) + " long";
  return std::to_string(min) + "-" + characters(max) + " long";
}

int add_lengths(int a, int b) { return (a == kUnbounded || b == kUnbounded) ? kUnbounded : a + b; }

}  // namespace

std::optional<std::string> explain_pattern(const std::string& pattern) {
  auto simple = parse_simple(pattern);
  if (!simple) return std::nullopt;
  if (!simple->anchored_end) {
    std::string prefix;
    for (const Atom& atom : simple->atoms) {
      for (size_t c = 0; c < 128; ++c) {
        if (atom.chars.test(c)) prefix += static_cast<char>(c);
      }
    }
    return "start with '" + prefix + "'";
  }
  const Atom& body = simple->atoms.back();
  const CharSet upper = range('A', 'Z');
  auto body_parts = set_parts(body.chars, false, false);
  if (!body_parts) return std::nullopt;
  std::vector<std::string> clauses;
  clauses.push_back("consist of " + join_words(*body_parts, "and"));
  int min = body.min, max = body.max;
  if (simple->atoms.size() == 2) {
    const Atom& head = simple->atoms.front();
    auto head_parts = set_parts(head.chars, true, (body.chars & upper).none());
    if (!head_parts) return std::nullopt;
    clauses.push_back("start with " + join_words(*head_parts, "or"));
    min = add_lengths(min, 1);
    max = add_lengths(max, 1);
  }
  if (simple->tail) {
    auto tail_parts = set_parts(simple->tail->chars, true, (body.chars & upper).none());
    if (!tail_parts) return std::nullopt;
    clauses.push_back("end with " + join_words(*tail_parts, "or"));
    min = 1;  // the head alone
    max = add_lengths(max, 1);
  }
  std::string length = length_words(min, max);
  if (!length.empty()) clauses.push_back("be " + length);
  return join_words(clauses, "and");
}

std::optional<std::string> explain_pattern_mismatch(const std::string& pattern,
                                                    const std::string& value) {
  auto simple = parse_simple(pattern);
  if (!simple || !simple->anchored_end) return std::nullopt;
  const std::string shown = "'" + value + "'";
  const Atom& body = simple->atoms.back();
  size_t start = 0;
  int min = body.min, max = body.max;
  if (simple->atoms.size() == 2) {
    const Atom& head = simple->atoms.front();
    if (value.empty()) return "it is empty";
    unsigned char first = static_cast<unsigned char>(value[0]);
    if (first >= 128 || !head.chars.test(first)) return shown + " starts with " + quoted(value[0]);
    start = 1;
    min = add_lengths(min, 1);
    max = add_lengths(max, 1);
  }
  for (size_t i = start; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 128 || !body.chars.test(c)) return shown + " contains " + quoted(value[i]);
  }
  if (simple->tail) {
    unsigned char last = static_cast<unsigned char>(value.back());
    if (value.size() > 1 && (last >= 128 || !simple->tail->chars.test(last))) {
      return shown + " ends with " + quoted(value.back());
    }
    min = 1;
    max = add_lengths(max, 1);
  }
  int length = static_cast<int>(value.size());
  if (length < min || length > max) {
    return shown + " is " + std::to_string(length) + (length == 1 ? " character" : " characters") +
           " long";
  }
  return std::nullopt;
}

std::vector<std::string> pattern_literal_alternatives(const std::string& pattern) {
  std::vector<std::string> words;
  if (pattern.size() < 4 || pattern.rfind("^(", 0) != 0 ||
      pattern.compare(pattern.size() - 2, 2, ")$") != 0) {
    return words;
  }
  // Split at the '|' of the outer group only; nested groups and classes hold their own.
  std::string inside = pattern.substr(2, pattern.size() - 4);
  std::vector<std::string> branches(1);
  int depth = 0;
  for (size_t i = 0; i < inside.size(); ++i) {
    char c = inside[i];
    if (c == '\\' && i + 1 < inside.size()) {
      branches.back() += inside.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (depth < 0) return words;  // "^(a)|(b)$" is not one outer group
    if (c == '|' && depth == 0) {
      branches.emplace_back();
    } else {
      branches.back() += c;
    }
  }
  for (const auto& branch : branches) {
    bool plain = !branch.empty();
    for (char c : branch) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') plain = false;
    }
    if (plain) words.push_back(branch);
  }
  return words;
}

}  // namespace infragen
