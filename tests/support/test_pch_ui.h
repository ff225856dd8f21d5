// Precompiled for the console's suites (tests/CMakeLists.txt, hcn_share_test_pch): Qt Widgets and Qt Test,
// and the engine and mirror nearly every suite drives.
#pragma once
#include "hcn/embedded_api.h"
#include "models/host_mirror.h"

#include <QtCore>
#include <QtGui>
#include <QtTest>
#include <QtWidgets>
