// The finisher of markdown, text and shell files: LF line ends and a final newline.
#pragma once

#include <string>

#include "render/render.h"

namespace infragen {

// The rendered text with CRLF turned into LF and a final newline; nothing else changes, as
// these formats have no grammar to check.
std::string finish_text(const RenderedFile& file);

}  // namespace infragen
