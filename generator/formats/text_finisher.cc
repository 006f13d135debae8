#include "formats/text_finisher.h"

#include "formats/generated_file_error.h"

namespace infragen {

std::string finish_text(const RenderedFile& file) { return with_lf_and_final_newline(file.text); }

}  // namespace infragen
