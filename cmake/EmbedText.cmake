# Writes OUTPUT as a C++ file defining hcn::schema::detail::kBuiltinCatalogJson from the text of INPUT.
file(READ "${INPUT}" text)
set(delim "hcn_catalog")
string(LENGTH "${text}" length)
# Raw string literals are split into chunks so no single literal is unreasonably long.
set(chunks "")
set(pos 0)
while(pos LESS length)
  string(SUBSTRING "${text}" ${pos} 16000 chunk)
  string(APPEND chunks "R\"${delim}(${chunk})${delim}\"\n")
  math(EXPR pos "${pos} + 16000")
endwhile()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.\n#include <cstddef>\nnamespace hcn::schema::detail {\nextern const char kBuiltinCatalogJson[];\nextern const std::size_t kBuiltinCatalogJsonSize;\nconst char kBuiltinCatalogJson[] =\n${chunks};\nconst std::size_t kBuiltinCatalogJsonSize = sizeof(kBuiltinCatalogJson) - 1;\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
