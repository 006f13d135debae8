#include "render/pack_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "output/relative_path.h"
#include "render/marked_yaml.h"
#include "render/pack_schema_check.h"

namespace infragen {
namespace fs = std::filesystem;

std::optional<std::string> read_template_text(const std::string& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (error || !fs::is_regular_file(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Read in one call: a pack has a megabyte of templates, read on every run.
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.gcount() != static_cast<std::streamsize>(text.size())) return std::nullopt;
  // CRLF line ends (a checkout on Windows) become LF.
  if (text.find('\r') == std::string::npos) return text;
  std::string normalised;
  normalised.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    normalised += text[i];
  }
  return normalised;
}

void collect_partials(const std::string& folder, const std::string& prefix,
                      std::map<std::string, std::string>& texts,
                      std::map<std::string, std::string>& files, Diagnostics& diagnostics) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return;
  std::vector<fs::path> found;
  for (const auto& entry : fs::recursive_directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".mustache")
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& path : found) {
    // Lexical: the iterator yields paths below `folder` as written (fs::relative resolves every
    // component of both paths through the file system, for each of the hundreds of partials).
    std::string relative = path.lexically_relative(folder).generic_string();
    std::string name =
        prefix + relative.substr(0, relative.size() - std::string(".mustache").size());
    std::string shown = (fs::path(folder) / relative).generic_string();
    std::optional<std::string> text = read_template_text(shown);
    if (!text) {
      diagnostics.file_error(shown, "cannot read partial");
      continue;
    }
    texts[name] = std::move(*text);
    files[name] = shown;
  }
}

namespace {

// ^[a-z][a-z0-9]*(-[a-z0-9]+)*$: lowercase words joined by single hyphens.
bool valid_format_name(const std::string& name) {
  if (name.empty() || !(name.front() >= 'a' && name.front() <= 'z') || name.back() == '-') {
    return false;
  }
  char previous = '\0';
  for (char c : name) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '-' ? previous == '-' : !word) return false;
    previous = c;
  }
  return true;
}

// Checks one `files:` entry and reads its template into `pack.templates`.
PackFile load_file_entry(const MarkedDocument& document, const std::string& pointer, Pack& pack,
                         Diagnostics& diagnostics) {
  const nlohmann::json& entry = document.root.at(nlohmann::json::json_pointer(pointer));
  PackFile file;
  file.path = entry.at("path").get<std::string>();
  file.template_path = entry.at("template").get<std::string>();
  file.each = entry.value("each", "");
  file.when = entry.value("when", "");
  file.kind = entry.at("kind").get<std::string>();
  file.location = document.value_at(pointer);
  if (auto problem = relative_path_problem(file.path)) {
    diagnostics.error(document.value_at(pointer + "/path"),
                      "invalid output path '" + file.path + "': " + *problem);
  }
  if (auto problem = relative_path_problem(file.template_path)) {
    diagnostics.error(document.value_at(pointer + "/template"),
                      "invalid template path '" + file.template_path + "': " + *problem);
  } else if (pack.templates.count(file.template_path) == 0) {
    std::string full = (fs::path(pack.folder) / file.template_path).generic_string();
    std::optional<std::string> text = read_template_text(full);
    if (text) {
      pack.templates[file.template_path] = std::move(*text);
    } else {
      diagnostics.error(document.value_at(pointer + "/template"),
                        "template file '" + file.template_path + "' not found",
                        "looked for " + full);
    }
  }
  return file;
}

void load_formats(const MarkedDocument& document, Pack& pack, Diagnostics& diagnostics) {
  for (const auto& [name, body] : document.root["formats"].items()) {
    std::string pointer = pointer_child("/formats", name);
    if (!valid_format_name(name)) {
      diagnostics.error(document.key_at(pointer), "invalid format name '" + name + "'",
                        "use lower-case letters, digits and '-', e.g. terraform");
    }
    PackFormat format;
    format.name = name;
    format.output_dir = body.at("output_dir").get<std::string>();
    if (auto problem = relative_path_problem(format.output_dir)) {
      diagnostics.error(document.value_at(pointer + "/output_dir"),
                        "invalid output_dir '" + format.output_dir + "': " + *problem);
    }
    for (size_t i = 0; i < body.at("files").size(); ++i) {
      format.files.push_back(
          load_file_entry(document, pointer + "/files/" + std::to_string(i), pack, diagnostics));
    }
    pack.formats.push_back(std::move(format));
  }
}

std::optional<Pack> load_pack_from(const SourceFilePtr& source, const std::string& pack_folder,
                                   MarkedReading reading, Diagnostics& diagnostics) {
  std::optional<MarkedDocument> document = load_marked_yaml(source, diagnostics, reading);
  if (!document || !check_pack_schema(*document, diagnostics)) return std::nullopt;

  const int errors_before = diagnostics.error_count();
  const nlohmann::json& root = document->root;
  Pack pack;
  pack.name = root["name"].get<std::string>();
  pack.description = root["description"].get<std::string>();
  pack.folder = pack_folder;
  pack.supports = root.value("supports", std::vector<std::string>{});
  pack.sections = root.value("sections", std::vector<std::string>{});
  pack.references = root.value("references", nlohmann::json::object());
  pack.references_from = root.value("references_from", "");
  pack.references_from_location = document->value_at("/references_from");
  std::string folder_name = fs::path(pack_folder).lexically_normal().filename().string();
  if (folder_name.empty())
    folder_name = fs::path(pack_folder).lexically_normal().parent_path().filename().string();
  if (pack.name != folder_name) {
    diagnostics.error(
        document->value_at("/name"),
        "pack name '" + pack.name + "' does not match its folder '" + folder_name + "'",
        "a pack is selected with -t by its folder name; make them equal");
  }
  load_formats(*document, pack, diagnostics);
  collect_partials((fs::path(pack_folder) / "partials").generic_string(), "partials/",
                   pack.partials, pack.partial_files, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return pack;
}

}  // namespace

std::optional<Pack> load_pack(const std::string& pack_folder, Diagnostics& diagnostics) {
  const std::string pack_file = (fs::path(pack_folder) / "pack.yaml").generic_string();
  std::optional<std::string> text = read_template_text(pack_file);
  if (!text) {
    diagnostics.file_error(pack_file, "cannot read file");
    return std::nullopt;
  }
  auto source = std::make_shared<const SourceFile>(pack_file, std::move(*text));
  // yaml-cpp took most of a small run's pack loading: the plain reader reads a pack first, and
  // a pack with any problem is read again by yaml-cpp, whose positions every message uses.
  Diagnostics fast_diagnostics;
  std::optional<Pack> pack =
      load_pack_from(source, pack_folder, MarkedReading::fast, fast_diagnostics);
  if (pack && fast_diagnostics.all().empty()) return pack;
  return load_pack_from(source, pack_folder, MarkedReading::exact, diagnostics);
}

}  // namespace infragen
