// Go template builtins and the sprig/Helm functions generated charts use, over JSON values.
#include "review/go_template_functions.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "output/sha256.h"
#include "review/go_template.h"

namespace infragen::review::go_template {
namespace {

using Arguments = std::vector<Value>;

[[noreturn]] void fail(const std::string& message) { throw TemplateError(message); }

void expect(const std::string& name, const Arguments& arguments, std::size_t least,
            std::size_t most) {
  if (arguments.size() < least || arguments.size() > most) {
    fail("wrong number of arguments for " + name + ": " + std::to_string(arguments.size()));
  }
}

std::string format_number(const Value& value) {
  if (value.is_number_integer()) return value.dump();
  const double number = value.get<double>();
  if (std::floor(number) == number && std::fabs(number) < 1e21) {
    return std::to_string(static_cast<long long>(number));
  }
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return error == std::errc() ? std::string(buffer, end) : value.dump();
}

// Go's %v.
std::string go_format(const Value& value) {
  if (value.is_null()) return "<nil>";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return format_number(value);
  std::string out = value.is_array() ? "[" : "map[";
  bool first = true;
  for (const auto& [key, element] : value.items()) {
    if (!first) out += ' ';
    first = false;
    if (value.is_object()) out += key + ":";
    out += go_format(element);
  }
  return out + "]";
}

// sprig's strval: strings as they are, anything else as %v.
std::string text_of(const Value& value) { return go_format(value); }

// Go's strconv.Quote for the text charts hold.
std::string go_quote(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// cast.ToInt64 as sprig uses it: numbers truncated, numeric strings parsed, else 0.
long long to_integer(const Value& value) {
  if (value.is_number_integer()) return value.get<long long>();
  if (value.is_number()) return static_cast<long long>(value.get<double>());
  if (value.is_boolean()) return value.get<bool>() ? 1 : 0;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    long long number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc() && end == text.data() + text.size()) return number;
    char* stop = nullptr;
    double real = std::strtod(text.c_str(), &stop);
    if (!text.empty() && *stop == '\0') return static_cast<long long>(real);
  }
  return 0;
}

double to_real(const Value& value) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    char* stop = nullptr;
    double real = std::strtod(value.get_ref<const std::string&>().c_str(), &stop);
    return *stop == '\0' ? real : 0;
  }
  return static_cast<double>(to_integer(value));
}

bool is_empty(const Value& value) { return !is_true(value); }

// mergo.Merge: keys of `source` missing (or empty) in `target` are set, maps merged deeply;
// with `overwrite`, every non-empty value of `source` wins.
void merge_into(Value& target, const Value& source, bool overwrite) {
  if (!source.is_object()) return;
  for (const auto& [key, value] : source.items()) {
    auto it = target.find(key);
    if (it == target.end()) {
      target[key] = value;
    } else if (it->is_object() && value.is_object()) {
      merge_into(*it, value, overwrite);
    } else if ((overwrite && !is_empty(value)) || is_empty(*it)) {
      *it = value;
    }
  }
}

