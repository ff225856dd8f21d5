// Precompiled for the Qt-free layers' suites (tests/CMakeLists.txt, hcn_share_test_pch): what nearly every
// one of them includes.
#pragma once
#include <QtCore>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
