// The strict mustache context: lookups go to the JSON view model, and a miss is an error.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "render/template_compiler.h"

namespace infragen {

// The kainjow data of a compiler's literals (TemplateCompiler::literal), made on first use and
// shared by every file the compiler's templates render.
class LiteralData {
 public:
  explicit LiteralData(const TemplateCompiler& compiler) : compiler_(compiler) {}
  const kainjow::mustache::data* get(int literal_id);

 private:
  const TemplateCompiler& compiler_;
  std::vector<std::unique_ptr<kainjow::mustache::data>> data_;
};

// kainjow asks this context for every name of a compiled template (see TemplateCompiler); the
// name carries the id of the tag, so a miss is reported at the tag's template position.
//
// Values: strings as they are, numbers canonically (integers without decimals), booleans as
// "true"/"false"; null, a list or a mapping used as a value is an error. Sections: null, false,
// "" and [] are false; a list repeats; anything else is true and is pushed on the context.
// Dotted names follow the spec: the first part is searched up the stack, the rest strictly.
class ViewModelContext : public kainjow::mustache::basic_context<std::string> {
 public:
  using Data = kainjow::mustache::data;

  ViewModelContext(const TemplateCompiler& compiler, LiteralData& literals,
                   Diagnostics& diagnostics);

  // Puts a view-model value on the stack (the root, then an `each` item). It must outlive this.
  void push_value(const nlohmann::json& value);

  void push(const Data* data) override;
  void pop() override;
  const Data* get(const std::string& name) const override;
  const Data* get_partial(const std::string& name) const override;

 private:
  struct Lookup {
    const nlohmann::json* value = nullptr;
    std::vector<std::string> candidates;  // names that were available where the lookup failed
  };
  Lookup resolve(const std::string& name) const;
  const Data* section_data(const nlohmann::json& value) const;
  const Data* value_data(const nlohmann::json& value) const;
  const Data* keep(Data data, const nlohmann::json* value) const;

  const TemplateCompiler& compiler_;
  LiteralData& literals_;
  Diagnostics& diagnostics_;
  std::vector<const nlohmann::json*> stack_;
  // kainjow pushes back the data this context returned; these maps lead back to the JSON.
  mutable std::vector<std::unique_ptr<Data>> owned_;
  mutable std::unordered_map<const Data*, const nlohmann::json*> json_of_;
  mutable std::unordered_map<const nlohmann::json*, const Data*> section_cache_;
  mutable std::unordered_map<const nlohmann::json*, const Data*> value_cache_;
  mutable std::map<int, const Data*> partial_cache_;
};

// The canonical text of a JSON number: integers (also integral floats below 2^53) without a
// decimal point, other floats in their shortest round-trip form.
std::string canonical_number(const nlohmann::json& number);

}  // namespace infragen
