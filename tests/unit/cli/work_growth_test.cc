// The whole compile (packs, manifest, lowering, rendering, finishing) does work linear in the
// services: the work of one more service is the same at 40 services as at 160. Work is counted
// in heap allocations and allocated bytes, not time, so the guard is exact on any machine and
// catches a quadratic step that a view-size check would not (bench/run.sh measures the time).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>

#include "../growth_manifest.h"
#include "cli/pipeline.h"

namespace {

std::atomic<size_t> allocations{0};
std::atomic<size_t> allocated_bytes{0};

}  // namespace

// Every heap allocation of the test binary goes through these (replaceable global functions).
// GCC sees `new` paired with free() once these are inlined, and warns of a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  allocated_bytes.fetch_add(size, std::memory_order_relaxed);
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }

namespace infragen {
namespace {

struct Work {
  double allocations = 0;
  double bytes = 0;
};

// The work of compiling the manifest of `services` services for every target and format.
Work compile_work(int services) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("infragen-growth-" + std::to_string(services) + ".yaml");
  std::ofstream(path) << testing::growth_manifest(services);
  CompileRequest request;
  request.manifest_path = path.string();
  Diagnostics diagnostics;
  const size_t allocations_before = allocations.load();
  const size_t bytes_before = allocated_bytes.load();
  const bool compiled = compile(request, diagnostics).has_value();
  Work work{static_cast<double>(allocations.load() - allocations_before),
            static_cast<double>(allocated_bytes.load() - bytes_before)};
  std::filesystem::remove(path);
  EXPECT_TRUE(compiled) << services << " services do not compile";
  return work;
}

TEST(WorkGrowth, OneMoreServiceCostsTheSameAt40And160Services) {
  const Work at10 = compile_work(10);
  const Work at40 = compile_work(40);
  const Work at160 = compile_work(160);
  // The marginal work per service between 10 and 40, and between 40 and 160: equal when the
  // compile is linear, four times larger at the second when a step is quadratic.
  const double allocations_early = (at40.allocations - at10.allocations) / 30;
  const double allocations_late = (at160.allocations - at40.allocations) / 120;
  const double bytes_early = (at40.bytes - at10.bytes) / 30;
  const double bytes_late = (at160.bytes - at40.bytes) / 120;
  ASSERT_GT(allocations_early, 0);
  ASSERT_GT(bytes_early, 0);
  EXPECT_LE(allocations_late / allocations_early, 1.3)
      << "allocations per service: " << allocations_early << " from 10 to 40 services, "
      << allocations_late << " from 40 to 160";
  EXPECT_LE(bytes_late / bytes_early, 1.3)
      << "bytes per service: " << bytes_early << " from 10 to 40 services, " << bytes_late
      << " from 40 to 160";
}

}  // namespace
}  // namespace infragen
