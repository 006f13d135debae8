#include "frontend/yaml_loader.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "frontend/json_pointer.h"
#include "frontend/source_tokens.h"
#include "frontend/yaml_scalar.h"

namespace infragen {
namespace {

// "U+0001" for the first C0 control character of `text` other than tab, newline and return, or
// DEL: escape sequences of double-quoted YAML can write them, and no setting of an app wants one.
std::optional<std::string> control_character(const std::string& text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", byte);
      return std::string(code);
    }
  }
  return std::nullopt;
}

using json = nlohmann::json;

// Aliases can make a small file expand enormously ("billion laughs") or refer to themselves;
// these limits turn both into an error instead of exhausting memory or the stack.
constexpr int kMaxDepth = 100;
constexpr long kMaxNodes = 1'000'000;

// A hint for the syntax errors yaml-cpp reports most often, in the user's terms.
std::string syntax_hint(const std::string& message) {
  if (message == "end of map not found") {
    return "check the indentation: keys of one map must start in the same column";
  }
  if (message == "illegal map value") {
    return "a ':' is not allowed here; quote a value that contains ': '";
  }
  if (message == "end of sequence flow not found") return "a '[' list is missing its ']'";
  if (message == "end of map flow not found") return "a '{' map is missing its '}'";
  if (message == "end of sequence not found") {
    return "check the indentation: items of one list must start in the same column";
  }
  return {};
}

