#include "frontend/schema_messages.h"

#include <cctype>
#include <cmath>

#include "diagnostics/suggest.h"
#include "frontend/json_pointer.h"
#include "frontend/message_words.h"
#include "frontend/pattern_explainer.h"
#include "frontend/source_order.h"

namespace infragen {
namespace {

using json = nlohmann::json;

bool has_type(const json& value, const std::string& type) {
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "null") return value.is_null();
  return true;
}

// The names of a oneOf/anyOf whose branches each only require one field
// ({"required": ["image"]}, {"required": ["build"]}), else nothing.
std::vector<std::string> required_only_names(const SchemaTree& schema, const json& branches) {
  std::vector<std::string> names;
  for (const auto& branch_in : branches) {
    const json& branch = schema.resolve(branch_in);
    if (!branch.is_object() || branch.size() != 1 || !branch.contains("required") ||
        branch["required"].size() != 1 || !branch["required"][0].is_string()) {
      return {};
    }
    names.push_back(branch["required"][0].get<std::string>());
  }
  return names;
}

// "service 'vote'" or, for the top level, "the manifest".
std::string place_or_manifest(const SchemaTree& schema, const std::string& pointer) {
  std::string place = place_words(schema, pointer);
  return place.empty() ? "the manifest" : place;
}

// "for example 'x' or 'y'" from the `examples` of the value's schema or, for an entry of a map
// (whose schema often has none), from the values in the map's own examples.
std::string examples_hint(const json& node, const json* map_node) {
  std::vector<std::string> shown;
  auto add_example = [&](const json& example) {
    if (example.is_string() || example.is_number())
      shown.push_back("'" + value_words(example) + "'");
  };
  if (auto examples = node.find("examples"); examples != node.end() && examples->is_array()) {
    for (const auto& example : *examples) add_example(example);
  }
  if (shown.empty() && map_node && map_node->contains("examples") &&
      (*map_node)["examples"].is_array()) {
    for (const auto& example : (*map_node)["examples"]) {
      if (!example.is_object()) continue;
      for (const auto& entry : example.items()) add_example(entry.value());
    }
  }
  if (shown.empty()) return {};
  return "for example " + join_words(shown, "or");
}

std::string number_words(const json& number) { return number.dump(); }

}  // namespace

SchemaMessages::SchemaMessages(const SchemaTree& schema, const Document& document,
                               const std::set<std::string>* failing)
    : schema_(schema), document_(document), failing_(failing) {}

std::vector<SchemaProblem> SchemaMessages::explain() const {
  Problems out;
  check(document_.root, schema_.root(), "", failing_ != nullptr, out);
  return out;
}

void SchemaMessages::add(Problems& out, const std::string& pointer, const SourceLocation& where,
                         std::string message, std::string hint) const {
  SchemaProblem problem;
  problem.pointer = pointer;
  problem.location = where;
  problem.message = std::move(message);
  problem.hint = std::move(hint);
  out.push_back(std::move(problem));
}

void SchemaMessages::check(const json& value, const json& schema, const std::string& pointer,
                           bool pruned, Problems& out) const {
  check_node(value, schema, pointer, pruned, {}, out);
}

void SchemaMessages::check_node(const json& value, const json& schema_in,
                                const std::string& pointer, bool pruned,
                                std::set<std::string> misspelt, Problems& out) const {
  if (pruned) {
    if (!failing_->count(pointer)) return;
    // The validator does not name the place of every failure (a bad property name is only
    // reported as a failure of the map that holds it), so below the deepest place it names,
    // everything is examined.
    auto below = failing_->lower_bound(pointer + "/");
    if (below == failing_->end() || below->compare(0, pointer.size() + 1, pointer + "/") != 0) {
      pruned = false;
    }
  }
  const json& node = schema_.resolve(schema_in);
  if (!node.is_object()) return;  // `true` (or a malformed schema) allows anything
  if (!check_type(value, node, pointer, out)) return;
  if (!check_allowed_values(value, node, pointer, out)) return;
  if (value.is_string()) check_string(value.get<std::string>(), node, pointer, out);
  if (value.is_number()) check_number(value, node, pointer, out);
  // `misspelt` collects the fields that an unknown key is a likely misspelling of: their
  // absence is already explained by that key's "did you mean", so it is not reported again.
  if (value.is_object()) check_object(value, node, pointer, pruned, misspelt, out);
  if (value.is_array()) check_array(value, node, pointer, pruned, out);
  if (auto all = node.find("allOf"); all != node.end()) {
    // The parts describe the same value, so what is misspelt here is misspelt for them too.
    for (const auto& part : *all) check_node(value, part, pointer, pruned, misspelt, out);
  }
  if (auto any = node.find("anyOf"); any != node.end()) {
    check_alternatives(value, *any, false, pointer, misspelt, out);
  }
  if (auto one = node.find("oneOf"); one != node.end()) {
    check_alternatives(value, *one, true, pointer, misspelt, out);
  }
}

