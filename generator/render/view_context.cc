#include "render/view_context.h"

#include <cmath>
#include <set>
#include <string_view>

#include "diagnostics/suggest.h"
#include "render/origin_markers.h"
#include "render/value_filters.h"

namespace infragen {

using nlohmann::json;

std::string canonical_number(const json& number) {
  if (number.is_number_integer()) return number.dump();
  double value = number.get<double>();
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
    return std::to_string(static_cast<long long>(value));
  }
  return number.dump();
}

const kainjow::mustache::data* LiteralData::get(int literal_id) {
  if (literal_id < 0 || static_cast<size_t>(literal_id) >= compiler_.literal_count()) {
    return nullptr;
  }
  if (data_.size() <= static_cast<size_t>(literal_id)) data_.resize(compiler_.literal_count());
  auto& data = data_[static_cast<size_t>(literal_id)];
  if (!data) data = std::make_unique<kainjow::mustache::data>(compiler_.literal(literal_id));
  return data.get();
}

ViewModelContext::ViewModelContext(const TemplateCompiler& compiler, LiteralData& literals,
                                   Diagnostics& diagnostics)
    : compiler_(compiler), literals_(literals), diagnostics_(diagnostics) {}

void ViewModelContext::push_value(const json& value) { stack_.push_back(&value); }

void ViewModelContext::push(const Data* data) {
  auto found = json_of_.find(data);
  stack_.push_back(found == json_of_.end() ? nullptr : found->second);
}

void ViewModelContext::pop() { stack_.pop_back(); }

ViewModelContext::Lookup ViewModelContext::resolve(const std::string& name) const {
  Lookup lookup;
  if (name == ".") {
    lookup.value = stack_.empty() ? nullptr : stack_.back();
    return lookup;
  }
  // Every tag of every rendered line comes here: the parts are views of `name`, and each key is
  // looked up once, with no copy of it.
  const std::string_view whole(name);
  const size_t first_dot = whole.find('.');
  const std::string_view first = whole.substr(0, first_dot);
  const json* current = nullptr;
  for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame) {
    if (!*frame || !(*frame)->is_object()) continue;
    auto found = (*frame)->find(first);
    if (found != (*frame)->end()) {
      current = &*found;
      break;
    }
  }
  if (!current) {
    std::set<std::string> available;
    for (const json* frame : stack_) {
      if (frame && frame->is_object()) {
        for (const auto& [key, unused] : frame->items()) available.insert(key);
      }
    }
    lookup.candidates.assign(available.begin(), available.end());
    return lookup;
  }
  for (size_t start = first_dot; start != std::string_view::npos;) {
    const size_t dot = whole.find('.', start + 1);
    const std::string_view part = whole.substr(
        start + 1, dot == std::string_view::npos ? std::string_view::npos : dot - start - 1);
    auto found = current->is_object() ? current->find(part) : current->end();
    if (!current->is_object() || found == current->end()) {
      if (current->is_object()) {
        const std::string prefix(whole.substr(0, start));
        for (const auto& [key, unused] : current->items())
          lookup.candidates.push_back(prefix + "." + key);
      }
      return lookup;
    }
    current = &*found;
    start = dot;
  }
  lookup.value = current;
  return lookup;
}

const ViewModelContext::Data* ViewModelContext::keep(Data data, const json* value) const {
  owned_.push_back(std::make_unique<Data>(std::move(data)));
  const Data* kept = owned_.back().get();
  json_of_[kept] = value;
  return kept;
}

const ViewModelContext::Data* ViewModelContext::section_data(const json& value) const {
  if (auto cached = section_cache_.find(&value); cached != section_cache_.end())
    return cached->second;
  const Data* data = nullptr;
  if (value.is_array()) {
    Data list(Data::type::list);
    for (size_t i = 0; i < value.size(); ++i) list.push_back(Data());
    data = keep(std::move(list), &value);
    // kainjow pushes each item of the list; lead each one back to its JSON element.
    for (size_t i = 0; i < value.size(); ++i) json_of_[&data->list_value()[i]] = &value[i];
  } else {
    bool truthy = !(value.is_null() || (value.is_boolean() && !value.get<bool>()) ||
                    (value.is_string() && value.get_ref<const std::string&>().empty()));
    data = keep(Data(truthy), &value);
  }
  section_cache_[&value] = data;
  return data;
}

const ViewModelContext::Data* ViewModelContext::value_data(const json& value) const {
  if (auto cached = value_cache_.find(&value); cached != value_cache_.end()) return cached->second;
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (value.is_boolean()) {
    text = value.get<bool>() ? "true" : "false";
  } else {
    text = canonical_number(value);
  }
  const Data* data = keep(Data(text), &value);
  value_cache_[&value] = data;
  return data;
}

const ViewModelContext::Data* ViewModelContext::get(const std::string& name) const {
  if (!name.empty() && name[0] == kLiteralPrefix) {
    std::optional<int> literal_id = decoded_literal_id(name);
    return literal_id ? literals_.get(*literal_id) : nullptr;
  }
  std::optional<int> id = decoded_tag_id(name);
  if (!id) return nullptr;
  const TemplateTag& tag = compiler_.tag(*id);
  Lookup lookup = resolve(tag.name);
  if (!lookup.value) {
    diagnostics_.error(tag.location, "missing value '" + tag.name + "'",
                       did_you_mean(tag.name, lookup.candidates));
    return nullptr;
  }
  const json& value = *lookup.value;
  if (tag.use == TemplateTag::Use::section) return section_data(value);
  if (value.is_null() || value.is_object() || value.is_array()) {
    std::string what = value.is_null() ? "null" : value.is_object() ? "a mapping" : "a list";
    diagnostics_.error(tag.location, "value '" + tag.name + "' is " + what + ", not text",
                       "test or loop over it with {{#" + tag.name + "}}...{{/" + tag.name + "}}");
    return nullptr;
  }
  if (!tag.filter.empty()) {
    // The compiler let only known filters through.
    const std::string text = value_data(value)->string_value();
    return keep(Data((*value_filter(tag.filter))(text)), &value);
  }
  return value_data(value);
}

const ViewModelContext::Data* ViewModelContext::get_partial(const std::string& name) const {
  std::optional<int> id = decoded_tag_id(name);
  if (!id) return nullptr;
  if (auto cached = partial_cache_.find(*id); cached != partial_cache_.end()) return cached->second;
  const Data* data = keep(Data(compiler_.partial_source(*id)), nullptr);
  partial_cache_[*id] = data;
  return data;
}

}  // namespace infragen
