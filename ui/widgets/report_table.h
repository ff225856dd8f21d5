#pragma once
// The table the report docks (Checks, Import report) list their rows in: whole rows selected one at a
// time, read-only, no row numbers, fixed row heights and interactive column widths (sizing columns to
// their contents would measure every row of a report with thousands of them).

class QAbstractItemModel;
class QString;
class QTableView;
class QWidget;

namespace hcn::ui {

QTableView* createReportTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent);

} // namespace hcn::ui
