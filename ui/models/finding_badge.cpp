#include "models/finding_badge.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace hcn::ui {

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("hcn::ui::FindingBadge", "Error");
    case Severity::Warning:
        return QCoreApplication::translate("hcn::ui::FindingBadge", "Warning");
    case Severity::Info:
        return QCoreApplication::translate("hcn::ui::FindingBadge", "Info");
    }
    return {};
}

QIcon severityIcon(Severity severity)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
                                               : severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                               : QStyle::SP_MessageBoxInformation);
}

} // namespace hcn::ui
