// Precompiled for hcn_ui only: the Qt headers nearly every widget file includes.
#pragma once
#include <QtCore>
#include <QtGui>
#include <QtWidgets>
