// Compact Unicode tables (ranges of the blocks that matter) for identifiers and columns.
#include "formats/hcl/unicode_text.h"

#include <algorithm>
#include <iterator>

namespace infragen::hcl {
namespace {

struct CodeRange {
  char32_t first;
  char32_t last;
};

template <std::size_t N>
bool in_ranges(const CodeRange (&ranges)[N], char32_t c) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                             [](char32_t value, const CodeRange& r) { return value < r.first; });
  if (it == std::begin(ranges)) return false;
  --it;
  return c >= it->first && c <= it->last;
}

// Non-ASCII code points that are not identifier characters: Latin-1 punctuation, general
// punctuation, symbols, CJK punctuation, specials and emoji.
constexpr CodeRange kNonIdentifier[] = {
    {0x80, 0xA9},       {0xAB, 0xB4},        {0xB6, 0xB9},     {0xBB, 0xBF},     {0xD7, 0xD7},
    {0xF7, 0xF7},       {0x2000, 0x206F},    {0x20A0, 0x20CF}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F},
    {0x3000, 0x3004},   {0x3008, 0x3020},    {0x3030, 0x3030}, {0xD800, 0xF8FF}, {0xFD3E, 0xFD3F},
    {0xFE10, 0xFE1F},   {0xFE30, 0xFE4F},    {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F},
    {0xFF1A, 0xFF20},   {0xFF3B, 0xFF40},    {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
    {0xE0000, 0xE007F}, {0xF0000, 0x10FFFF},
};

