// Runs independent tasks on a few worker threads; callers merge results in index order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace infragen {

// How many threads a run may use: $INFRAGEN_JOBS when it is a positive number, else one per
// core (at most 8: beyond that the stages are too short to gain).
inline std::size_t worker_count() {
  if (const char* jobs = std::getenv("INFRAGEN_JOBS"); jobs && *jobs) {
    char* end = nullptr;
    const long value = std::strtol(jobs, &end, 10);
    if (end && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return std::clamp<std::size_t>(cores == 0 ? 1 : cores, 1, 8);
}

// Calls `task(i)` for every i in [0, count), on up to worker_count() threads. A task writes
// only to its own slot (results[i], diagnostics[i]), so the caller's merge in index order keeps
// output byte-identical however the tasks interleave. The first exception, in index order, is
// rethrown once every task has finished.
template <typename Task>
void run_tasks(std::size_t count, Task&& task) {
  const std::size_t workers = std::min(count, worker_count());
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        task(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace infragen