int compare(const Value& left, const Value& right, const std::string& name) {
  if (left.is_number() && right.is_number()) {
    if (left.is_number_integer() && right.is_number_integer()) {
      long long a = left.get<long long>(), b = right.get<long long>();
      return a < b ? -1 : a > b ? 1 : 0;
    }
    double a = left.get<double>(), b = right.get<double>();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (left.is_string() && right.is_string()) {
    return left.get_ref<const std::string&>().compare(right.get_ref<const std::string&>());
  }
  if (name == "eq" || name == "ne") return left == right ? 0 : 1;
  fail("incompatible types for comparison in " + name);
}

std::string indent_text(long long spaces, const std::string& text) {
  const std::string pad(static_cast<std::size_t>(std::max(0LL, spaces)), ' ');
  std::string out = pad;
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

// sigs.k8s.io/yaml's output in the form Helm's toYaml gives (block style, keys sorted); strings
// double-quoted, which any YAML reader takes as the same value.
void emit_yaml(const Value& value, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  auto scalar = [](const Value& v) {
    if (v.is_string()) return v.dump();
    if (v.is_number()) return format_number(v);
    return v.dump();
  };
  auto nested = [](const Value& v) { return (v.is_object() || v.is_array()) && !v.empty(); };
  if (value.is_object() && !value.empty()) {
    bool first = true;
    for (const auto& [key, element] : value.items()) {
      if (!first) out += "\n" + pad;
      first = false;
      out += Value(key).dump() + ":";
      if (element.is_object() && !element.empty()) {
        out += "\n" + pad + "  ";
        emit_yaml(element, indent + 2, out);
      } else if (element.is_array() && !element.empty()) {
        out += "\n" + pad;
        emit_yaml(element, indent, out);
      } else {
        out += " " + (nested(element) ? std::string() : scalar(element));
      }
    }
  } else if (value.is_array() && !value.empty()) {
    bool first = true;
    for (const auto& element : value) {
      if (!first) out += "\n" + pad;
      first = false;
      out += "- ";
      if (nested(element)) {
        emit_yaml(element, indent + 2, out);
      } else {
        out += scalar(element);
      }
    }
  } else if (value.is_object()) {
    out += "{}";
  } else if (value.is_array()) {
    out += "[]";
  } else {
    out += scalar(value);
  }
}

std::string base64(const std::string& data) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(data[i]) << 16) |
                 (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += alphabet[(n >> shift) & 63];
  }
  if (i < data.size()) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < data.size() ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// fmt.Sprintf for the verbs charts use: %s %d %v %q %t %f %g %x %%, with flags and width.
std::string go_printf(const Arguments& arguments) {
  if (arguments.empty()) fail("wrong number of arguments for printf: 0");
  const std::string format = text_of(arguments[0]);
  std::string out;
  std::size_t next = 1;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    std::string spec = "%";
    ++i;
    while (i < format.size() && std::string_view("-+ 0#").find(format[i]) != std::string::npos) {
      spec += format[i++];
    }
    while (i < format.size() &&
           (std::isdigit(static_cast<unsigned char>(format[i])) || format[i] == '.')) {
      spec += format[i++];
    }
    if (i >= format.size()) break;
    const char verb = format[i];
    if (verb == '%') {
      out += '%';
      continue;
    }
    if (next >= arguments.size()) {
      out += std::string("%!") + verb + "(MISSING)";
      continue;
    }
    const Value& argument = arguments[next++];
    char buffer[128];
    std::string text;
    switch (verb) {
      case 'd':
        std::snprintf(buffer, sizeof buffer, (spec + "lld").c_str(), to_integer(argument));
        text = buffer;
        break;
      case 'x':
      case 'X':
        std::snprintf(buffer, sizeof buffer, (spec + "ll" + verb).c_str(), to_integer(argument));
        text = buffer;
        break;
      case 'f':
      case 'g':
      case 'e':
        std::snprintf(buffer, sizeof buffer, (spec + verb).c_str(), to_real(argument));
        text = buffer;
        break;
      case 'q':
        text = go_quote(text_of(argument));
        break;
      case 't':
        text = is_true(argument) ? "true" : "false";
        break;
      default: {
        std::string plain = text_of(argument);
        // Width and '-' only: pad the text as %s would.
        std::size_t width = 0;
        bool left = spec.find('-') != std::string::npos;
        for (char c : spec) {
          if (std::isdigit(static_cast<unsigned char>(c)) && !(c == '0' && width == 0)) {
            width = width * 10 + static_cast<std::size_t>(c - '0');
          }
        }
        if (plain.size() < width) {
          std::string fill(width - plain.size(), ' ');
          plain = left ? plain + fill : fill + plain;
        }
        text = plain;
      }
    }
    out += text;
  }
  return out;
}

using Function = Value (*)(const Arguments&, const FunctionHost&);

Value arithmetic(const Arguments& arguments, char op) {
  if (arguments.empty()) fail("arithmetic without arguments");
  long long result = to_integer(arguments[0]);
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    long long operand = to_integer(arguments[i]);
    switch (op) {
      case '+':
        result += operand;
        break;
      case '-':
        result -= operand;
        break;
      case '*':
        result *= operand;
        break;
      case '/':
        if (operand == 0) fail("integer divide by zero");
        result /= operand;
        break;
      case '%':
        if (operand == 0) fail("integer divide by zero");
        result %= operand;
        break;
      case '<':
        result = std::min(result, operand);
        break;
      case '>':
        result = std::max(result, operand);
        break;
    }
  }
  return Value(result);
}

Value real_arithmetic(const Arguments& arguments, char op) {
  if (arguments.empty()) fail("arithmetic without arguments");
  double result = to_real(arguments[0]);
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    double operand = to_real(arguments[i]);
    if (op == '+') result += operand;
    if (op == '-') result -= operand;
    if (op == '*') result *= operand;
    if (op == '/') result /= operand;
  }
  return Value(result);
}