// Combining marks (nonspacing, enclosing and spacing), which HCL's ID_Continue includes but
// ID_Start does not.
constexpr CodeRange kCombiningMarks[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x05BF, 0x05BF},
    {0x05C1, 0x05C2},   {0x05C4, 0x05C5},   {0x05C7, 0x05C7},   {0x0610, 0x061A},
    {0x064B, 0x065F},   {0x0670, 0x0670},   {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0711, 0x0711},   {0x0730, 0x074A},
    {0x07A6, 0x07B0},   {0x07EB, 0x07F3},   {0x0816, 0x082D},   {0x0859, 0x085B},
    {0x08D3, 0x08E1},   {0x08E3, 0x0903},   {0x093A, 0x093C},   {0x093E, 0x094F},
    {0x0951, 0x0957},   {0x0962, 0x0963},   {0x0981, 0x0983},   {0x09BC, 0x09BC},
    {0x09BE, 0x09CD},   {0x09D7, 0x09D7},   {0x09E2, 0x09E3},   {0x0A01, 0x0A03},
    {0x0A3C, 0x0A51},   {0x0A70, 0x0A71},   {0x0A75, 0x0A75},   {0x0A81, 0x0A83},
    {0x0ABC, 0x0ABC},   {0x0ABE, 0x0ACD},   {0x0AE2, 0x0AE3},   {0x0B01, 0x0B03},
    {0x0B3C, 0x0B3C},   {0x0B3E, 0x0B57},   {0x0B62, 0x0B63},   {0x0B82, 0x0B82},
    {0x0BBE, 0x0BCD},   {0x0BD7, 0x0BD7},   {0x0C00, 0x0C04},   {0x0C3E, 0x0C56},
    {0x0C62, 0x0C63},   {0x0C81, 0x0C83},   {0x0CBC, 0x0CBC},   {0x0CBE, 0x0CD6},
    {0x0CE2, 0x0CE3},   {0x0D00, 0x0D03},   {0x0D3B, 0x0D3C},   {0x0D3E, 0x0D4D},
    {0x0D57, 0x0D57},   {0x0D62, 0x0D63},   {0x0D81, 0x0D83},   {0x0DCA, 0x0DDF},
    {0x0DF2, 0x0DF3},   {0x0E31, 0x0E31},   {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},
    {0x0EB1, 0x0EB1},   {0x0EB4, 0x0EBC},   {0x0EC8, 0x0ECD},   {0x0F18, 0x0F19},
    {0x0F35, 0x0F35},   {0x0F37, 0x0F37},   {0x0F39, 0x0F39},   {0x0F3E, 0x0F3F},
    {0x0F71, 0x0F84},   {0x0F86, 0x0F87},   {0x0F8D, 0x0FBC},   {0x0FC6, 0x0FC6},
    {0x102B, 0x103E},   {0x1056, 0x1059},   {0x105E, 0x1060},   {0x1071, 0x1074},
    {0x1082, 0x108D},   {0x108F, 0x108F},   {0x109A, 0x109D},   {0x135D, 0x135F},
    {0x1712, 0x1714},   {0x1732, 0x1734},   {0x1752, 0x1753},   {0x1772, 0x1773},
    {0x17B4, 0x17D3},   {0x17DD, 0x17DD},   {0x180B, 0x180D},   {0x1885, 0x1886},
    {0x18A9, 0x18A9},   {0x1920, 0x193B},   {0x1A17, 0x1A1B},   {0x1A55, 0x1A7F},
    {0x1AB0, 0x1AFF},   {0x1B00, 0x1B04},   {0x1B34, 0x1B44},   {0x1B6B, 0x1B73},
    {0x1B80, 0x1B82},   {0x1BA1, 0x1BAD},   {0x1BE6, 0x1BF3},   {0x1C24, 0x1C37},
    {0x1CD0, 0x1CD2},   {0x1CD4, 0x1CE8},   {0x1CED, 0x1CED},   {0x1CF4, 0x1CF4},
    {0x1CF7, 0x1CF9},   {0x1DC0, 0x1DFF},   {0x200C, 0x200D},   {0x20D0, 0x20FF},
    {0x2CEF, 0x2CF1},   {0x2D7F, 0x2D7F},   {0x2DE0, 0x2DFF},   {0x302A, 0x302F},
    {0x3099, 0x309A},   {0xA66F, 0xA672},   {0xA674, 0xA67D},   {0xA69E, 0xA69F},
    {0xA6F0, 0xA6F1},   {0xA802, 0xA802},   {0xA806, 0xA806},   {0xA80B, 0xA80B},
    {0xA823, 0xA827},   {0xA880, 0xA881},   {0xA8B4, 0xA8C5},   {0xA8E0, 0xA8F1},
    {0xA926, 0xA92D},   {0xA947, 0xA953},   {0xA980, 0xA983},   {0xA9B3, 0xA9C0},
    {0xAA29, 0xAA36},   {0xAA43, 0xAA43},   {0xAA4C, 0xAA4D},   {0xAAEB, 0xAAEF},
    {0xAAF5, 0xAAF6},   {0xABE3, 0xABEA},   {0xABEC, 0xABED},   {0xFB1E, 0xFB1E},
    {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},   {0xFF9E, 0xFF9F},   {0x101FD, 0x101FD},
    {0x1D165, 0x1D169}, {0x1D16D, 0x1D172}, {0x1D17B, 0x1D182}, {0x1E000, 0x1E02A},
    {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};

// Code points Go's unicode.IsPrint rejects (controls, format characters, separators other
// than ' ', surrogates, private use, noncharacters).
constexpr CodeRange kNotPrintable[] = {
    {0x00, 0x1F},        {0x7F, 0xA0},       {0xAD, 0xAD},       {0x600, 0x605},
    {0x61C, 0x61C},      {0x6DD, 0x6DD},     {0x70F, 0x70F},     {0x8E2, 0x8E2},
    {0x1680, 0x1680},    {0x180E, 0x180E},   {0x2000, 0x200F},   {0x2028, 0x202F},
    {0x205F, 0x2064},    {0x2066, 0x206F},   {0x3000, 0x3000},   {0xD800, 0xF8FF},
    {0xFEFF, 0xFEFF},    {0xFFF9, 0xFFFB},   {0xFFFE, 0xFFFF},   {0x110BD, 0x110BD},
    {0x1BCA0, 0x1BCA3},  {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
    {0xF0000, 0x10FFFF},
};

bool is_combining(char32_t c) { return in_ranges(kCombiningMarks, c); }

bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

bool is_pictographic(char32_t c) {
  return (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F000 && c <= 0x1FAFF);
}

enum class Hangul { none, leading, vowel, trailing, lv_syllable, lvt_syllable };

Hangul hangul_kind(char32_t c) {
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C)) return Hangul::leading;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6)) return Hangul::vowel;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB)) return Hangul::trailing;
  if (c >= 0xAC00 && c <= 0xD7A3) {
    return (c - 0xAC00) % 28 == 0 ? Hangul::lv_syllable : Hangul::lvt_syllable;
  }
  return Hangul::none;
}