bool SchemaMessages::check_type(const json& value, const json& node, const std::string& pointer,
                                Problems& out) const {
  auto type = node.find("type");
  if (type == node.end()) return true;
  std::vector<std::string> allowed;
  if (type->is_string()) allowed.push_back(type->get<std::string>());
  if (type->is_array()) {
    for (const auto& t : *type) allowed.push_back(t.get<std::string>());
  }
  for (const auto& t : allowed) {
    if (has_type(value, t)) return true;
  }
  std::vector<std::string> words;
  for (const auto& t : allowed) words.push_back(schema_type_words(t));
  std::string hint;
  const bool scalar = value.is_string() || value.is_number() || value.is_boolean();
  if (allowed.size() == 1 && allowed[0] == "string" && scalar && !value.is_string()) {
    hint = "write it in quotes to make it a string: \"" + written_text(value, pointer) + "\"";
  } else if (allowed.size() == 1 && allowed[0] == "array" && scalar) {
    hint = "write it as a list: [" + written_text(value, pointer) + "]";
  }
  // `key:` with nothing after it is null to YAML, but to the user it is empty.
  std::string actual = value_type_words(value);
  if (value.is_null() && is_empty_value(pointer)) {
    actual = "empty";
    hint = "give it a value or remove the line";
  }
  add(out, pointer, document_.locate(pointer),
      field_words(pointer) + " must be " + join_words(words, "or") + ", not " + actual, hint);
  return false;
}

bool SchemaMessages::is_empty_value(const std::string& pointer) const {
  auto value = document_.value_locations.find(pointer);
  auto key = document_.key_locations.find(pointer);
  // The loader places an empty value at its key, since nothing else marks it.
  return value != document_.value_locations.end() && key != document_.key_locations.end() &&
         value->second.line == key->second.line && value->second.column == key->second.column;
}

std::string SchemaMessages::written_text(const json& value, const std::string& pointer) const {
  SourceLocation where = document_.locate(pointer);
  if (where.known()) {
    std::string_view line = where.file->line(where.line);
    if (where.column >= 1 && static_cast<size_t>(where.column - 1) < line.size()) {
      return std::string(line.substr(where.column - 1, where.length));
    }
  }
  return value_words(value);
}

bool SchemaMessages::check_allowed_values(const json& value, const json& node,
                                          const std::string& pointer, Problems& out) const {
  if (auto constant = node.find("const"); constant != node.end() && *constant != value) {
    add(out, pointer, document_.locate(pointer),
        field_words(pointer) + " must be '" + value_words(*constant) + "'");
    return false;
  }
  auto allowed = node.find("enum");
  if (allowed == node.end() || !allowed->is_array()) return true;
  for (const auto& candidate : *allowed) {
    if (candidate == value) return true;
  }
  std::vector<std::string> words;
  for (const auto& candidate : *allowed) words.push_back(value_words(candidate));
  std::string hint;
  if (value.is_string()) {
    hint = did_you_mean(value.get<std::string>(), words);
  } else if (value.is_number()) {
    // For a list of sizes, the nearest allowed one is the likely intent.
    const json* nearest = nullptr;
    for (const auto& candidate : *allowed) {
      if (!candidate.is_number()) continue;
      if (!nearest || std::fabs(candidate.get<double>() - value.get<double>()) <
                          std::fabs(nearest->get<double>() - value.get<double>())) {
        nearest = &candidate;
      }
    }
    if (nearest) hint = "the nearest allowed value is " + value_words(*nearest);
  }
  add(out, pointer, document_.locate(pointer),
      field_words(pointer) + " must be one of: " + join_list(words), hint);
  return false;
}

