#pragma once
// Wall-clock times as the product writes them: ISO 8601 UTC with milliseconds
// ("2026-12-03T16:34:51.123Z"), counted in milliseconds since 1970-01-01T00:00:00Z. Portable (no
// gmtime_r/timegm), so every platform's hcnctl writes and reads the same text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hcn {

/// Now, in milliseconds since the epoch (the system clock).
std::int64_t utcNowMs();
/// "2026-12-03T16:34:51.123Z".
std::string formatUtcMs(std::int64_t ms);
/// Reads "2026-12-03T16:34:51Z", "2026-12-03T16:34:51.5Z", "2026-12-03 16:34:51.123" (UTC; a trailing
/// "Z" or "+00:00" is optional, other offsets are applied). nullopt when the text is no such time.
std::optional<std::int64_t> parseUtcMs(std::string_view text);

} // namespace hcn
