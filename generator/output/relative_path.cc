#include "output/relative_path.h"

namespace infragen {

std::optional<std::string> relative_path_problem(std::string_view path) {
  if (path.empty()) return "the path is empty";
  if (path.front() == '/') return "the path must be relative";
  if (path.find('\\') != std::string_view::npos) return "the path must use '/' as separator";
  if (path.find('\0') != std::string_view::npos) return "the path contains a NUL character";
  // "C:foo" would be absolute on Windows; refusing ':' in the first segment keeps output portable.
  if (path.size() >= 2 && path[1] == ':') return "the path must be relative";
  size_t start = 0;
  while (true) {
    size_t end = path.find('/', start);
    std::string_view segment =
        path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (segment.empty()) return "the path has an empty segment";
    if (segment == ".") return "the path has a '.' segment";
    if (segment == "..") return "the path must not contain '..'";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace infragen