void SchemaMessages::describe_pattern(const std::string& subject, const std::string& pattern,
                                      const std::string& text, const json& node,
                                      const json* map_node, std::string& message,
                                      std::string& hint) const {
  if (auto explained = explain_pattern(pattern)) {
    message = subject + " must " + *explained;
    std::string lowered = text;
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lowered != text && schema_pattern_matches(pattern, lowered)) {
      hint = "did you mean '" + lowered + "'?";
    } else if (auto why = explain_pattern_mismatch(pattern, text)) {
      hint = *why;
    }
    return;
  }
  message = subject + " must match " + pattern;
  hint = did_you_mean(text, pattern_literal_alternatives(pattern));
  if (hint.empty()) hint = examples_hint(node, map_node);
}

void SchemaMessages::check_string(const std::string& text, const json& node,
                                  const std::string& pointer, Problems& out) const {
  const std::string field = field_words(pointer);
  const SourceLocation where = document_.locate(pointer);
  // One message per value: the length first, as it is the plainest to fix.
  if (auto min = node.find("minLength");
      min != node.end() && static_cast<long>(text.size()) < min->get<long>()) {
    add(out, pointer, where,
        min->get<long>() == 1 ? field + " must not be empty"
                              : field + " must be at least " + min->dump() + " characters long");
    return;
  }
  if (auto max = node.find("maxLength");
      max != node.end() && static_cast<long>(text.size()) > max->get<long>()) {
    add(out, pointer, where, field + " must be at most " + max->dump() + " characters long",
        "it has " + std::to_string(text.size()));
    return;
  }
  if (auto pattern = node.find("pattern");
      pattern != node.end() && !schema_pattern_matches(pattern->get<std::string>(), text)) {
    std::string message, hint;
    const json* map_node =
        pointer.empty() ? nullptr : schema_.schema_at(split_pointer(parent_pointer(pointer)));
    describe_pattern(field, pattern->get<std::string>(), text, node, map_node, message, hint);
    add(out, pointer, where, message, hint);
  }
}

void SchemaMessages::check_number(const json& value, const json& node, const std::string& pointer,
                                  Problems& out) const {
  const double number = value.get<double>();
  const std::string field = field_words(pointer);
  const SourceLocation where = document_.locate(pointer);
  if (auto min = node.find("minimum"); min != node.end() && number < min->get<double>()) {
    add(out, pointer, where, field + " must be at least " + number_words(*min));
  } else if (auto max = node.find("maximum"); max != node.end() && number > max->get<double>()) {
    add(out, pointer, where, field + " must be at most " + number_words(*max));
  } else if (auto emin = node.find("exclusiveMinimum");
             emin != node.end() && emin->is_number() && number <= emin->get<double>()) {
    add(out, pointer, where, field + " must be greater than " + number_words(*emin));
  } else if (auto emax = node.find("exclusiveMaximum");
             emax != node.end() && emax->is_number() && number >= emax->get<double>()) {
    add(out, pointer, where, field + " must be less than " + number_words(*emax));
  } else if (auto step = node.find("multipleOf"); step != node.end()) {
    double quotient = number / step->get<double>();
    if (std::fabs(quotient - std::round(quotient)) > 1e-9) {
      add(out, pointer, where, field + " must be a multiple of " + number_words(*step));
    }
  }
}

