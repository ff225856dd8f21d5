#pragma once
// What the resource tree shows on an object that health checks found something about: the worst
// severity (the badge) and one line per finding (its tooltip). HostChecks computes them, the tree shows
// them; the severity's icon and name are shared by every view of findings.

#include "hcn/health_checks.h"

#include <QHash>
#include <QIcon>
#include <QString>
#include <QStringList>

namespace hcn::ui {

struct FindingBadge
{
    Severity severity = Severity::Info; ///< the worst of the object's findings
    QStringList lines;                  ///< "Error IP-DUP-LOCAL: Duplicate IP address ...", worst first

    friend bool operator==(const FindingBadge&, const FindingBadge&) = default;
};

/// Object ID (upper case) -> its badge; objects without findings have none.
using FindingBadges = QHash<QString, FindingBadge>;

/// "Error", "Warning", "Info" (translated).
QString severityLabel(Severity severity);
/// The style's critical / warning / information icon; a null icon without a QApplication.
QIcon severityIcon(Severity severity);

} // namespace hcn::ui
