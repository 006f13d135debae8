// Executes a parsed Go template: actions, variables and their scopes, if/with/range, calls.
#include "review/go_template.h"
#include "review/go_template_functions.h"

namespace infragen::review::go_template {
namespace {

// Deeper nesting of `include` than this is a loop (Helm stops at 1000 too).
constexpr int kMaximumDepth = 1000;

class Executor {
 public:
  Executor(const TemplateSet& set, const Value& root, int depth) : set_(set), depth_(depth) {
    if (depth > kMaximumDepth) throw TemplateError("templates nested too deeply (a loop?)");
    variables_.emplace_back("$", root);
    host_.include = [this](const std::string& name, const Value& data) {
      Executor nested(set_, data, depth_ + 1);
      std::string out;
      nested.run(set_.body(name), data, out);
      return out;
    };
    host_.tpl = [this](const std::string& text, const Value& data) {
      std::map<std::string, NodeList> defines;
      NodeList body = parse_template("tpl", text, defines);
      Executor nested(set_, data, depth_ + 1);
      std::string out;
      nested.run(body, data, out);
      return out;
    };
  }

  void run(const NodeList& nodes, const Value& dot, std::string& out) {
    for (const Node& node : nodes) run_node(node, dot, out);
  }

 private:
  void run_node(const Node& node, const Value& dot, std::string& out) {
    switch (node.kind) {
      case Node::Kind::text:
        out += node.text;
        return;
      case Node::Kind::action: {
        Value value = evaluate(*node.pipeline, dot);
        if (node.pipeline->variables.empty()) out += print_value(value);
        return;
      }
      case Node::Kind::call: {
        if (!set_.has(node.text)) throw TemplateError("no template \"" + node.text + "\"");
        Value data = node.pipeline ? evaluate(*node.pipeline, dot) : Value();
        out += host_.include(node.text, data);
        return;
      }
      case Node::Kind::if_:
      case Node::Kind::with: {
        const std::size_t scope = variables_.size();
        Value value = evaluate(*node.pipeline, dot);
        if (is_true(value)) {
          run(node.body, node.kind == Node::Kind::with ? value : dot, out);
        } else {
          run(node.otherwise, dot, out);
        }
        variables_.resize(scope);
        return;
      }
      case Node::Kind::range:
        run_range(node, dot, out);
        return;
    }
  }

  void run_range(const Node& node, const Value& dot, std::string& out) {
    const std::size_t scope = variables_.size();
    Pipeline pipeline = *node.pipeline;
    std::vector<std::string> names = std::move(pipeline.variables);
    pipeline.variables.clear();
    Value value = evaluate(pipeline, dot);
    auto iteration = [&](const Value& key, const Value& element) {
      if (names.size() == 1) variables_.emplace_back(names[0], element);
      if (names.size() == 2) {
        variables_.emplace_back(names[0], key);
        variables_.emplace_back(names[1], element);
      }
      run(node.body, element, out);
      variables_.resize(scope);
    };
    bool any = false;
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i, any = true) iteration(Value(i), value[i]);
    } else if (value.is_object()) {
      for (const auto& [key, element] : value.items()) {
        any = true;
        iteration(Value(key), element);
      }
    } else if (value.is_number_integer()) {
      for (long long i = 0; i < value.get<long long>(); ++i, any = true) {
        iteration(Value(i), Value(i));
      }
    } else if (!value.is_null()) {
      throw TemplateError("range can't iterate over " + print_value(value));
    }
    if (!any) run(node.otherwise, dot, out);
    variables_.resize(scope);
  }

  Value evaluate(const Pipeline& pipeline, const Value& dot) {
    Value result;
    bool piped = false;
    for (const Command& command : pipeline.commands) {
      result = evaluate(command, dot, piped ? &result : nullptr);
      piped = true;
    }
    if (!pipeline.variables.empty()) {
      const std::string& name = pipeline.variables.front();
      if (pipeline.declares) {
        variables_.emplace_back(name, result);
      } else {
        lookup(name) = result;
      }
    }
    return result;
  }

  Value evaluate(const Command& command, const Value& dot, const Value* piped) {
    const Operand& head = command.operands.front();
    if (head.kind == Operand::Kind::function) {
      std::vector<Value> arguments;
      for (std::size_t i = 1; i < command.operands.size(); ++i) {
        arguments.push_back(operand(command.operands[i], dot));
      }
      if (piped) arguments.push_back(*piped);
      return call_function(head.name, arguments, host_);
    }
    if (command.operands.size() > 1 || piped) {
      throw TemplateError("can't give arguments to a value (only functions take them)");
    }
    return operand(head, dot);
  }

  Value operand(const Operand& operand, const Value& dot) {
    Value base;
    switch (operand.kind) {
      case Operand::Kind::dot:
        base = dot;
        break;
      case Operand::Kind::variable:
        base = lookup(operand.name);
        break;
      case Operand::Kind::literal:
        return operand.literal;
      case Operand::Kind::pipeline:
        base = evaluate(*operand.pipeline, dot);
        break;
      case Operand::Kind::function:
        return call_function(operand.name, {}, host_);
    }
    for (const std::string& field : operand.fields) {
      // A missing key (or a field of nothing) is nothing, as Helm's missingkey=zero gives.
      if (!base.is_object()) return Value();
      auto it = base.find(field);
      if (it == base.end()) return Value();
      Value next = *it;
      base = std::move(next);
    }
    return base;
  }

  Value& lookup(const std::string& name) {
    for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    throw TemplateError("undefined variable: " + name);
  }

  const TemplateSet& set_;
  int depth_;
  std::vector<std::pair<std::string, Value>> variables_;
  FunctionHost host_;
};

}  // namespace

void TemplateSet::add(const std::string& name, std::string_view text) {
  NodeList body = parse_template(name, text, templates_);
  templates_[name] = std::move(body);
}

const NodeList& TemplateSet::body(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw TemplateError("no template \"" + name + "\"");
  return it->second;
}

std::string TemplateSet::render(const std::string& name, const Value& data) const {
  Executor executor(*this, data, 0);
  std::string out;
  executor.run(body(name), data, out);
  return out;
}

}  // namespace infragen::review::go_template