void SchemaMessages::check_object(const json& value, const json& node, const std::string& pointer,
                                  bool pruned, std::set<std::string>& misspelt,
                                  Problems& out) const {
  const std::string place = place_words(schema_, pointer);
  check_property_names(value, node, pointer, out);
  const bool closed = node.contains("additionalProperties") &&
                      node["additionalProperties"].is_boolean() &&
                      !node["additionalProperties"].get<bool>();
  const std::vector<std::string> known = schema_.property_names(node);
  for (const auto& key : keys_in_source_order(document_, pointer, value)) {
    const std::string child = child_pointer(pointer, key);
    if (closed && !schema_.allows_property(node, key)) {
      auto meant = closest_name(key, known);
      if (meant) misspelt.insert(*meant);
      std::string hint;
      if (meant) {
        hint = "did you mean '" + *meant + "'?";
      } else if (!known.empty()) {
        hint = "known fields: " + join_words(known, "and");
      }
      add(out, child, document_.locate_key(child),
          place.empty() ? "unknown top-level field '" + key + "'"
                        : "unknown field '" + key + "' in " + place,
          hint);
      continue;
    }
    for (const json* property : schema_.property_schemas(node, key)) {
      check(value[key], *property, child, pruned, out);
    }
  }
  if (auto required = node.find("required"); required != node.end()) {
    for (const auto& name_json : *required) {
      const std::string name = name_json.get<std::string>();
      if (value.contains(name) || misspelt.count(name)) continue;
      std::string message = place.empty() ? "missing required top-level field '" + name + "'"
                                          : "missing required field '" + name + "' in " + place;
      // A field an environment removed with `null` still has the key it was removed with.
      std::string child = child_pointer(pointer, name);
      auto removed = document_.key_locations.find(child);
      if (removed != document_.key_locations.end()) {
        add(out, child, removed->second, message, "'" + name + ": null' removes it");
      } else {
        add(out, pointer, pointer.empty() ? document_.locate("") : document_.locate_key(pointer),
            message);
      }
    }
  }
  if (auto min = node.find("minProperties");
      min != node.end() && static_cast<long>(value.size()) < min->get<long>()) {
    add(out, pointer, document_.locate(pointer),
        place_or_manifest(schema_, pointer) + " needs at least " + min->dump() +
            (min->get<long>() == 1 ? " entry" : " entries"));
  }
  if (auto max = node.find("maxProperties");
      max != node.end() && static_cast<long>(value.size()) > max->get<long>()) {
    add(out, pointer, document_.locate(pointer),
        place_or_manifest(schema_, pointer) + " can have at most " + max->dump() +
            (max->get<long>() == 1 ? " entry" : " entries"));
  }
}

