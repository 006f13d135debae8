// The parse tree of a Go text/template (the subset Helm charts use), shared by parser and executor.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace infragen::review::go_template {

// Template data: what Helm's values are (maps, lists, strings, numbers, booleans, nil).
using Value = nlohmann::json;

struct Pipeline;

// One operand of a command: `.Values.x`, `$svc.env`, `"text"`, `3`, `quote`, `(pipeline).x`.
struct Operand {
  enum class Kind { dot, variable, literal, function, pipeline };
  Kind kind = Kind::dot;
  std::string name;                 // a variable ("$", "$svc") or a function
  std::vector<std::string> fields;  // the field chain after it: .Values.x is dot + [Values, x]
  Value literal;
  std::shared_ptr<Pipeline> pipeline;
};

// `include "x" $ctx`: a function and its arguments, or one operand.
struct Command {
  std::vector<Operand> operands;
};

// `$a, $b := cmd | cmd`: commands joined by `|`, each result passed as the next one's last
// argument.
struct Pipeline {
  std::vector<std::string> variables;  // declared (`:=`) or assigned (`=`)
  bool declares = false;
  std::vector<Command> commands;
  int line = 1;
};

struct Node;
using NodeList = std::vector<Node>;

struct Node {
  enum class Kind { text, action, if_, range, with, call };
  Kind kind = Kind::text;
  std::string text;  // text, or the called template's name
  std::shared_ptr<Pipeline> pipeline;
  NodeList body;
  NodeList otherwise;  // {{else}} part
  int line = 1;
};

}  // namespace infragen::review::go_template
