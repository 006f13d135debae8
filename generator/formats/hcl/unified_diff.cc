// Myers' O((N+M)D) difference algorithm in linear space, and the unified format printer.
#include "formats/hcl/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace infragen::hcl {
namespace {

// Compares lines by a precomputed hash first so that long equal prefixes stay cheap.
class LineTable {
 public:
  LineTable(const std::vector<std::string_view>& old_lines,
            const std::vector<std::string_view>& new_lines)
      : old_(old_lines), new_(new_lines) {
    for (auto line : old_) old_hash_.push_back(std::hash<std::string_view>{}(line));
    for (auto line : new_) new_hash_.push_back(std::hash<std::string_view>{}(line));
  }
  bool same(int old_index, int new_index) const {
    return old_hash_[old_index] == new_hash_[new_index] && old_[old_index] == new_[new_index];
  }

 private:
  const std::vector<std::string_view>& old_;
  const std::vector<std::string_view>& new_;
  std::vector<size_t> old_hash_;
  std::vector<size_t> new_hash_;
};

struct Snake {
  int start_x, start_y, end_x, end_y;
};

class MyersDiff {
 public:
  MyersDiff(const LineTable& lines, std::vector<DiffLine>& script) : lines_(lines), out_(script) {}

  // Appends the edit script of old[a_lo, a_hi) -> new[b_lo, b_hi) in order.
  void compare(int a_lo, int a_hi, int b_lo, int b_hi) {
    while (a_lo < a_hi && b_lo < b_hi && lines_.same(a_lo, b_lo)) {
      out_.push_back({DiffLine::Kind::keep, a_lo++, b_lo++});
    }
    int suffix = 0;
    while (a_hi - suffix > a_lo && b_hi - suffix > b_lo &&
           lines_.same(a_hi - suffix - 1, b_hi - suffix - 1)) {
      ++suffix;
    }
    a_hi -= suffix;
    b_hi -= suffix;
    if (a_lo == a_hi) {
      for (int y = b_lo; y < b_hi; ++y) out_.push_back({DiffLine::Kind::insert, -1, y});
    } else if (b_lo == b_hi) {
      for (int x = a_lo; x < a_hi; ++x) out_.push_back({DiffLine::Kind::remove, x, -1});
    } else {
      Snake snake = middle_snake(a_lo, a_hi, b_lo, b_hi);
      compare(a_lo, snake.start_x, b_lo, snake.start_y);
      for (int x = snake.start_x, y = snake.start_y; x < snake.end_x; ++x, ++y) {
        out_.push_back({DiffLine::Kind::keep, x, y});
      }
      compare(snake.end_x, a_hi, snake.end_y, b_hi);
    }
    for (int i = 0; i < suffix; ++i) out_.push_back({DiffLine::Kind::keep, a_hi + i, b_hi + i});
  }

 private:
  // Finds the snake in the middle of a shortest edit path by searching from both ends
  // at once; both searches meet after about D/2 steps each.
  Snake middle_snake(int a_lo, int a_hi, int b_lo, int b_hi) {
    const int n = a_hi - a_lo;
    const int m = b_hi - b_lo;
    const int delta = n - m;
    const bool odd = (delta & 1) != 0;
    const int max_d = (n + m + 1) / 2;
    const int offset = max_d + 1;
    std::vector<int> forward(2 * offset + 1, 0);
    std::vector<int> backward(2 * offset + 1, 0);
    auto same_forward = [&](int x, int y) { return lines_.same(a_lo + x, b_lo + y); };
    auto same_backward = [&](int x, int y) { return lines_.same(a_hi - 1 - x, b_hi - 1 - y); };
    for (int d = 0; d <= max_d; ++d) {
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
                    ? forward[offset + k + 1]
                    : forward[offset + k - 1] + 1;
        int y = x - k;
        const int start_x = x, start_y = y;
        while (x < n && y < m && same_forward(x, y)) ++x, ++y;
        forward[offset + k] = x;
        const int reverse_k = delta - k;
        if (odd && reverse_k >= -(d - 1) && reverse_k <= d - 1 &&
            x >= n - backward[offset + reverse_k]) {
          return {a_lo + start_x, b_lo + start_y, a_lo + x, b_lo + y};
        }
      }
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]))
                    ? backward[offset + k + 1]
                    : backward[offset + k - 1] + 1;
        int y = x - k;
        const int start_x = x, start_y = y;
        while (x < n && y < m && same_backward(x, y)) ++x, ++y;
        backward[offset + k] = x;
        const int forward_k = delta - k;
        if (!odd && forward_k >= -d && forward_k <= d && forward[offset + forward_k] >= n - x) {
          return {a_lo + n - x, b_lo + m - y, a_lo + n - start_x, b_lo + m - start_y};
        }
      }
    }
    // Unreachable for valid input: the searches always meet by max_d.
    return {a_lo, b_lo, a_lo, b_lo};
  }

  const LineTable& lines_;
  std::vector<DiffLine>& out_;
};

