#include "frontend/json_pointer.h"

namespace infragen {

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string unescape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

std::string child_pointer(const std::string& parent, std::string_view token) {
  return parent + '/' + escape_pointer_token(token);
}

std::string child_pointer(const std::string& parent, size_t index) {
  return parent + '/' + std::to_string(index);
}

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  size_t start = 1;  // skip the leading '/'
  while (true) {
    size_t end = pointer.find('/', start);
    tokens.push_back(unescape_pointer_token(pointer.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return tokens;
}

std::string parent_pointer(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  if (slash == std::string_view::npos) return {};
  return std::string(pointer.substr(0, slash));
}

std::string last_pointer_token(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  if (slash == std::string_view::npos) return {};
  return unescape_pointer_token(pointer.substr(slash + 1));
}

bool pointer_within(std::string_view pointer, std::string_view ancestor) {
  if (pointer.size() < ancestor.size() || pointer.substr(0, ancestor.size()) != ancestor) {
    return false;
  }
  return pointer.size() == ancestor.size() || pointer[ancestor.size()] == '/';
}

}  // namespace infragen
