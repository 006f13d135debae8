// Puts simple regular expressions from the schema into words ("lower-case letters and digits").
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace infragen {

// What a value must look like to match `pattern`, when the pattern has a simple form:
// one character class with a length (`^[a-z0-9-]+$`), a first character then a class
// (`^[a-z][a-z0-9-]{1,24}$` -> "consist of lower-case letters, digits and '-', start with a
// letter and be 2-25 characters long") or a fixed prefix (`^/` -> "start with '/'").
// Nothing for other patterns.
std::optional<std::string> explain_pattern(const std::string& pattern);

// Why `value` does not match a pattern that explain_pattern() understands, e.g.
// "'Voting' starts with 'V'" or "'x' is 1 character long". Nothing otherwise.
std::optional<std::string> explain_pattern_mismatch(const std::string& pattern,
                                                    const std::string& value);

// The plain words of an alternation such as `^(small|medium|large|db\.[a-z]+)$`
// ("small", "medium", "large"), to suggest the closest one.
std::vector<std::string> pattern_literal_alternatives(const std::string& pattern);

}  // namespace infragen