// "start,count" of a hunk side as unified diff prints it (1-based; an empty side names the
// line before it; a count of one is omitted).
std::string hunk_range(int first_index, int count) {
  if (count == 0) return std::to_string(first_index) + ",0";
  if (count == 1) return std::to_string(first_index + 1);
  return std::to_string(first_index + 1) + "," + std::to_string(count);
}

void append_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::vector<std::string_view> split_lines_keep_ends(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

std::vector<DiffLine> diff_lines(const std::vector<std::string_view>& old_lines,
                                 const std::vector<std::string_view>& new_lines) {
  LineTable table(old_lines, new_lines);
  std::vector<DiffLine> script;
  MyersDiff(table, script)
      .compare(0, static_cast<int>(old_lines.size()), 0, static_cast<int>(new_lines.size()));
  // Within each run of changes, list the removed lines before the inserted ones, as diff
  // tools do; the script stays equally short.
  for (auto run = script.begin(); run != script.end();) {
    if (run->kind == DiffLine::Kind::keep) {
      ++run;
      continue;
    }
    auto end = std::find_if(run, script.end(),
                            [](const DiffLine& line) { return line.kind == DiffLine::Kind::keep; });
    std::stable_partition(run, end,
                          [](const DiffLine& line) { return line.kind == DiffLine::Kind::remove; });
    run = end;
  }
  return script;
}

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_label, std::string_view new_label, int context) {
  if (old_text == new_text) return {};
  const auto old_lines = split_lines_keep_ends(old_text);
  const auto new_lines = split_lines_keep_ends(new_text);
  const auto script = diff_lines(old_lines, new_lines);

  std::string out;
  out += "--- ";
  out += old_label;
  out += "\n+++ ";
  out += new_label;
  out += "\n";
  const int size = static_cast<int>(script.size());
  int i = 0;
  while (i < size) {
    if (script[i].kind == DiffLine::Kind::keep) {
      ++i;
      continue;
    }
    // A hunk starts `context` lines before the first change and grows while the next change
    // is within 2 * context unchanged lines.
    int first = std::max(0, i - context);
    int last = i;  // index of the last change in the hunk
    for (int j = i + 1; j < size; ++j) {
      if (script[j].kind != DiffLine::Kind::keep) {
        if (j - last - 1 > 2 * context) break;
        last = j;
      }
    }
    int end = std::min(size, last + 1 + context);
    int old_start = -1, new_start = -1, old_count = 0, new_count = 0;
    int old_before = 0, new_before = 0;  // lines of each side before the hunk
    for (int j = 0; j < first; ++j) {
      if (script[j].kind != DiffLine::Kind::insert) ++old_before;
      if (script[j].kind != DiffLine::Kind::remove) ++new_before;
    }
    for (int j = first; j < end; ++j) {
      if (script[j].kind != DiffLine::Kind::insert) {
        if (old_start < 0) old_start = script[j].old_index;
        ++old_count;
      }
      if (script[j].kind != DiffLine::Kind::remove) {
        if (new_start < 0) new_start = script[j].new_index;
        ++new_count;
      }
    }
    if (old_start < 0) old_start = old_before;
    if (new_start < 0) new_start = new_before;
    out += "@@ -" + hunk_range(old_count == 0 ? old_before : old_start, old_count) + " +" +
           hunk_range(new_count == 0 ? new_before : new_start, new_count) + " @@\n";
    for (int j = first; j < end; ++j) {
      switch (script[j].kind) {
        case DiffLine::Kind::keep:
          append_line(out, ' ', old_lines[script[j].old_index]);
          break;
        case DiffLine::Kind::remove:
          append_line(out, '-', old_lines[script[j].old_index]);
          break;
        case DiffLine::Kind::insert:
          append_line(out, '+', new_lines[script[j].new_index]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace infragen::hcl
