// Values as one shell word, for commands the generated workflows run.
#pragma once

#include <string>

namespace infragen {

// `text` as one bash word in ANSI-C quoting ($'...'): backslash, quote and control characters
// escaped (a newline is \n, so the word stays on one line of a YAML block), and every '{' as
// \x7b so that no "${{" reaches GitHub Actions' expression engine. The shell gets `text` back
// exactly; nothing in it is expanded.
std::string ansi_c_quoted(const std::string& text);

}  // namespace infragen
