#include "lowering/lowering_context.h"

namespace infragen {

nlohmann::json with_last(nlohmann::json items) {
  for (size_t i = 0; i < items.size(); ++i) items[i]["last"] = i + 1 == items.size();
  return items;
}

nlohmann::json value_list(const std::vector<std::string>& values) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& value : values) items.push_back({{"value", value}});
  return with_last(std::move(items));
}

}  // namespace infragen