std::string last_text(const std::string& name, const Arguments& arguments, std::size_t count) {
  expect(name, arguments, count, count);
  return text_of(arguments.back());
}

const std::map<std::string, Function>& functions() {
  static const std::map<std::string, Function> table = {
      // Go's builtins.
      {"and",
       [](const Arguments& a, const FunctionHost&) {
         expect("and", a, 1, 64);
         for (const auto& v : a)
           if (!is_true(v)) return v;
         return a.back();
       }},
      {"or",
       [](const Arguments& a, const FunctionHost&) {
         expect("or", a, 1, 64);
         for (const auto& v : a)
           if (is_true(v)) return v;
         return a.back();
       }},
      {"not",
       [](const Arguments& a, const FunctionHost&) {
         expect("not", a, 1, 1);
         return Value(!is_true(a[0]));
       }},
      {"eq",
       [](const Arguments& a, const FunctionHost&) {
         expect("eq", a, 2, 64);
         for (std::size_t i = 1; i < a.size(); ++i)
           if (compare(a[0], a[i], "eq") == 0) return Value(true);
         return Value(false);
       }},
      {"ne",
       [](const Arguments& a, const FunctionHost&) {
         expect("ne", a, 2, 2);
         return Value(compare(a[0], a[1], "ne") != 0);
       }},
      {"lt",
       [](const Arguments& a, const FunctionHost&) {
         expect("lt", a, 2, 2);
         return Value(compare(a[0], a[1], "lt") < 0);
       }},
      {"le",
       [](const Arguments& a, const FunctionHost&) {
         expect("le", a, 2, 2);
         return Value(compare(a[0], a[1], "le") <= 0);
       }},
      {"gt",
       [](const Arguments& a, const FunctionHost&) {
         expect("gt", a, 2, 2);
         return Value(compare(a[0], a[1], "gt") > 0);
       }},
      {"ge",
       [](const Arguments& a, const FunctionHost&) {
         expect("ge", a, 2, 2);
         return Value(compare(a[0], a[1], "ge") >= 0);
       }},
      {"index",
       [](const Arguments& a, const FunctionHost&) {
         expect("index", a, 1, 64);
         Value current = a[0];
         for (std::size_t i = 1; i < a.size(); ++i) {
           if (current.is_object()) {
             auto it = current.find(text_of(a[i]));
             if (it == current.end()) return Value();
             Value next = *it;
             current = std::move(next);
           } else if (current.is_array()) {
             long long at = to_integer(a[i]);
             if (at < 0 || at >= static_cast<long long>(current.size())) {
               fail("index out of range: " + std::to_string(at));
             }
             Value next = current[static_cast<std::size_t>(at)];
             current = std::move(next);
           } else {
             return Value();
           }
         }
         return current;
       }},
      {"len",
       [](const Arguments& a, const FunctionHost&) {
         expect("len", a, 1, 1);
         if (a[0].is_string()) return Value(a[0].get_ref<const std::string&>().size());
         if (a[0].is_array() || a[0].is_object()) return Value(a[0].size());
         fail("len of " + go_format(a[0]));
       }},
      {"print",
       [](const Arguments& a, const FunctionHost&) {
         std::string out;
         for (std::size_t i = 0; i < a.size(); ++i) {
           // fmt.Sprint: a space between operands when neither is a string.
           if (i > 0 && !a[i].is_string() && !a[i - 1].is_string()) out += ' ';
           out += go_format(a[i]);
         }
         return Value(out);
       }},
      {"println",
       [](const Arguments& a, const FunctionHost&) {
         std::string out;
         for (std::size_t i = 0; i < a.size(); ++i) out += (i ? " " : "") + go_format(a[i]);
         return Value(out + "\n");
       }},
      {"printf", [](const Arguments& a, const FunctionHost&) { return Value(go_printf(a)); }},
      // Helm's own.
      {"include",
       [](const Arguments& a, const FunctionHost& host) {
         expect("include", a, 2, 2);
         return Value(host.include(text_of(a[0]), a[1]));
       }},
      {"tpl",
       [](const Arguments& a, const FunctionHost& host) {
         expect("tpl", a, 2, 2);
         return Value(host.tpl(text_of(a[0]), a[1]));
       }},
      {"required",
       [](const Arguments& a, const FunctionHost&) {
         expect("required", a, 2, 2);
         if (a[1].is_null() || (a[1].is_string() && a[1].get_ref<const std::string&>().empty())) {
           fail(text_of(a[0]));
         }
         return a[1];
       }},
      {"fail",
       [](const Arguments& a, const FunctionHost&) -> Value {
         expect("fail", a, 1, 1);
         fail(text_of(a[0]));
       }},
      // A chart rendered for review sees no cluster, as `helm template` does.
      {"lookup", [](const Arguments&, const FunctionHost&) { return Value::object(); }},
      {"toYaml",
       [](const Arguments& a, const FunctionHost&) {
         expect("toYaml", a, 1, 1);
         std::string out;
         emit_yaml(a[0], 0, out);
         return Value(out);
       }},
      {"toJson",
       [](const Arguments& a, const FunctionHost&) {
         expect("toJson", a, 1, 1);
         return Value(a[0].dump());
       }},
      {"toPrettyJson",
       [](const Arguments& a, const FunctionHost&) {
         expect("toPrettyJson", a, 1, 1);
         return Value(a[0].dump(2));
       }},
      // sprig.
      {"default",
       [](const Arguments& a, const FunctionHost&) {
         expect("default", a, 1, 2);
         return a.size() == 2 && is_true(a[1]) ? a[1] : a[0];
       }},
      {"empty",
       [](const Arguments& a, const FunctionHost&) {
         expect("empty", a, 1, 1);
         return Value(is_empty(a[0]));
       }},
      {"coalesce",
       [](const Arguments& a, const FunctionHost&) {
         for (const auto& v : a)
           if (is_true(v)) return v;
         return Value();
       }},
      {"ternary",
       [](const Arguments& a, const FunctionHost&) {
         expect("ternary", a, 3, 3);
         return is_true(a[2]) ? a[0] : a[1];
       }},
      {"dict",
       [](const Arguments& a, const FunctionHost&) {
         Value out = Value::object();
         for (std::size_t i = 0; i < a.size(); i += 2) {
           out[text_of(a[i])] = i + 1 < a.size() ? a[i + 1] : Value("");
         }
         return out;
       }},
      {"list",
       [](const Arguments& a, const FunctionHost&) {
         Value out = Value::array();
         for (const auto& v : a) out.push_back(v);
         return out;
       }},
      {"merge",
       [](const Arguments& a, const FunctionHost&) {
         expect("merge", a, 1, 64);
         Value out = a[0].is_object() ? a[0] : Value::object();
         for (std::size_t i = 1; i < a.size(); ++i) merge_into(out, a[i], false);
         return out;
       }},
      {"mergeOverwrite",
       [](const Arguments& a, const FunctionHost&) {
         expect("mergeOverwrite", a, 1, 64);
         Value out = a[0].is_object() ? a[0] : Value::object();
         for (std::size_t i = 1; i < a.size(); ++i) merge_into(out, a[i], true);
         return out;
       }},
      {"hasKey",
       [](const Arguments& a, const FunctionHost&) {
         expect("hasKey", a, 2, 2);
         return Value(a[0].is_object() && a[0].contains(text_of(a[1])));
       }},
      {"get",
       [](const Arguments& a, const FunctionHost&) {
         expect("get", a, 2, 2);
         if (a[0].is_object() && a[0].contains(text_of(a[1]))) return a[0][text_of(a[1])];
         return Value("");
       }},
      {"set",
       [](const Arguments& a, const FunctionHost&) {
         expect("set", a, 3, 3);
         Value out = a[0].is_object() ? a[0] : Value::object();
         out[text_of(a[1])] = a[2];
         return out;
       }},
      {"unset",
       [](const Arguments& a, const FunctionHost&) {
         expect("unset", a, 2, 2);
         Value out = a[0];
         if (out.is_object()) out.erase(text_of(a[1]));
         return out;
       }},
      {"keys",
       [](const Arguments& a, const FunctionHost&) {
         Value out = Value::array();
         for (const auto& map : a) {
           if (!map.is_object()) continue;
           for (const auto& [key, element] : map.items()) out.push_back(key);
         }
         return out;
       }},
      {"sortAlpha",
       [](const Arguments& a, const FunctionHost&) {
         expect("sortAlpha", a, 1, 1);
         std::vector<std::string> texts;
         if (a[0].is_array())
           for (const auto& v : a[0]) texts.push_back(text_of(v));
         std::sort(texts.begin(), texts.end());
         return Value(texts);
       }},
      {"has",
       [](const Arguments& a, const FunctionHost&) {
         expect("has", a, 2, 2);
         return Value(a[1].is_array() && std::find(a[1].begin(), a[1].end(), a[0]) != a[1].end());
       }},
      {"first",
       [](const Arguments& a, const FunctionHost&) {
         expect("first", a, 1, 1);
         return a[0].is_array() && !a[0].empty() ? a[0].front() : Value();
       }},
      {"last",
       [](const Arguments& a, const FunctionHost&) {
         expect("last", a, 1, 1);
         return a[0].is_array() && !a[0].empty() ? a[0].back() : Value();
       }},
      {"append",
       [](const Arguments& a, const FunctionHost&) {
         expect("append", a, 2, 2);
         Value out = a[0].is_array() ? a[0] : Value::array();
         out.push_back(a[1]);
         return out;
       }},
      {"concat",
       [](const Arguments& a, const FunctionHost&) {
         Value out = Value::array();
         for (const auto& list : a)
           if (list.is_array())
             for (const auto& v : list) out.push_back(v);
         return out;
       }},
      {"kindIs",
       [](const Arguments& a, const FunctionHost&) {
         expect("kindIs", a, 2, 2);
         const std::string kind = text_of(a[0]);
         const Value& v = a[1];
         const std::string actual = v.is_object()           ? "map"
                                    : v.is_array()          ? "slice"
                                    : v.is_string()         ? "string"
                                    : v.is_boolean()        ? "bool"
                                    : v.is_number_integer() ? "int"
                                    : v.is_number()         ? "float64"
                                                            : "invalid";
         return Value(kind == actual || (kind == "int64" && actual == "int"));
       }},
      {"toString",
       [](const Arguments& a, const FunctionHost&) { return Value(last_text("toString", a, 1)); }},
      {"int",
       [](const Arguments& a, const FunctionHost&) {
         expect("int", a, 1, 1);
         return Value(to_integer(a[0]));
       }},
      {"int64",
       [](const Arguments& a, const FunctionHost&) {
         expect("int64", a, 1, 1);
         return Value(to_integer(a[0]));
       }},
      {"atoi",
       [](const Arguments& a, const FunctionHost&) {
         expect("atoi", a, 1, 1);
         return Value(to_integer(a[0]));
       }},
      {"float64",
       [](const Arguments& a, const FunctionHost&) {
         expect("float64", a, 1, 1);
         return Value(to_real(a[0]));
       }},
      {"add", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '+'); }},
      {"add1",
       [](const Arguments& a, const FunctionHost&) {
         expect("add1", a, 1, 1);
         return Value(to_integer(a[0]) + 1);
       }},
      {"sub", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '-'); }},
      {"mul", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '*'); }},
      {"div", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '/'); }},
      {"mod", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '%'); }},
      {"min", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '<'); }},
      {"max", [](const Arguments& a, const FunctionHost&) { return arithmetic(a, '>'); }},
      {"addf", [](const Arguments& a, const FunctionHost&) { return real_arithmetic(a, '+'); }},
      {"subf", [](const Arguments& a, const FunctionHost&) { return real_arithmetic(a, '-'); }},
      {"mulf", [](const Arguments& a, const FunctionHost&) { return real_arithmetic(a, '*'); }},
      {"divf", [](const Arguments& a, const FunctionHost&) { return real_arithmetic(a, '/'); }},
      {"upper",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("upper", a, 1);
         for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
         return Value(s);
       }},
      {"lower",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("lower", a, 1);
         for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
         return Value(s);
       }},
      {"trim",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("trim", a, 1);
         const char* space = " \t\n\r\v\f";
         s.erase(0, s.find_first_not_of(space));
         s.erase(s.find_last_not_of(space) + 1);
         return Value(s);
       }},
      {"trimAll",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("trimAll", a, 2);
         const std::string cut = text_of(a[0]);
         s.erase(0, s.find_first_not_of(cut));
         auto end = s.find_last_not_of(cut);
         s.erase(end == std::string::npos ? 0 : end + 1);
         return Value(s);
       }},
      {"trimPrefix",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("trimPrefix", a, 2);
         const std::string prefix = text_of(a[0]);
         if (s.rfind(prefix, 0) == 0) s.erase(0, prefix.size());
         return Value(s);
       }},
      {"trimSuffix",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("trimSuffix", a, 2);
         const std::string suffix = text_of(a[0]);
         if (s.size() >= suffix.size() &&
             s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
           s.erase(s.size() - suffix.size());
         }
         return Value(s);
       }},
      {"trunc",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("trunc", a, 2);
         long long n = to_integer(a[0]);
         const auto size = static_cast<long long>(s.size());
         if (n >= 0 && size > n) return Value(s.substr(0, static_cast<std::size_t>(n)));
         if (n < 0 && size + n > 0) return Value(s.substr(static_cast<std::size_t>(size + n)));
         return Value(s);
       }},
      {"replace",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("replace", a, 3);
         const std::string from = text_of(a[0]), to = text_of(a[1]);
         if (from.empty()) return Value(s);
         std::string out;
         std::size_t at = 0;
         for (std::size_t found; (found = s.find(from, at)) != std::string::npos;
              at = found + from.size()) {
           out += s.substr(at, found - at) + to;
         }
         return Value(out + s.substr(at));
       }},
      {"contains",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("contains", a, 2);
         return Value(s.find(text_of(a[0])) != std::string::npos);
       }},
      {"hasPrefix",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("hasPrefix", a, 2);
         return Value(s.rfind(text_of(a[0]), 0) == 0);
       }},
      {"hasSuffix",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("hasSuffix", a, 2);
         const std::string suffix = text_of(a[0]);
         return Value(s.size() >= suffix.size() &&
                      s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0);
       }},
      {"repeat",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("repeat", a, 2);
         std::string out;
         for (long long i = 0; i < to_integer(a[0]); ++i) out += s;
         return Value(out);
       }},
      {"indent",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("indent", a, 2);
         return Value(indent_text(to_integer(a[0]), s));
       }},
      {"nindent",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("nindent", a, 2);
         return Value("\n" + indent_text(to_integer(a[0]), s));
       }},
      {"join",
       [](const Arguments& a, const FunctionHost&) {
         expect("join", a, 2, 2);
         std::string out;
         if (a[1].is_array()) {
           for (std::size_t i = 0; i < a[1].size(); ++i) {
             out += (i ? text_of(a[0]) : "") + text_of(a[1][i]);
           }
         } else {
           out = text_of(a[1]);
         }
         return Value(out);
       }},
      {"splitList",
       [](const Arguments& a, const FunctionHost&) {
         std::string s = last_text("splitList", a, 2);
         const std::string separator = text_of(a[0]);
         Value out = Value::array();
         if (separator.empty()) return out;
         std::size_t at = 0;
         for (std::size_t found; (found = s.find(separator, at)) != std::string::npos;
              at = found + separator.size()) {
           out.push_back(s.substr(at, found - at));
         }
         out.push_back(s.substr(at));
         return out;
       }},
      {"cat",
       [](const Arguments& a, const FunctionHost&) {
         std::string out;
         for (const auto& v : a) {
           if (v.is_null()) continue;
           out += (out.empty() ? "" : " ") + text_of(v);
         }
         return Value(out);
       }},
      {"quote",
       [](const Arguments& a, const FunctionHost&) {
         std::string out;
         for (const auto& v : a) {
           if (v.is_null()) continue;
           out += (out.empty() ? "" : " ") + go_quote(text_of(v));
         }
         return Value(out);
       }},
      {"squote",
       [](const Arguments& a, const FunctionHost&) {
         std::string out;
         for (const auto& v : a) {
           if (v.is_null()) continue;
           out += (out.empty() ? "'" : " '") + text_of(v) + "'";
         }
         return Value(out);
       }},
      {"sha256sum",
       [](const Arguments& a, const FunctionHost&) {
         return Value(sha256_hex(last_text("sha256sum", a, 1)));
       }},
      {"b64enc", [](const Arguments& a,
                    const FunctionHost&) { return Value(base64(last_text("b64enc", a, 1))); }},
  };
  return table;
}

}  // namespace

bool is_true(const Value& value) {
  if (value.is_null()) return false;
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer()) return value.get<long long>() != 0;
  if (value.is_number()) return value.get<double>() != 0;
  if (value.is_string()) return !value.get_ref<const std::string&>().empty();
  return !value.empty();
}

std::string print_value(const Value& value) {
  return value.is_null() ? std::string() : go_format(value);
}

Value call_function(const std::string& name, const std::vector<Value>& arguments,
                    const FunctionHost& host) {
  const auto& table = functions();
  auto it = table.find(name);
  if (it == table.end()) fail("function \"" + name + "\" not defined");
  return it->second(arguments, host);
}

}  // namespace infragen::review::go_template
