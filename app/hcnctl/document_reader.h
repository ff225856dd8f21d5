#pragma once
// Reads the JSON documents hcnctl sends (-f FILE, inline parameters) and rejects malformed ones before
// anything reaches the service, with the file name and the position of the mistake.

#include "hcn/status.h"

#include <iosfwd>
#include <string>
#include <string_view>

namespace hcn::ctl {

/// The text of `path` ("-": all of `input`) when it holds one JSON object. Fails with
/// HCN_E_INVALID_JSON naming the file, line and column for malformed JSON or a non-object, and with
/// E_INVALIDARG when the file cannot be read. The text is returned verbatim (the service sees exactly it).
Result<std::string> readJsonObjectFile(const std::string& path, std::istream& input);
/// Checks that `text` is one JSON object; `origin` names it in the error ("the parameters").
Status checkJsonObject(std::string_view text, std::string_view origin);

} // namespace hcn::ctl
