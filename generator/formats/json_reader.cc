#include "formats/json_reader.h"

#include <utility>
#include <vector>

namespace infragen {
namespace {

using nlohmann::json;

// Builds the document as nlohmann's own DOM reader does, and stops at the first key an object
// already has: one map insertion per key, where a parse callback that tracked keys cost a
// second map per object and copies of every key (a 180 kB parameter file took 100 M
// instructions).
class DocumentBuilder final : public nlohmann::json_sax<json> {
 public:
  json document;

  bool null() override { return place(nullptr); }
  bool boolean(bool value) override { return place(value); }
  bool number_integer(number_integer_t value) override { return place(value); }
  bool number_unsigned(number_unsigned_t value) override { return place(value); }
  bool number_float(number_float_t value, const string_t&) override { return place(value); }
  bool string(string_t& value) override { return place(std::move(value)); }
  bool binary(binary_t& value) override { return place(json::binary(std::move(value))); }

  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& name) override {
    auto [entry, inserted] =
        open_.back()->get_ref<json::object_t&>().emplace(std::move(name), nullptr);
    slot_ = &entry->second;
    return inserted;  // a duplicate key stops the reading
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  // Puts `value` where the document expects the next value: the root, the end of the open
  // array, or the slot of the key just read.
  json* put(json value) {
    if (open_.empty()) {
      document = std::move(value);
      return &document;
    }
    if (open_.back()->is_array()) {
      auto& array = open_.back()->get_ref<json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    *slot_ = std::move(value);
    return slot_;
  }
  bool place(json value) {
    put(std::move(value));
    return true;
  }
  // An open container is only ever the last value of its parent, so its address is stable
  // until it is closed.
  bool open(json container) {
    open_.push_back(put(std::move(container)));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  std::vector<json*> open_;
  json* slot_ = nullptr;
};

}  // namespace

std::optional<nlohmann::json> read_json_without_duplicate_keys(std::string_view text) {
  DocumentBuilder builder;
  if (!json::sax_parse(text, &builder)) return std::nullopt;
  return std::move(builder.document);
}

}  // namespace infragen