// Whether a grapheme cluster continues from `previous` into `current` (UAX #29 rules
// GB6-GB9, GB11 and GB12/13, simplified).
bool joins(char32_t previous, char32_t current, int regional_run) {
  if (is_combining(current)) return true;
  if (previous == 0x200D && is_pictographic(current)) return true;
  if (is_regional_indicator(previous) && is_regional_indicator(current)) {
    return regional_run % 2 == 1;
  }
  Hangul before = hangul_kind(previous);
  Hangul after = hangul_kind(current);
  switch (before) {
    case Hangul::leading:
      return after == Hangul::leading || after == Hangul::vowel || after == Hangul::lv_syllable ||
             after == Hangul::lvt_syllable;
    case Hangul::vowel:
    case Hangul::lv_syllable:
      return after == Hangul::vowel || after == Hangul::trailing;
    case Hangul::trailing:
    case Hangul::lvt_syllable:
      return after == Hangul::trailing;
    case Hangul::none:
      return false;
  }
  return false;
}

}  // namespace

DecodedChar decode_utf8(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
  const std::size_t available = text.size() - offset;
  if (available == 0) return {};
  const unsigned char lead = byte(0);
  std::size_t length;
  char32_t value;
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xC0 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF7) {
    length = 4;
    value = lead & 0x07;
  } else {
    return {};
  }
  if (available < length) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {};
    value = (value << 6) | (byte(i) & 0x3F);
  }
  return {value, length};
}

bool is_scalar_value(const DecodedChar& decoded) {
  const char32_t c = decoded.code_point;
  switch (decoded.length) {
    case 1:
      return true;
    case 2:
      return c >= 0x80;
    case 3:
      return c >= 0x800 && (c < 0xD800 || c > 0xDFFF);
    case 4:
      return c >= 0x10000 && c <= 0x10FFFF;
    default:
      return false;
  }
}

bool is_identifier_start(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return !in_ranges(kNonIdentifier, c) && !is_combining(c);
}

bool is_identifier_continue(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }
  return !in_ranges(kNonIdentifier, c) || is_combining(c);
}

int display_columns(std::string_view text) {
  // Plain ASCII (the common case) is one column per byte, except that CR LF is one.
  bool ascii = true;
  int crlf = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) {
      ascii = false;
      break;
    }
    if (text[i] == '\n' && i > 0 && text[i - 1] == '\r') ++crlf;
  }
  if (ascii) return static_cast<int>(text.size()) - crlf;
  int columns = 0;
  char32_t previous = 0;
  bool have_previous = false;
  int regional_run = 0;
  for (std::size_t i = 0; i < text.size();) {
    DecodedChar decoded = decode_utf8(text, i);
    char32_t current = decoded.length == 0 ? 0xFFFD : decoded.code_point;
    i += decoded.length == 0 ? 1 : decoded.length;
    bool continues = have_previous && ((previous == '\r' && current == '\n') ||
                                       joins(previous, current, regional_run));
    if (!continues) ++columns;
    regional_run = is_regional_indicator(current) ? regional_run + 1 : 0;
    previous = current;
    have_previous = true;
  }
  return columns;
}

bool is_printable(char32_t c) { return c == ' ' || !in_ranges(kNotPrintable, c); }

bool is_unicode_space(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

}  // namespace infragen::hcl