void SchemaMessages::check_property_names(const json& value, const json& node,
                                          const std::string& pointer, Problems& out) const {
  auto names = node.find("propertyNames");
  if (names == node.end()) return;
  const json& rule = schema_.resolve(*names);
  // "service name 'Vote'" when the entries are named things, else "name 'x' in 'env' of ...".
  std::string kind;
  if (auto entries = node.find("additionalProperties"); entries != node.end()) {
    const json& entry = schema_.resolve(*entries);
    if (entry.is_object() && entry.contains("title") && entry["title"].is_string()) {
      kind = entry["title"].get<std::string>();
      for (char& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  const std::string place = place_or_manifest(schema_, pointer);
  for (const auto& key : keys_in_source_order(document_, pointer, value)) {
    const std::string child = child_pointer(pointer, key);
    const std::string subject =
        kind.empty() ? "name '" + key + "' in " + place : kind + " name '" + key + "'";
    const SourceLocation where = document_.locate_key(child);
    if (auto min = rule.find("minLength");
        min != rule.end() && static_cast<long>(key.size()) < min->get<long>()) {
      add(out, child, where, subject + " must not be empty");
    } else if (auto max = rule.find("maxLength");
               max != rule.end() && static_cast<long>(key.size()) > max->get<long>()) {
      add(out, child, where, subject + " must be at most " + max->dump() + " characters long",
          "it has " + std::to_string(key.size()));
    } else if (auto pattern = rule.find("pattern");
               pattern != rule.end() && !schema_pattern_matches(pattern->get<std::string>(), key)) {
      std::string message, hint;
      describe_pattern(subject, pattern->get<std::string>(), key, rule, nullptr, message, hint);
      add(out, child, where, message, hint);
    }
  }
}

void SchemaMessages::check_array(const json& value, const json& node, const std::string& pointer,
                                 bool pruned, Problems& out) const {
  const std::string field = field_words(pointer);
  const SourceLocation where = document_.locate(pointer);
  if (auto min = node.find("minItems");
      min != node.end() && static_cast<long>(value.size()) < min->get<long>()) {
    add(out, pointer, where,
        min->get<long>() == 1 ? field + " must not be empty"
                              : field + " must have at least " + min->dump() + " items");
  }
  if (auto max = node.find("maxItems");
      max != node.end() && static_cast<long>(value.size()) > max->get<long>()) {
    add(out, pointer, where, field + " can have at most " + max->dump() + " items");
  }
  if (auto unique = node.find("uniqueItems"); unique != node.end() && unique->get<bool>()) {
    for (size_t later = 1; later < value.size(); ++later) {
      for (size_t earlier = 0; earlier < later; ++earlier) {
        if (value[earlier] != value[later]) continue;
        add(out, child_pointer(pointer, later), document_.locate(child_pointer(pointer, later)),
            field + " lists '" + value_words(value[later]) + "' twice");
        break;
      }
    }
  }
  for (size_t index = 0; index < value.size(); ++index) {
    if (const json* item = schema_.item_schema(node, index)) {
      check(value[index], *item, child_pointer(pointer, index), pruned, out);
    }
  }
}

void SchemaMessages::check_alternatives(const json& value, const json& branches, bool exactly_one,
                                        const std::string& pointer,
                                        const std::set<std::string>& misspelt,
                                        Problems& out) const {
  const std::string place = place_or_manifest(schema_, pointer);
  std::vector<std::string> names = required_only_names(schema_, branches);
  if (!names.empty() && value.is_object()) {
    std::vector<std::string> present;
    for (const auto& key : keys_in_source_order(document_, pointer, value)) {
      if (std::find(names.begin(), names.end(), key) != names.end()) present.push_back(key);
    }
    const std::string need = place + " needs " +
                             (exactly_one ? "exactly one of " : "at least one of ") +
                             join_words(quote_each(names), "or");
    bool explained = std::any_of(names.begin(), names.end(),
                                 [&](const std::string& name) { return misspelt.count(name); });
    if (present.empty() && !explained) {
      // Where an environment removed one of them with `null`, the removal is the cause.
      for (const auto& name : names) {
        auto removed = document_.key_locations.find(child_pointer(pointer, name));
        if (removed == document_.key_locations.end()) continue;
        add(out, removed->first, removed->second, need, "'" + name + ": null' removes it");
        return;
      }
      add(out, pointer, pointer.empty() ? document_.locate("") : document_.locate_key(pointer),
          need);
    } else if (exactly_one && present.size() > 1) {
      const std::string second = child_pointer(pointer, present[1]);
      add(out, second, document_.locate_key(second), need,
          std::string(present.size() == 2 ? "it has both " : "it has ") +
              join_words(quote_each(present), "and"));
    }
    return;
  }
  // Otherwise the branch with the fewest problems is taken as the one the user meant. Branches
  // are examined in full: the validator's verdict covers the alternatives only as a whole.
  std::vector<Problems> results;
  size_t passing = 0;
  for (const auto& branch : branches) {
    Problems branch_problems;
    check(value, branch, pointer, false, branch_problems);
    if (branch_problems.empty()) ++passing;
    results.push_back(std::move(branch_problems));
  }
  if (exactly_one && passing > 1) {
    add(out, pointer, document_.locate(pointer),
        place + " matches more than one of its allowed forms");
    return;
  }
  if (passing > 0 || results.empty()) return;
  // A branch for another type of value is the least likely intent ("port: 0" against
  // string-or-positive-integer means the integer), then the fewest problems win.
  auto score = [&](size_t i) {
    const json& branch = schema_.resolve(branches[i]);
    Problems type_problems;
    bool type_fits = !branch.is_object() || check_type(value, branch, pointer, type_problems);
    return results[i].size() + (type_fits ? 0 : 1000);
  };
  size_t best = 0;
  for (size_t i = 1; i < results.size(); ++i) {
    if (score(i) < score(best)) best = i;
  }
  out.insert(out.end(), results[best].begin(), results[best].end());
}

}  // namespace infragen
