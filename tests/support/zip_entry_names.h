#pragma once
// Zips whose entry names are in the encodings other tools write: an archive written with an ASCII name is
// changed in place to hold other bytes of the same length, with or without the format's UTF-8 flag
// (general purpose bit 11) in both of the entry's headers. Windows' own zip writer and old tools store
// names in an OEM code page without the flag; some tools store UTF-8 without it.

#include "io/zip_archive.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hcntest {

/// Replaces every `from` in `zip` (the name in the local and the central header) by `to` (the same
/// length) and sets or clears the UTF-8 flag of each header that holds it. False when `from` is absent.
inline bool renameZipEntry(std::string& zip, std::string_view from, std::string_view to, bool utf8Flag)
{
    if (from.size() != to.size() || zip.find(from) == std::string::npos)
        return false;
    for (std::size_t at = zip.find(from); at != std::string::npos; at = zip.find(from, at + to.size()))
        zip.replace(at, from.size(), to);
    const auto setFlag = [&](std::size_t flagsAt) {
        auto flags = std::uint16_t(std::uint8_t(zip[flagsAt]) | (std::uint8_t(zip[flagsAt + 1]) << 8));
        using hcn::io::zip::kUtf8NameFlag;
        flags = utf8Flag ? std::uint16_t(flags | kUtf8NameFlag) : std::uint16_t(flags & ~kUtf8NameFlag);
        zip[flagsAt] = char(flags & 0xFF);
        zip[flagsAt + 1] = char(flags >> 8);
    };
    for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
         at = zip.find("PK\x03\x04", at + 4))
        setFlag(at + 6);
    for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
         at = zip.find("PK\x01\x02", at + 4))
        setFlag(at + 8);
    return true;
}

} // namespace hcntest
