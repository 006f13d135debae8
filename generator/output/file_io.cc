#include "output/file_io.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace infragen {
namespace fs = std::filesystem;

std::optional<std::string> read_file_bytes(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buffer.str();
}

std::string replace_file_atomically(const fs::path& path, const std::string& content) {
  // The temporary name is unique per process and call, and hidden, so a crash leaves at most a
  // dot-file that the next run does not mistake for output.
  static std::atomic<int> counter{0};
  // Built step by step: GCC 12 at -O3 warns falsely about "literal" + std::string&&.
  std::string temporary_name = ".";
  temporary_name += path.filename().string();
  temporary_name += ".infragen-tmp-";
  temporary_name += std::to_string(::getpid());
  temporary_name += "-";
  temporary_name += std::to_string(counter++);
  fs::path temporary = path.parent_path() / temporary_name;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create " + temporary.generic_string() + ": " + std::strerror(errno);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return "cannot write " + temporary.generic_string();
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return "cannot rename " + temporary.generic_string() + " to " + path.generic_string() + ": " +
           error.message();
  }
  return {};
}

}  // namespace infragen
