#pragma once
// What the views of health-check findings share: the list of findings as HostChecks publishes it, what
// the resource tree shows on an object that has findings (the worst severity as a badge, one line per
// finding as its tooltip), and a severity's icon and name.

#include "hcn/health_checks.h"

#include <QHash>
#include <QIcon>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace hcn::ui {

/// Every current finding, sorted (hcn::findingBefore). A finding that did not change between two lists
/// is the same object in both, so a view can merge by identity.
using FindingList = std::shared_ptr<const std::vector<std::shared_ptr<const Finding>>>;

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
/// `base` (a tree row's kind icon) with the severity's icon in its lower right corner; made once per
/// icon and severity. `base` itself without a QApplication.
QIcon badgedIcon(const QIcon& base, Severity severity);

} // namespace hcn::ui
