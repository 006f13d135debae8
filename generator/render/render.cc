#include "render/render.h"

#include <kainjow/mustache.hpp>

#include <memory>
#include <set>

#include "diagnostics/suggest.h"
#include "output/relative_path.h"
#include "render/origin_markers.h"
#include "render/template_compiler.h"
#include "render/value_escaping.h"
#include "render/view_context.h"

namespace infragen {
namespace {

using nlohmann::json;

// Whether any string of `value` holds a marker character (no pointers built: the common case).
// The view is megabytes: objects and arrays are walked through their containers, not through
// nlohmann's generic iterators.
bool holds_marker_character(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return contains_marker_character(value.get_ref<const std::string&>());
    case json::value_t::object:
      for (const auto& [key, child] : value.get_ref<const json::object_t&>()) {
        if (holds_marker_character(child)) return true;
      }
      return false;
    case json::value_t::array:
      for (const json& child : value.get_ref<const json::array_t&>()) {
        if (holds_marker_character(child)) return true;
      }
      return false;
    default:
      return false;
  }
}

// Reports each view-model string holding a marker character, at its JSON pointer.
bool reject_marker_characters(const json& value, const std::string& pointer,
                              Diagnostics& diagnostics) {
  if (value.is_string() && contains_marker_character(value.get_ref<const std::string&>())) {
    diagnostics.add(
        {Severity::error,
         {},
         "view model value at '" + pointer + "' contains a control character U+0001..U+0004",
         {},
         "infragen"});
    return false;
  }
  bool ok = true;
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      ok = reject_marker_characters(child, pointer + "/" + key, diagnostics) && ok;
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      ok = reject_marker_characters(value[i], pointer + "/" + std::to_string(i), diagnostics) && ok;
    }
  }
  return ok;
}

// What a `when:` path or a mustache section takes as present.
bool is_set(const json& value) {
  if (value.is_null()) return false;
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  if (value.is_array() || value.is_object()) return !value.empty();
  return true;
}

// The value a dotted path names, or nothing: reported at the file's pack.yaml entry as
// "<field>: missing value" with the closest existing path, unless `unset_stops` and the walk
// reaches a value that is not set (then nothing, silently: `when:` through an absent part).
const json* view_at(const PackFile& file, const std::string& field, const std::string& path,
                    const json& view_model, bool unset_stops, Diagnostics& diagnostics) {
  const json* current = &view_model;
  std::string walked;
  for (size_t start = 0;;) {
    size_t dot = path.find('.', start);
    std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (unset_stops && !is_set(*current)) return nullptr;
    if (!current->is_object() || !current->contains(part)) {
      std::vector<std::string> candidates;
      if (current->is_object()) {
        for (const auto& [key, unused] : current->items()) {
          candidates.push_back(walked.empty() ? key : walked + "." + key);
        }
      }
      diagnostics.error(file.location, field + ": missing value '" + path + "'",
                        did_you_mean(path, candidates));
      return nullptr;
    }
    current = &(*current)[part];
    walked += (walked.empty() ? "" : ".") + part;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return current;
}

// The list an `each:` path names, or nothing (reported at the file's pack.yaml entry).
const json* each_list(const PackFile& file, const json& view_model, Diagnostics& diagnostics) {
  const json* list = view_at(file, "each", file.each, view_model, false, diagnostics);
  if (list && !list->is_array()) {
    diagnostics.error(file.location, "each: '" + file.each + "' is not a list");
    return nullptr;
  }
  return list;
}

// Whether a file with `when:` is rendered; a misspelt path is an error (and no file).
bool when_holds(const PackFile& file, const json& view_model, Diagnostics& diagnostics) {
  if (file.when.empty()) return true;
  const json* value = view_at(file, "when", file.when, view_model, true, diagnostics);
  return value != nullptr && is_set(*value);
}

// Compiled kainjow source, parsed once and rendered for every item of an `each:` list (parsing
// is most of the cost of a small file). kainjow keeps a render's error in the engine, so a
// failed render is followed by a fresh parse.
class ParsedTemplate {
 public:
  ParsedTemplate(const std::string& source, std::string kind)
      : source_(source), kind_(std::move(kind)) {}

  // Renders with `stack` (root, then the item) as the context.
  std::string render(const TemplateCompiler& compiler, LiteralData& literals,
                     const std::vector<const json*>& stack, const std::string& shown_path,
                     Diagnostics& diagnostics) {
    if (!engine_) {
      engine_ = std::make_unique<kainjow::mustache::mustache>(source_);
      if (engine_->is_valid()) engine_->set_custom_escape(escaper_for_kind(kind_));
    }
    if (!engine_->is_valid()) {
      diagnostics.file_error(shown_path, "mustache: " + engine_->error_message());
      engine_.reset();
      return {};
    }
    ViewModelContext context(compiler, literals, diagnostics);
    for (const json* value : stack) context.push_value(*value);
    std::string rendered = engine_->render(context);
    if (!engine_->is_valid()) {
      diagnostics.file_error(shown_path, "mustache: " + engine_->error_message());
      engine_.reset();
    }
    return rendered;
  }

 private:
  const std::string& source_;
  std::string kind_;
  std::unique_ptr<kainjow::mustache::mustache> engine_;
};

}  // namespace

