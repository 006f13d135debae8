#include "render/marked_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "formats/yaml/simple_yaml.h"

namespace infragen {

std::string pointer_child(const std::string& parent, const std::string& token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return parent + "/" + escaped;
}

SourceLocation MarkedDocument::value_at(const std::string& pointer) const {
  std::string at = pointer;
  while (true) {
    if (auto found = values.find(at); found != values.end()) return found->second;
    if (at.empty()) break;
    at = at.substr(0, at.rfind('/'));
  }
  SourceLocation nowhere;
  nowhere.file = file;
  return nowhere;
}

SourceLocation MarkedDocument::key_at(const std::string& pointer) const {
  if (auto found = keys.find(pointer); found != keys.end()) return found->second;
  return value_at(pointer);
}

namespace {

class Converter {
 public:
  Converter(MarkedDocument& document, Diagnostics& diagnostics)
      : document_(document), diagnostics_(diagnostics) {}

  nlohmann::json convert(const YAML::Node& node, const std::string& pointer) {
    document_.values[pointer] = location_of(node, node.IsScalar() ? node.Scalar().size() : 1);
    switch (node.Type()) {
      case YAML::NodeType::Sequence: {
        nlohmann::json list = nlohmann::json::array();
        for (size_t i = 0; i < node.size(); ++i) {
          list.push_back(convert(node[i], pointer + "/" + std::to_string(i)));
        }
        return list;
      }
      case YAML::NodeType::Map: {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& entry : node) {
          SourceLocation key_location = location_of(entry.first, 1);
          if (!entry.first.IsScalar()) {
            diagnostics_.error(key_location, "keys must be plain strings");
            continue;
          }
          const std::string& key = entry.first.Scalar();
          key_location.length = static_cast<int>(std::max<size_t>(1, key.size()));
          if (object.contains(key)) {
            diagnostics_.error(key_location, "duplicate key '" + key + "'");
            continue;
          }
          std::string child = pointer_child(pointer, key);
          document_.keys[child] = key_location;
          object[key] = convert(entry.second, child);
          // An empty value has no position of its own; point at its key instead.
          if (document_.values[child].line == 0) document_.values[child] = key_location;
        }
        return object;
      }
      case YAML::NodeType::Scalar:
        return scalar(node);
      default:
        return nullptr;
    }
  }

 private:
  SourceLocation location_of(const YAML::Node& node, size_t length) const {
    SourceLocation location;
    location.file = document_.file;
    const YAML::Mark mark = node.Mark();
    if (mark.line >= 0) {
      location.line = mark.line + 1;
      location.column = mark.column + 1;
      location.length = static_cast<int>(std::max<size_t>(1, length));
    }
    return location;
  }

  static nlohmann::json scalar(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    // yaml-cpp tags quoted and block scalars "!" and plain ones "?".
    if (node.Tag() == "?") {
      if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return nullptr;
      }
      if (text == "true" || text == "True" || text == "TRUE") return true;
      if (text == "false" || text == "False" || text == "FALSE") return false;
    }
    return text;
  }

  MarkedDocument& document_;
  Diagnostics& diagnostics_;
};

// Whether `value` holds a number: the plain reader types `1` as one, where this reading keeps
// the text "1", so such a document is read by yaml-cpp.
bool holds_number(const nlohmann::json& value) {
  if (value.is_number()) return true;
  if (value.is_object() || value.is_array()) {
    for (const auto& child : value) {
      if (holds_number(child)) return true;
    }
  }
  return false;
}

std::optional<MarkedDocument> read_fast(const SourceFilePtr& file) {
  SimpleYamlPositions positions;
  std::optional<nlohmann::json> root = read_simple_yaml(file->text(), positions);
  if (!root || holds_number(*root)) return std::nullopt;
  MarkedDocument document;
  document.file = file;
  document.root = std::move(*root);
  auto located = [&](const SimpleYamlPositions::Position& position) {
    SourceLocation location;
    location.file = file;
    location.line = position.line;
    location.column = position.column;
    location.length = position.length;
    return location;
  };
  auto pointer_of = [](const SimpleYamlPositions::Path& path) {
    std::string pointer;
    for (const std::string& token : path) pointer = pointer_child(pointer, token);
    return pointer;
  };
  for (const auto& [path, position] : positions.values) {
    document.values.emplace(pointer_of(path), located(position));
  }
  for (const auto& [path, position] : positions.keys) {
    document.keys.emplace(pointer_of(path), located(position));
  }
  return document;
}

}  // namespace

std::optional<MarkedDocument> load_marked_yaml(const SourceFilePtr& file, Diagnostics& diagnostics,
                                               MarkedReading reading) {
  if (reading == MarkedReading::fast) {
    if (std::optional<MarkedDocument> fast = read_fast(file)) return fast;
  }
  MarkedDocument document;
  document.file = file;
  YAML::Node root;
  try {
    root = YAML::Load(file->text());
  } catch (const YAML::Exception& error) {
    SourceLocation where;
    where.file = file;
    where.line = error.mark.line >= 0 ? error.mark.line + 1 : 1;
    where.column = error.mark.column >= 0 ? error.mark.column + 1 : 1;
    if (where.line > file->line_count()) {
      // Errors found at the end of the input point just after its last character.
      where.line = std::max(1, file->line_count());
      where.column = static_cast<int>(file->line(where.line).size()) + 1;
    }
    diagnostics.error(where, "invalid YAML: " + error.msg);
    return std::nullopt;
  }
  const int errors_before = diagnostics.error_count();
  document.root = Converter(document, diagnostics).convert(root, "");
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return document;
}

}  // namespace infragen
