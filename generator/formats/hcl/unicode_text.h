// The few Unicode facts HCL needs: UTF-8 decoding, identifier characters, columns, printability.
#pragma once

#include <cstddef>
#include <string_view>

namespace infragen::hcl {

// A decoded UTF-8 sequence; length 0 means the byte at the position is not valid UTF-8.
struct DecodedChar {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// Decodes the character at `offset`, accepting the same byte patterns as HCL's scanner.
DecodedChar decode_utf8(std::string_view text, std::size_t offset);

// Whether `decoded` is a Unicode scalar value in its shortest form, as Go's utf8.DecodeRune
// requires (decode_utf8 accepts overlong forms, surrogates and code points past U+10FFFF).
bool is_scalar_value(const DecodedChar& decoded);

// Identifier characters: HCL uses Unicode ID_Start/ID_Continue (plus '_' and '-'); outside
// ASCII this is an approximation that treats letters of all scripts as identifier characters
// and punctuation, symbol and space blocks as not.
bool is_identifier_start(char32_t c);
bool is_identifier_continue(char32_t c);

// How many columns `text` takes on screen, counting user-perceived characters (extended
// grapheme clusters, approximated: combining marks, joiners and Hangul jamo join the
// preceding character) as hclwrite does when it aligns `=` and comments.
int display_columns(std::string_view text);

// Whether Go's unicode.IsPrint would accept `c` (letters, marks, numbers, punctuation,
// symbols and the ASCII space); used when re-quoting block labels.
bool is_printable(char32_t c);

// Unicode White_Space, as Go's bytes.TrimSpace uses it.
bool is_unicode_space(char32_t c);

// Appends the UTF-8 encoding of `c` to `out`.
template <typename String>
void append_utf8(String& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace infragen::hcl
