// Turns pack templates into kainjow source that carries template positions (see origin_markers.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "render/mustache_scanner.h"
#include "render/pack.h"

namespace infragen {

// A name looked up in the view model, and where the template asks for it.
struct TemplateTag {
  enum class Use { value, section };
  Use use = Use::value;
  std::string name;
  std::string filter;  // {{{name | filter}}}: see value_filters.h; empty: none
  SourceLocation location;
};

// Compiles the templates of one pack. The compiled source is plain mustache for kainjow with
// three changes: standalone section/partial/comment lines are already removed (kainjow's own
// handling misses some cases, e.g. a false section), every other line ends with a line marker,
// and every tag name is replaced by the id of a TemplateTag (or of a compiled partial) so that
// lookups know their template position. Standalone partials are compiled once per indentation,
// which is prepended to each non-empty line of the partial, as the mustache spec asks.
class TemplateCompiler {
 public:
  TemplateCompiler(const Pack& pack, Diagnostics& diagnostics);

  // Compiles the pack template `template_path`; nothing when it has an error (reported).
  std::optional<std::string> compile_template(const std::string& template_path);
  // Compiles an output path pattern (no line markers); its problems are reported at `where`.
  std::optional<std::string> compile_path(const std::string& pattern, const SourceLocation& where);

  const TemplateTag& tag(int id) const { return tags_.at(id); }
  // "TEMPLATE_PATH:LINE" of a line marker id.
  const std::string& line_origin(int id) const { return line_origins_->at(id); }
  // Every line origin so far, by id; rendered files share it instead of a string per line.
  std::shared_ptr<const std::vector<std::string>> line_origin_table() const {
    return line_origins_;
  }
  const std::string& partial_source(int id) const { return partial_sources_.at(id); }
  // The text of a literal tag (see kLiteralPrefix in origin_markers.h).
  const std::string& literal(int id) const { return literals_.at(id); }
  size_t literal_count() const { return literals_.size(); }
  // The display path of a pack template, as used in diagnostics and line origins.
  std::string template_display_path(const std::string& template_path) const;

 private:
  struct Source {
    SourceFilePtr file;
    std::optional<SourceLocation> fixed_location;  // output paths: every problem reported here
    bool line_markers = true;
    std::string indent;
    // Set by compile(): whether the text changes the delimiters. Its literal tags would need
    // the delimiters in effect, so such a text keeps its runs in the source.
    bool changes_delimiters = false;
  };

  std::optional<std::string> compile(const std::string& text, Source& source);
  // Moves the text run `pending` into `out`: as a literal tag, or as it is where the
  // delimiters change.
  void flush_literal(std::string& out, std::string& pending, const Source& source);
  SourceLocation location_of(const Source& source, int line, int column, int length) const;
  bool check_tags(const std::string& text, const MustacheScan& scan, const Source& source,
                  std::vector<int>& tag_ids);
  std::optional<int> compile_partial(const std::string& name, const std::string& indent,
                                     const SourceLocation& used_at);
  std::string rewritten(const std::string& text, const MustacheTag& tag, int id);
  // Whether compiled partial `partial` is written into the source scanned as `scan` rather than
  // left as a partial tag: kainjow parses a partial each time it renders one, an inlined one
  // once with its template. Delimiters are scoped to a template, so where either side changes
  // them the tag stays.
  bool can_inline(const MustacheScan& scan, int partial) const;
  std::string emit_lines(const std::string& text, const MustacheScan& scan,
                         const std::vector<int>& tag_ids, Source& source);

  const Pack& pack_;
  Diagnostics& diagnostics_;
  std::vector<TemplateTag> tags_;
  std::shared_ptr<std::vector<std::string>> line_origins_ =
      std::make_shared<std::vector<std::string>>();
  std::vector<std::string> partial_sources_;
  std::vector<std::string> literals_;
  std::map<std::pair<std::string, std::string>, int> compiled_partials_;  // (name, indent) -> id
  std::set<int> partials_with_delimiters_;  // compiled partials that change the delimiters
  std::set<std::string> partials_in_progress_;
  std::map<std::string, SourceFilePtr> files_;
};

}  // namespace infragen