class Converter {
 public:
  Converter(const SourceFilePtr& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  Document convert_root(const YAML::Node& root) {
    Document document;
    document.file = file_;
    document_ = &document;
    document.root = convert(root, "", 0);
    return document;
  }

  bool failed() const { return failed_; }

 private:
  SourceLocation location_of(const YAML::Mark& mark, int length = 1) const {
    SourceLocation where;
    where.file = file_;
    if (mark.is_null()) return where;
    where.line = mark.line + 1;
    where.column = mark.column + 1;
    where.length = length;
    return where;
  }

  // The location of a scalar node, underlining its text.
  SourceLocation scalar_location(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.pos < 0) return location_of(mark);
    const size_t pos = static_cast<size_t>(mark.pos);
    const std::string& text = file_->text();
    int length = 1;
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
      length = quoted_token_length(text, pos);
    } else if (node.Tag() == "?") {
      length = plain_token_length(text, pos, node.Scalar());
    }
    return location_of(mark, length);
  }

  void error(const SourceLocation& where, std::string message, std::string hint = {}) {
    diagnostics_.error(where, std::move(message), std::move(hint));
    failed_ = true;
  }

  json convert(const YAML::Node& node, const std::string& pointer, int depth) {
    if (failed_limits_) return nullptr;
    if (depth > kMaxDepth || ++node_count_ > kMaxNodes) {
      error(location_of(node.Mark()),
            "the document is nested too deeply or expands too much (a recursive alias?)");
      failed_limits_ = true;
      return nullptr;
    }
    switch (node.Type()) {
      case YAML::NodeType::Map:
        document_->value_locations[pointer] = location_of(node.Mark());
        return convert_map(node, pointer, depth);
      case YAML::NodeType::Sequence: {
        document_->value_locations[pointer] = location_of(node.Mark());
        json array = json::array();
        size_t index = 0;
        for (const auto& item : node) {
          array.push_back(convert(item, child_pointer(pointer, index++), depth + 1));
        }
        return array;
      }
      case YAML::NodeType::Scalar:
        return convert_scalar(node, pointer);
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        record_null(node, pointer);
        return nullptr;
    }
    return nullptr;
  }

  void record_null(const YAML::Node& node, const std::string& pointer) {
    const YAML::Mark mark = node.Mark();
    int length =
        mark.pos >= 0 ? null_token_length(file_->text(), static_cast<size_t>(mark.pos)) : 0;
    if (length > 0) {
      document_->value_locations[pointer] = location_of(mark, length);
      return;
    }
    // Nothing is written (`key:` alone); yaml-cpp then marks the next token, which may be on
    // a later line, so the empty value is located at its key instead.
    auto key = document_->key_locations.find(pointer);
    document_->value_locations[pointer] =
        key != document_->key_locations.end() ? key->second : location_of(mark);
  }

  json convert_scalar(const YAML::Node& node, const std::string& pointer) {
    SourceLocation where = scalar_location(node);
    document_->value_locations[pointer] = where;
    const std::string& tag = node.Tag();
    std::variant<json, ScalarError> value = tag == "!" ? json(node.Scalar())
                                            : tag == "?"
                                                ? resolve_plain_scalar(node.Scalar())
                                                : resolve_tagged_scalar(tag, node.Scalar());
    if (auto* problem = std::get_if<ScalarError>(&value)) {
      error(where, problem->message);
      return nullptr;
    }
    json& converted = std::get<json>(value);
    if (converted.is_string()) {
      if (auto control = control_character(converted.get_ref<const std::string&>())) {
        error(where, "a value cannot hold the control character " + *control,
              "generated code would carry it; remove it (tab, newline and return are allowed)");
        return nullptr;
      }
    }
    return converted;
  }

  // A map key as a string; plain keys that YAML types as something else (`80:`, `true:`) are
  // rejected because JSON keys, and so every manifest key, are strings.
  std::optional<std::string> key_text(const YAML::Node& key) {
    if (!key.IsScalar()) {
      error(location_of(key.Mark()), "a map key must be a plain name, not a map or a list");
      return std::nullopt;
    }
    if (key.Tag() == "?") {
      auto typed = resolve_plain_scalar(key.Scalar());
      if (auto* value = std::get_if<json>(&typed); value && !value->is_string()) {
        error(scalar_location(key), "the map key '" + key.Scalar() + "' must be a string",
              "write it in quotes: \"" + key.Scalar() + "\"");
        return std::nullopt;
      }
    }
    return key.Scalar();
  }

  json convert_map(const YAML::Node& node, const std::string& pointer, int depth) {
    json object = json::object();
    std::map<std::string, SourceLocation> first_seen;
    std::vector<YAML::Node> merges;
    for (const auto& entry : node) {
      if (entry.first.IsScalar() && entry.first.Tag() == "?" && entry.first.Scalar() == "<<") {
        merges.push_back(entry.second);
        continue;
      }
      std::optional<std::string> name = key_text(entry.first);
      if (!name) continue;
      SourceLocation key_where = scalar_location(entry.first);
      auto [seen, inserted] = first_seen.emplace(*name, key_where);
      if (!inserted) {
        error(key_where, "duplicate key '" + *name + "'",
              "'" + *name + "' is already set on line " + std::to_string(seen->second.line));
        continue;
      }
      std::string child = child_pointer(pointer, *name);
      document_->key_locations[child] = key_where;
      object[*name] = convert(entry.second, child, depth + 1);
    }
    for (const auto& merge : merges) apply_merge_key(merge, pointer, depth, object);
    return object;
  }

  // `<<: *defaults` (or a list of them) copies the entries of other maps that this map does
  // not set itself; common in compose files, so manifests written by the same people use it.
  void apply_merge_key(const YAML::Node& source, const std::string& pointer, int depth,
                       json& object) {
    std::vector<YAML::Node> maps;
    if (source.IsMap()) {
      maps.push_back(source);
    } else if (source.IsSequence()) {
      for (const auto& item : source) maps.push_back(item);
    }
    for (const auto& map : maps) {
      if (!map.IsMap()) {
        error(location_of(map.Mark()), "'<<' merges maps only (write '<<: *name' of a map)");
        continue;
      }
      for (const auto& entry : map) {
        if (!entry.first.IsScalar()) continue;
        const std::string& name = entry.first.Scalar();
        if (object.contains(name)) continue;
        std::string child = child_pointer(pointer, name);
        document_->key_locations[child] = scalar_location(entry.first);
        object[name] = convert(entry.second, child, depth + 1);
      }
    }
    if (maps.empty()) {
      error(location_of(source.Mark()), "'<<' merges maps only (write '<<: *name' of a map)");
    }
  }

  SourceFilePtr file_;
  Diagnostics& diagnostics_;
  Document* document_ = nullptr;
  bool failed_ = false;
  bool failed_limits_ = false;
  long node_count_ = 0;
};

