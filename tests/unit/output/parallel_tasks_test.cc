#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "output/parallel_tasks.h"

namespace infragen {
namespace {

// Sets INFRAGEN_JOBS for one test and restores it after.
class JobsSetting {
 public:
  explicit JobsSetting(const char* value) {
    if (const char* old = std::getenv("INFRAGEN_JOBS")) old_ = old;
    if (value) {
      setenv("INFRAGEN_JOBS", value, 1);
    } else {
      unsetenv("INFRAGEN_JOBS");
    }
  }
  ~JobsSetting() {
    if (old_) {
      setenv("INFRAGEN_JOBS", old_->c_str(), 1);
    } else {
      unsetenv("INFRAGEN_JOBS");
    }
  }

 private:
  std::optional<std::string> old_;
};

TEST(WorkerCount, TakesAPositiveJobsSetting) {
  JobsSetting jobs("3");
  EXPECT_EQ(worker_count(), 3u);
}

TEST(WorkerCount, IgnoresANonNumberOrZero) {
  for (const char* value : {"0", "-2", "two", "3x", ""}) {
    JobsSetting jobs(value);
    const size_t count = worker_count();
    EXPECT_GE(count, 1u) << value;
    EXPECT_LE(count, 8u) << value;
  }
}

TEST(RunTasks, EveryIndexRunsOnceWhateverTheThreadCount) {
  for (const char* value : {"1", "2", "7"}) {
    JobsSetting jobs(value);
    std::vector<int> runs(100, 0);
    run_tasks(runs.size(), [&](size_t i) { runs[i] += static_cast<int>(i) + 1; });
    for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], static_cast<int>(i) + 1) << value;
  }
}

TEST(RunTasks, NoTasksIsFine) {
  JobsSetting jobs("4");
  bool ran = false;
  run_tasks(0, [&](size_t) { ran = true; });
  EXPECT_FALSE(ran);
}

TEST(RunTasks, RethrowsTheFirstFailureByIndexAfterAllTasksRan) {
  JobsSetting jobs("4");
  std::vector<int> finished(20, 0);
  try {
    run_tasks(finished.size(), [&](size_t i) {
      finished[i] = 1;
      if (i == 5 || i == 12) throw std::runtime_error("task " + std::to_string(i));
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "task 5");
  }
  for (int done : finished) EXPECT_EQ(done, 1);
}

}  // namespace
}  // namespace infragen
