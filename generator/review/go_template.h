// Go text/template with the Helm and sprig functions charts use, to render charts for review.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "review/go_template_tree.h"

namespace infragen::review::go_template {

// A parse or execution problem, "NAME:LINE: message".
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The templates of one chart: each file's body under its name, and every `define`.
class TemplateSet {
 public:
  // Parses `text`; its `define`s are registered and its body becomes template `name`. Throws
  // TemplateError when it does not parse.
  void add(const std::string& name, std::string_view text);
  bool has(const std::string& name) const { return templates_.count(name) > 0; }
  // Renders template `name` with `data` as `.` and `$`, as Helm does: a missing value prints
  // nothing. Throws TemplateError (an unknown function, `required` or `fail`, a bad argument).
  std::string render(const std::string& name, const Value& data) const;
  const NodeList& body(const std::string& name) const;

 private:
  std::map<std::string, NodeList> templates_;
};

// Parses a template file: its body, with each `define` added to `defines`. Throws TemplateError.
NodeList parse_template(const std::string& name, std::string_view text,
                        std::map<std::string, NodeList>& defines);

}  // namespace infragen::review::go_template