SourceLocation position_of(const SourceFilePtr& file, size_t offset);

void report_syntax_error(const SourceFilePtr& file, const YAML::Exception& problem,
                         Diagnostics& diagnostics) {
  SourceLocation where;
  where.file = file;
  if (!problem.mark.is_null()) {
    where.line = problem.mark.line + 1;
    where.column = problem.mark.column + 1;
  }
  // yaml-cpp reports a tab in the indentation as whatever the tab breaks; name the tab itself.
  for (int line = where.line; line >= 1 && line >= where.line - 1; --line) {
    if (int column = indentation_tab_column(file->line(line)); column > 0) {
      SourceLocation tab;
      tab.file = file;
      tab.line = line;
      tab.column = column;
      diagnostics.error(tab, "tabs cannot be used for indentation in YAML", "indent with spaces");
      return;
    }
  }
  // yaml-cpp notices an unclosed '[' or '{' only where the document ends; point at the opening.
  const bool list = problem.msg == "end of sequence flow not found";
  if ((list || problem.msg == "end of map flow not found") && problem.mark.pos >= 0) {
    size_t opening = unclosed_flow_opening(file->text(), static_cast<size_t>(problem.mark.pos),
                                           list ? '[' : '{');
    if (opening != std::string_view::npos) {
      diagnostics.error(position_of(file, opening),
                        list ? "YAML syntax error: this '[' list has no closing ']'"
                             : "YAML syntax error: this '{' map has no closing '}'",
                        list ? "end the list with ']' on the same line, or write one item per "
                               "line with '- '"
                             : "end the map with '}', or write one field per line");
      return;
    }
  }
  diagnostics.error(where, "YAML syntax error: " + problem.msg, syntax_hint(problem.msg));
}

// The line and column of byte `offset` of `file`.
SourceLocation position_of(const SourceFilePtr& file, size_t offset) {
  SourceLocation where;
  where.file = file;
  const std::string& text = file->text();
  where.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  where.column = 1 + static_cast<int>(offset - line_start);
  return where;
}

// Where each document of a YAML stream starts, where its root node is and whether it is empty,
// from the parser's events alone (no nodes are built).
struct DocumentOutline {
  YAML::Mark start;
  YAML::Mark root;
  bool empty = true;
};

class OutlineHandler : public YAML::EventHandler {
 public:
  std::vector<DocumentOutline> documents;

  void OnDocumentStart(const YAML::Mark& mark) override {
    documents.push_back({mark, mark, true});
    depth_ = 0;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, true); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(mark, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark, false);
    ++depth_;
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark, false);
    ++depth_;
  }
  void OnMapEnd() override { --depth_; }

 private:
  void node(const YAML::Mark& mark, bool null) {
    if (depth_ != 0 || documents.empty()) return;
    documents.back().root = mark;
    documents.back().empty = null;
  }
  int depth_ = 0;
};

// The documents of `text`, as YAML::LoadAll would find them. yaml-cpp 0.7's LoadAll loops
// forever, allocating, on a token that cannot start a node at the top of a document (a stray
// ',', jbeder/yaml-cpp#1040): the parser reports an empty document without consuming it, again
// and again. A document that starts where the previous one did is that token; `stuck` gets it.
// Throws YAML::Exception on a syntax error.
std::vector<DocumentOutline> outline_documents(const std::string& text,
                                               std::optional<YAML::Mark>& stuck) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  OutlineHandler handler;
  while (parser.HandleNextDocument(handler)) {
    const auto& documents = handler.documents;
    const size_t count = documents.size();
    // Every real document consumes at least one byte; the count bound is a second guard.
    if ((count >= 2 && documents[count - 1].start.pos == documents[count - 2].start.pos) ||
        count > text.size() + 1) {
      stuck = documents.back().start;
      break;
    }
  }
  return std::move(handler.documents);
}

