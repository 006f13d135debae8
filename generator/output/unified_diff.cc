#include "output/unified_diff.h"

#include <algorithm>

namespace infragen {

std::vector<std::string_view> split_lines_keeping_ends(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size() - 1;
    lines.push_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

namespace {

using Lines = std::vector<std::string_view>;

struct Snake {
  int x_begin, y_begin, x_end, y_end;
};

// Recursive divide and conquer over a[a_lo, a_hi) and b[b_lo, b_hi): the middle snake of an
// optimal path splits the problem in two, so memory stays linear in the input size.
class MyersDiff {
 public:
  MyersDiff(const Lines& a, const Lines& b) : a_(a), b_(b) {}

  std::vector<LineEdit> run() {
    compare(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
    return std::move(edits_);
  }

 private:
  void keep(int x, int y) { edits_.push_back({LineEdit::Kind::keep, x, y}); }
  void remove(int x) { edits_.push_back({LineEdit::Kind::remove, x, -1}); }
  void insert(int y) { edits_.push_back({LineEdit::Kind::insert, -1, y}); }

  void compare(int a_lo, int a_hi, int b_lo, int b_hi) {
    int prefix_end_a = a_lo, prefix_end_b = b_lo;
    while (prefix_end_a < a_hi && prefix_end_b < b_hi && a_[prefix_end_a] == b_[prefix_end_b]) {
      keep(prefix_end_a++, prefix_end_b++);
    }
    a_lo = prefix_end_a;
    b_lo = prefix_end_b;
    int suffix = 0;
    while (a_hi - suffix > a_lo && b_hi - suffix > b_lo &&
           a_[a_hi - suffix - 1] == b_[b_hi - suffix - 1]) {
      ++suffix;
    }
    int inner_a_hi = a_hi - suffix, inner_b_hi = b_hi - suffix;
    if (a_lo == inner_a_hi) {
      for (int y = b_lo; y < inner_b_hi; ++y) insert(y);
    } else if (b_lo == inner_b_hi) {
      for (int x = a_lo; x < inner_a_hi; ++x) remove(x);
    } else {
      Snake snake = middle_snake(a_lo, inner_a_hi, b_lo, inner_b_hi);
      bool splits = (snake.x_begin != a_lo || snake.y_begin != b_lo) ||
                    (snake.x_end != inner_a_hi || snake.y_end != inner_b_hi);
      if (!splits) {
        // Cannot happen for an optimal snake once common ends are trimmed; stay correct anyway.
        for (int x = a_lo; x < inner_a_hi; ++x) remove(x);
        for (int y = b_lo; y < inner_b_hi; ++y) insert(y);
      } else {
        compare(a_lo, snake.x_begin, b_lo, snake.y_begin);
        for (int x = snake.x_begin, y = snake.y_begin; x < snake.x_end; ++x, ++y) keep(x, y);
        compare(snake.x_end, inner_a_hi, snake.y_end, inner_b_hi);
      }
    }
    for (int i = suffix; i > 0; --i) keep(a_hi - i, b_hi - i);
  }

  // Myers 1986, section 4b: runs the forward and the reverse search until they overlap.
  Snake middle_snake(int a_lo, int a_hi, int b_lo, int b_hi) {
    const int n = a_hi - a_lo, m = b_hi - b_lo;
    const int delta = n - m;
    const bool odd = (delta % 2) != 0;
    const int max_d = (n + m + 1) / 2;
    const int offset = max_d + 1;
    std::vector<int> forward(2 * offset + 1, 0), reverse(2 * offset + 1, 0);
    auto a_at = [&](int i) { return a_[a_lo + i]; };
    auto b_at = [&](int j) { return b_[b_lo + j]; };
    for (int d = 0; d <= max_d; ++d) {
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
                    ? forward[offset + k + 1]
                    : forward[offset + k - 1] + 1;
        int y = x - k;
        int x0 = x, y0 = y;
        while (x < n && y < m && a_at(x) == b_at(y)) ++x, ++y;
        forward[offset + k] = x;
        int reverse_k = delta - k;
        if (odd && reverse_k >= -(d - 1) && reverse_k <= d - 1 &&
            x + reverse[offset + reverse_k] >= n) {
          return {a_lo + x0, b_lo + y0, a_lo + x, b_lo + y};
        }
      }
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && reverse[offset + k - 1] < reverse[offset + k + 1]))
                    ? reverse[offset + k + 1]
                    : reverse[offset + k - 1] + 1;
        int y = x - k;
        int x0 = x, y0 = y;
        while (x < n && y < m && a_at(n - x - 1) == b_at(m - y - 1)) ++x, ++y;
        reverse[offset + k] = x;
        int forward_k = delta - k;
        if (!odd && forward_k >= -d && forward_k <= d && x + forward[offset + forward_k] >= n) {
          return {a_lo + n - x, b_lo + m - y, a_lo + n - x0, b_lo + m - y0};
        }
      }
    }
    return {a_lo, b_lo, a_lo, b_lo};
  }