bool check_view_model_markers(const json& view_model, Diagnostics& diagnostics) {
  return !holds_marker_character(view_model) ||
         reject_marker_characters(view_model, "", diagnostics);
}

std::vector<RenderedFile> render_format(const Pack& pack, const PackFormat& format,
                                        const json& view_model, Diagnostics& diagnostics) {
  if (!check_view_model_markers(view_model, diagnostics)) return {};
  return render_checked_format(pack, format, view_model, diagnostics);
}

std::vector<RenderedFile> render_checked_format(const Pack& pack, const PackFormat& format,
                                                const json& view_model, Diagnostics& diagnostics) {
  std::vector<RenderedFile> rendered_files;
  TemplateCompiler compiler(pack, diagnostics);
  LiteralData literals(compiler);
  std::set<std::string> paths;
  for (const PackFile& file : format.files) {
    std::optional<std::string> body = compiler.compile_template(file.template_path);
    std::optional<std::string> path_source = compiler.compile_path(file.path, file.location);
    if (!body || !path_source || !when_holds(file, view_model, diagnostics)) continue;
    std::vector<const json*> items;
    if (file.each.empty()) {
      items.push_back(nullptr);
    } else if (const json* list = each_list(file, view_model, diagnostics)) {
      for (const json& item : *list) items.push_back(&item);
    }
    const std::string shown = compiler.template_display_path(file.template_path);
    ParsedTemplate path_template(*path_source, "text");
    ParsedTemplate body_template(*body, file.kind);
    for (const json* item : items) {
      std::vector<const json*> stack = {&view_model};
      if (item) stack.push_back(item);
      const int errors_before = diagnostics.error_count();
      RenderedFile rendered;
      rendered.path = path_template.render(compiler, literals, stack, shown, diagnostics);
      rendered.kind = file.kind;
      rendered.template_path = shown;
      UnmarkedText text =
          strip_line_markers(body_template.render(compiler, literals, stack, shown, diagnostics));
      if (diagnostics.error_count() > errors_before) continue;
      if (auto problem = relative_path_problem(rendered.path)) {
        diagnostics.error(file.location,
                          "invalid output path '" + rendered.path + "': " + *problem);
        continue;
      }
      if (!paths.insert(rendered.path).second) {
        diagnostics.error(file.location, "two files of format '" + format.name +
                                             "' render to the same path '" + rendered.path + "'");
        continue;
      }
      rendered.text = std::move(text.text);
      // A line without its own marker (a value's line break) belongs to the line before it.
      rendered.line_origin_ids.reserve(text.line_origin_ids.size());
      int last_origin = -1;
      for (int id : text.line_origin_ids) {
        if (id >= 0) last_origin = id;
        rendered.line_origin_ids.push_back(last_origin);
      }
      rendered.origin_table = compiler.line_origin_table();
      rendered_files.push_back(std::move(rendered));
    }
  }
  return rendered_files;
}

}  // namespace infragen
