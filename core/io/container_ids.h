#pragma once
// Container IDs as logs name them (internal to core/io): the hex ID docker and containerd give a
// container or a pod sandbox, after the key a line names it with (`ContainerID:e19f...`,
// `"containerId":"e19f..."`, `CNI_CONTAINERID=e19f...`, `Netns:container:6465...`, `sandbox "195b..."`),
// and its short form as docker and crictl show it.

#include <cstddef>
#include <string>
#include <string_view>

namespace hcn::io {

/// A container ID is shown this short (its first digits), as docker and crictl show it; a shorter hex
/// run is no container ID.
inline constexpr std::size_t kShortContainerId = 12;
/// A hex run longer than this is no container ID (docker's are 64 digits).
inline constexpr std::size_t kMaxContainerId = 80;

/// The hex container ID at text[at], after separators (blanks, quotes, escaped ones too: `\"`, and
/// `\\\"` in an error quoted inside a log's quoted field, `:` and `=`), in lower case; empty when none stands
/// there: fewer than kShortContainerId hex digits, more than kMaxContainerId, or a letter, digit or `_` right
/// after them (a word, no ID).
std::string containerIdAt(std::string_view text, std::size_t at);

/// The first container ID (containerIdAt) after `key` (lower case, found in any case) in `text`:
/// `containerid` reads `ContainerID:e19f...`, `"containerId": "e19f..."`, `CNI_CONTAINERID=e19f...`;
/// empty when none follows it.
std::string containerIdAfter(std::string_view text, std::string_view key);

/// `id` as docker and crictl show a container: its first kShortContainerId characters when it is all hex
/// digits and longer; else `id` itself.
std::string_view shortContainerId(std::string_view id);

} // namespace hcn::io