  const Lines& a_;
  const Lines& b_;
  std::vector<LineEdit> edits_;
};

// GNU diff's range: "start,count", "start" alone for one line, "before,0" for none.
std::string hunk_range(int lines_before, int count) {
  if (count == 0) return std::to_string(lines_before) + ",0";
  if (count == 1) return std::to_string(lines_before + 1);
  return std::to_string(lines_before + 1) + "," + std::to_string(count);
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::vector<LineEdit> diff_lines(const Lines& old_lines, const Lines& new_lines) {
  std::vector<LineEdit> edits = MyersDiff(old_lines, new_lines).run();
  // Within each run of changes, removals come before insertions, as `diff -u` prints them.
  auto is_change = [](const LineEdit& edit) { return edit.kind != LineEdit::Kind::keep; };
  for (auto run = edits.begin(); run != edits.end();) {
    run = std::find_if(run, edits.end(), is_change);
    auto run_end = std::find_if_not(run, edits.end(), is_change);
    std::stable_partition(run, run_end,
                          [](const LineEdit& edit) { return edit.kind == LineEdit::Kind::remove; });
    run = run_end;
  }
  return edits;
}

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         const std::string& old_name, const std::string& new_name, int context) {
  if (old_text == new_text) return {};
  Lines old_lines = split_lines_keeping_ends(old_text);
  Lines new_lines = split_lines_keeping_ends(new_text);
  std::vector<LineEdit> edits = diff_lines(old_lines, new_lines);

  // Old and new lines consumed before each edit, to number the hunks.
  const int count = static_cast<int>(edits.size());
  std::vector<int> old_before(count + 1, 0), new_before(count + 1, 0);
  std::vector<int> changes;
  for (int i = 0; i < count; ++i) {
    old_before[i + 1] = old_before[i] + (edits[i].kind != LineEdit::Kind::insert ? 1 : 0);
    new_before[i + 1] = new_before[i] + (edits[i].kind != LineEdit::Kind::remove ? 1 : 0);
    if (edits[i].kind != LineEdit::Kind::keep) changes.push_back(i);
  }

  std::string out = "--- " + old_name + "\n+++ " + new_name + "\n";
  size_t next_change = 0;
  while (next_change < changes.size()) {
    int first = changes[next_change];
    int last = first;
    // Changes closer than two contexts share a hunk, as their contexts would touch.
    while (next_change + 1 < changes.size() && changes[next_change + 1] - last - 1 <= 2 * context) {
      last = changes[++next_change];
    }
    ++next_change;
    int begin = std::max(0, first - context);
    int end = std::min(count, last + 1 + context);
    out += "@@ -" + hunk_range(old_before[begin], old_before[end] - old_before[begin]) + " +" +
           hunk_range(new_before[begin], new_before[end] - new_before[begin]) + " @@\n";
    for (int i = begin; i < end; ++i) {
      const LineEdit& edit = edits[i];
      switch (edit.kind) {
        case LineEdit::Kind::keep:
          append_line(out, ' ', old_lines[edit.old_index]);
          break;
        case LineEdit::Kind::remove:
          append_line(out, '-', old_lines[edit.old_index]);
          break;
        case LineEdit::Kind::insert:
          append_line(out, '+', new_lines[edit.new_index]);
          break;
      }
    }
  }
  return out;
}

}  // namespace infragen
