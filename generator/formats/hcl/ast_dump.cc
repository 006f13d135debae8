// Writes each node kind as a parenthesised prefix form.
#include "formats/hcl/ast_dump.h"

#include <fmt/format.h>

namespace infragen::hcl {
namespace {

std::string quoted_text(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string strip_marks(const StripMarkers& strip) {
  std::string out;
  if (strip.before) out += " ~before";
  if (strip.after) out += " ~after";
  return out;
}

std::string dump_parts(const std::vector<TemplatePart>& parts);

std::string dump_part(const TemplatePart& part) {
  switch (part.kind) {
    case TemplatePart::Kind::literal:
      return quoted_text(part.text);
    case TemplatePart::Kind::interpolation:
      return fmt::format("(${{}} {}{})", dump_expression(*part.expression),
                         strip_marks(part.open_strip));
    case TemplatePart::Kind::if_directive: {
      std::string out = fmt::format("(%if {}{} (then{})", dump_expression(*part.expression),
                                    strip_marks(part.open_strip), dump_parts(part.body));
      if (part.has_else) out += fmt::format(" (else{})", dump_parts(part.else_body));
      return out + ")";
    }
    case TemplatePart::Kind::for_directive: {
      std::string names = part.key_variable.empty() ? part.value_variable
                                                    : part.key_variable + " " + part.value_variable;
      return fmt::format("(%for {} in {}{} (do{}))", names, dump_expression(*part.expression),
                         strip_marks(part.open_strip), dump_parts(part.body));
    }
  }
  return {};
}

std::string dump_parts(const std::vector<TemplatePart>& parts) {
  std::string out;
  for (const TemplatePart& part : parts) out += " " + dump_part(part);
  return out;
}

std::string dump_step(const Traverser& step) {
  switch (step.kind) {
    case Traverser::Kind::attribute:
      return "." + step.name;
    case Traverser::Kind::legacy_index:
      return "." + step.name;
    case Traverser::Kind::index:
      return "[" + dump_expression(*step.key) + "]";
    case Traverser::Kind::attribute_splat:
      return ".*";
    case Traverser::Kind::full_splat:
      return "[*]";
  }
  return {};
}

std::string dump_operands(const Expression& node) {
  std::string out;
  for (const ExpressionPtr& operand : node.operands) out += " " + dump_expression(*operand);
  return out;
}

void dump_body_into(const Body& body, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (const Attribute& attribute : body.attributes) {
    out += pad + attribute.name + " = " + dump_expression(*attribute.value) + "\n";
  }
  for (const Block& block : body.blocks) {
    out += pad + block.type;
    for (const BlockLabel& label : block.labels) {
      out += " " + (label.quoted ? quoted_text(label.value) : label.value);
    }
    out += " {\n";
    dump_body_into(block.body, indent + 2, out);
    out += pad + "}\n";
  }
}

}  // namespace

std::string dump_expression(const Expression& node) {
  switch (node.kind) {
    case ExpressionKind::literal:
    case ExpressionKind::variable:
      return node.text;
    case ExpressionKind::traversal: {
      std::string out = "(traverse " + dump_expression(*node.operands[0]);
      for (const Traverser& step : node.steps) out += " " + dump_step(step);
      return out + ")";
    }
    case ExpressionKind::function_call:
      return "(call " + node.text + dump_operands(node) +
             (node.expands_final_argument ? " ...)" : ")");
    case ExpressionKind::tuple:
      return "(tuple" + dump_operands(node) + ")";
    case ExpressionKind::object: {
      std::string out = "(object";
      for (const ObjectItem& item : node.items) {
        out += fmt::format(" ({} {} {})", dump_expression(*item.key), item.uses_colon ? ":" : "=",
                           dump_expression(*item.value));
      }
      return out + ")";
    }
    case ExpressionKind::for_expression: {
      const ForClause& clause = *node.for_clause;
      std::string out = clause.builds_object ? "(for-object " : "(for-tuple ";
      if (!clause.key_variable.empty()) out += clause.key_variable + " ";
      out += clause.value_variable + " in " + dump_expression(*clause.collection);
      if (clause.key) out += " key " + dump_expression(*clause.key);
      out += " value " + dump_expression(*clause.value);
      if (clause.groups_values) out += " ...";
      if (clause.condition) out += " if " + dump_expression(*clause.condition);
      return out + ")";
    }
    case ExpressionKind::conditional:
      return "(?" + dump_operands(node) + ")";
    case ExpressionKind::binary:
    case ExpressionKind::unary:
      return "(" + node.text + dump_operands(node) + ")";
    case ExpressionKind::parentheses:
      return "(paren" + dump_operands(node) + ")";
    case ExpressionKind::template_text:
      if (node.is_heredoc) {
        return fmt::format("(heredoc{} {}{})", node.is_flush_heredoc ? "-" : "",
                           node.heredoc_marker, dump_parts(node.parts));
      }
      return "(template" + dump_parts(node.parts) + ")";
  }
  return {};
}

std::string dump_body(const Body& body) {
  std::string out;
  dump_body_into(body, 0, out);
  return out;
}

}  // namespace infragen::hcl