void report_stuck_parser(const SourceFilePtr& file, const YAML::Mark& mark,
                         Diagnostics& diagnostics) {
  SourceLocation where;
  where.file = file;
  where.line = std::max(1, mark.line + 1);
  where.column = std::max(1, mark.column + 1);
  const std::string& text = file->text();
  const char c = mark.pos >= 0 && static_cast<size_t>(mark.pos) < text.size() ? text[mark.pos] : 0;
  if (c == ',') {
    diagnostics.error(where, "YAML syntax error: unexpected ','",
                      "',' separates items only inside [ ] or { }; quote a value that starts "
                      "with it");
  } else {
    diagnostics.error(where, "YAML syntax error: no value can start here");
  }
}

}  // namespace

std::optional<Document> load_yaml_document(const SourceFilePtr& file, Diagnostics& diagnostics) {
  // yaml-cpp passes any byte through, but the schema validator (valijson) reads strings as
  // UTF-8 and overruns its tables on a malformed sequence; a Latin-1 file is said so here.
  if (size_t bad = first_invalid_utf8(file->text()); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(file->text()[bad]));
    diagnostics.error(position_of(file, bad),
                      std::string("invalid UTF-8 (byte ") + byte + "): a manifest is UTF-8 text",
                      "save the file with UTF-8 encoding");
    return std::nullopt;
  }
  std::vector<DocumentOutline> documents;
  YAML::Node root;
  try {
    std::optional<YAML::Mark> stuck;
    documents = outline_documents(file->text(), stuck);
    if (stuck) {
      report_stuck_parser(file, *stuck, diagnostics);
      return std::nullopt;
    }
    // The first document again, now as nodes; YAML::Load reads no further than it.
    if (!documents.empty() && !documents[0].empty) root = YAML::Load(file->text());
  } catch (const YAML::Exception& problem) {
    report_syntax_error(file, problem, diagnostics);
    return std::nullopt;
  }
  if (documents.empty() || documents[0].empty) {
    // At 1:1 rather than on the file as a whole: every manifest error then has the
    // FILE:LINE:COL form that editors and CI problem matchers read.
    SourceLocation start;
    start.file = file;
    start.line = 1;
    start.column = 1;
    diagnostics.error(start, "the manifest is empty");
    return std::nullopt;
  }
  for (size_t extra = 1; extra < documents.size(); ++extra) {
    // An empty document after a trailing '---' holds nothing that could be lost.
    if (documents[extra].empty) continue;
    // Point at the '---' that starts it rather than at its first value.
    SourceLocation where;
    where.file = file;
    where.line = documents[extra].root.line + 1;
    where.column = documents[extra].root.column + 1;
    for (int line = where.line; line >= 1; --line) {
      if (file->line(line).substr(0, 3) == "---") {
        where.line = line;
        where.column = 1;
        where.length = 3;
        break;
      }
    }
    diagnostics.error(where, "a manifest is a single YAML document; this is a second one",
                      "remove the '---' line and everything after it, or merge the documents");
    return std::nullopt;
  }
  if (!root.IsMap()) {
    SourceLocation where;
    where.file = file;
    where.line = documents[0].root.line + 1;
    where.column = documents[0].root.column + 1;
    diagnostics.error(where,
                      "the manifest must be a map of fields (apiVersion, name, services, ...)");
    return std::nullopt;
  }
  Converter converter(file, diagnostics);
  Document document = converter.convert_root(root);
  if (converter.failed()) return std::nullopt;
  return document;
}

}  // namespace infragen
