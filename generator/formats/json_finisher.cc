#include "formats/json_finisher.h"

#include <nlohmann/json.hpp>

#include <map>
#include <vector>

#include "formats/generated_file_error.h"
#include "formats/json_reader.h"
#include "formats/pretty_json.h"

namespace infragen {
namespace {

using nlohmann::json;

// nlohmann reports "[json.exception.parse_error.101] parse error at line 2, column 5: MESSAGE";
// the position is reported separately, so only MESSAGE is kept.
std::string parse_error_message(const std::string& what) {
  size_t at = what.find(": ");
  return at == std::string::npos ? what : what.substr(at + 2);
}

// Byte offset of the `occurrence`-th (1-based) `"key"` followed by ':' in `text`.
size_t key_offset(const std::string& text, const std::string& key, int occurrence) {
  const std::string quoted = json(key).dump();
  size_t at = 0;
  while ((at = text.find(quoted, at)) != std::string::npos) {
    size_t after = text.find_first_not_of(" \t\r\n", at + quoted.size());
    if (after != std::string::npos && text[after] == ':' && --occurrence == 0) return at;
    at += quoted.size();
  }
  return 0;
}

// The full reading: a parse callback tracks the keys of every open object, so that a syntax
// error or a duplicate key is located in the template.
std::optional<std::string> finish_with_locations(const RenderedFile& file, const std::string& text,
                                                 Diagnostics& diagnostics) {
  // nlohmann keeps the last of two equal keys silently; a template that writes a key twice has
  // a bug, so keys are tracked per open object.
  std::vector<std::map<std::string, int>> open_objects;
  std::map<std::string, int> key_occurrences;
  std::optional<std::string> duplicate;
  int duplicate_occurrence = 0;
  json::parser_callback_t track_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == json::parse_event_t::key && !open_objects.empty()) {
      const std::string key = parsed.get<std::string>();
      int occurrence = ++key_occurrences[key];
      if (++open_objects.back()[key] == 2 && !duplicate) {
        duplicate = key;
        duplicate_occurrence = occurrence;
      }
    }
    return true;
  };
  json document;
  try {
    document = json::parse(text, track_keys);
  } catch (const json::parse_error& error) {
    int line = 0, column = 0;
    line_and_column(text, error.byte == 0 ? 0 : error.byte - 1, line, column);
    report_in_generated_file(file, line, column,
                             "invalid JSON: " + parse_error_message(error.what()), diagnostics);
    return std::nullopt;
  }
  if (duplicate) {
    int line = 0, column = 0;
    line_and_column(text, key_offset(text, *duplicate, duplicate_occurrence), line, column);
    report_in_generated_file(file, line, column, "duplicate key '" + *duplicate + "'", diagnostics);
    return std::nullopt;
  }
  try {
    return document.dump(2) + "\n";
  } catch (const json::type_error& error) {
    report_in_generated_file(file, 1, 1, "invalid JSON: " + parse_error_message(error.what()),
                             diagnostics);
    return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> finish_json(const RenderedFile& file, Diagnostics& diagnostics) {
  const std::string text = with_lf_and_final_newline(file.text);
  if (std::optional<json> document = read_json_without_duplicate_keys(text)) {
    try {
      std::string out;
      append_pretty_json(out, *document);
      out += '\n';
      return out;
    } catch (const json::type_error&) {
      // invalid UTF-8: reported by the full reading
    }
  }
  return finish_with_locations(file, text, diagnostics);
}

}  // namespace infragen
