# Writes a C++ source defining `const std::string& FUNCTION()` that returns the text of INPUT.
# Run as: cmake -DINPUT=... -DOUTPUT=... -DFUNCTION=... -P embed_text.cmake
file(READ "${INPUT}" content)
set(delimiter "ig_embed")  # C++ allows raw-string delimiters of up to 16 characters
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n"
  "#include <string>\n\nnamespace infragen {\n\n"
  "const std::string& ${FUNCTION}() {\n"
  "  static const std::string text = R\"${delimiter}(${content})${delimiter}\";\n"
  "  return text;\n}\n\n}  // namespace infragen\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
