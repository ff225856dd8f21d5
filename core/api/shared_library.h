#pragma once
// SharedLibrary: a library loaded at run time (dlopen on Linux, LoadLibraryW on Windows) and the
// addresses of its exports. The one place in the core that knows either loader.

#include "hcn/status.h"

#include <string>

namespace hcn {

class SharedLibrary
{
public:
    /// Loads `path` (UTF-8). A bare name is searched the platform's way on Linux and in System32 only on
    /// Windows. Fails with hr::ModNotFound (Windows: the loader's error as an HRESULT) and the reason.
    static Result<SharedLibrary> open(const std::string& path);

    SharedLibrary(SharedLibrary&& other) noexcept;
    SharedLibrary& operator=(SharedLibrary&& other) noexcept;
    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;
    /// Unloads the library (every address it gave becomes invalid).
    ~SharedLibrary();

    /// The address of an exported function, or null when the library does not export it.
    void* symbol(const char* name) const;
    const std::string& path() const { return m_path; }

private:
    SharedLibrary(void* module, std::string path) : m_module(module), m_path(std::move(path)) {}

    void* m_module = nullptr;
    std::string m_path;
};

} // namespace hcn
