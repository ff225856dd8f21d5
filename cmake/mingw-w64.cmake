# Toolchain file: Windows x64 with Debian's mingw-w64 (g++-mingw-w64-x86-64), posix thread model
# (std::thread, std::mutex). Used by scripts/build-windows.sh through cmake/windows/CMakeLists.txt.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(HCN_MINGW_PREFIX x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${HCN_MINGW_PREFIX}-gcc-posix)
set(CMAKE_CXX_COMPILER ${HCN_MINGW_PREFIX}-g++-posix)
set(CMAKE_RC_COMPILER ${HCN_MINGW_PREFIX}-windres)
# Libraries and headers come from the mingw sysroot only: the Linux ones must never be picked up.
set(CMAKE_FIND_ROOT_PATH /usr/${HCN_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# One self-contained .exe: the C++ runtime, winpthreads and libgcc linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
