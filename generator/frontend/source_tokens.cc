#include "frontend/source_tokens.h"

#include <algorithm>
#include <vector>

namespace infragen {
namespace {

size_t line_end(std::string_view text, size_t pos) {
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  if (end > pos && text[end - 1] == '\r') --end;
  return end;
}

int clamp_length(size_t length) { return static_cast<int>(std::max<size_t>(1, length)); }

}  // namespace

int quoted_token_length(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 1;
  const char quote = text[pos];
  const size_t end = line_end(text, pos);
  for (size_t i = pos + 1; i < end; ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // the escaped character cannot close the string
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < end && text[i + 1] == '\'') {
        ++i;  // '' is an escaped single quote
      } else {
        return clamp_length(i + 1 - pos);
      }
    }
  }
  return clamp_length(end - pos);
}

int plain_token_length(std::string_view text, size_t pos, std::string_view value) {
  if (pos >= text.size()) return 1;
  const size_t end = line_end(text, pos);
  size_t length = 0;
  while (pos + length < end && length < value.size() && text[pos + length] == value[length]) {
    ++length;
  }
  return clamp_length(length);
}

int null_token_length(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  for (std::string_view word : {"null", "Null", "NULL", "~"}) {
    if (text.substr(pos, word.size()) != word) continue;
    size_t after = pos + word.size();
    if (after == text.size()) return static_cast<int>(word.size());
    char next = text[after];
    if (next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == ',' || next == ']' ||
        next == '}' || next == '#') {
      return static_cast<int>(word.size());
    }
  }
  return 0;
}

int indentation_tab_column(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\t') return static_cast<int>(i) + 1;
    if (line[i] != ' ') break;
  }
  return 0;
}

}  // namespace infragen

namespace infragen {

size_t unclosed_flow_opening(std::string_view text, size_t end, char open) {
  std::vector<size_t> openings;
  end = std::min(end, text.size());
  char previous = '\n';  // the last character that is not a space, for where scalars start
  for (size_t i = 0; i < end; ++i) {
    const char c = text[i];
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i < end && text[i] != '\n') ++i;
      previous = '\n';
      continue;
    }
    // A quote opens a string only where a scalar starts ("it's" in plain text is no quote).
    const bool scalar_start = previous == '\n' || previous == ':' || previous == ',' ||
                              previous == '[' || previous == '{' || previous == '-';
    if ((c == '"' || c == '\'') && scalar_start) {
      for (++i; i < end && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\') ++i;
      }
      previous = c;
      continue;
    }
    if (c == '[' || c == '{') openings.push_back(i);
    if ((c == ']' || c == '}') && !openings.empty()) openings.pop_back();
    if (c != ' ' && c != '\t' && c != '\r') previous = c;
  }
  for (auto it = openings.rbegin(); it != openings.rend(); ++it) {
    if (text[*it] == open) return *it;
  }
  return std::string_view::npos;
}

}  // namespace infragen

namespace infragen {

size_t first_invalid_utf8(std::string_view text) {
  const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The sequence length and the range of the second byte, which rules out overlong forms,
    // surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..).
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + 1 >= text.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace infragen
