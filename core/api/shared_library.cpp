#include "api/shared_library.h"

#include <utility>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace hcn {

namespace {

#ifdef _WIN32
std::wstring widePath(const std::string& utf8)
{
    if (utf8.empty())
        return {};
    const int size = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(size > 0 ? size : 0), L'\0');
    if (size > 0)
        MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), size);
    return out;
}

std::string lastErrorText(DWORD error)
{
    char* buffer = nullptr;
    const DWORD length = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                            FORMAT_MESSAGE_IGNORE_INSERTS,
                                        nullptr, error, 0, reinterpret_cast<LPSTR>(&buffer), 0, nullptr);
    std::string text = length && buffer ? std::string(buffer, length) : "error " + std::to_string(error);
    if (buffer)
        LocalFree(buffer);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}
#endif

} // namespace

Result<SharedLibrary> SharedLibrary::open(const std::string& path)
{
#ifdef _WIN32
    // A bare name is looked for in System32 only: hcnctl.exe runs elevated on nodes, and a DLL of that
    // name planted next to it or in the current directory must not be loaded instead of the OS's.
    const bool bareName = path.find_first_of("/\\:") == std::string::npos;
    HMODULE module = bareName ? LoadLibraryExW(widePath(path).c_str(), nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32)
                              : LoadLibraryW(widePath(path).c_str());
    if (!module) {
        const DWORD error = GetLastError();
        return Status(makeHResult(0x80070000u | (error & 0xFFFFu)),
                      "cannot load " + path + ": " + lastErrorText(error));
    }
    return SharedLibrary(reinterpret_cast<void*>(module), path);
#else
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        const char* why = dlerror();
        return Status(hr::ModNotFound, "cannot load " + path + ": " + (why ? why : "unknown reason") + ".");
    }
    return SharedLibrary(module, path);
#endif
}

SharedLibrary::SharedLibrary(SharedLibrary&& other) noexcept
    : m_module(std::exchange(other.m_module, nullptr)), m_path(std::move(other.m_path))
{}

SharedLibrary& SharedLibrary::operator=(SharedLibrary&& other) noexcept
{
    if (this != &other) {
        this->~SharedLibrary();
        m_module = std::exchange(other.m_module, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

SharedLibrary::~SharedLibrary()
{
    if (!m_module)
        return;
#ifdef _WIN32
    FreeLibrary(reinterpret_cast<HMODULE>(m_module));
#else
    dlclose(m_module);
#endif
    m_module = nullptr;
}

void* SharedLibrary::symbol(const char* name) const
{
    if (!m_module)
        return nullptr;
#ifdef _WIN32
    return reinterpret_cast<void*>(GetProcAddress(reinterpret_cast<HMODULE>(m_module), name));
#else
    return dlsym(m_module, name);
#endif
}

} // namespace hcn
