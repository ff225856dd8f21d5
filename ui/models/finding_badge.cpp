#include "models/finding_badge.h"

#include <QApplication>
#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <utility>

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

QIcon badgedIcon(const QIcon& base, Severity severity)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return base;
    // Few kinds times three severities: the tree asks for these on every paint, they are drawn once.
    // Never destroyed: pixmaps must not outlive the application object in a static destructor.
    static auto* made = new QHash<std::pair<qint64, int>, QIcon>;
    const std::pair<qint64, int> key{base.cacheKey(), int(severity)};
    if (auto it = made->constFind(key); it != made->cend())
        return *it;
    constexpr int kSize = 16;
    QPixmap pixmap = base.isNull() ? QPixmap() : base.pixmap(kSize, kSize);
    if (pixmap.isNull()) {
        pixmap = QPixmap(kSize, kSize);
        pixmap.fill(Qt::transparent);
    }
    {
        QPainter painter(&pixmap);
        const int badge = kSize * 5 / 8;
        severityIcon(severity).paint(&painter, QRect(kSize - badge, kSize - badge, badge, badge));
    }
    QIcon icon(pixmap);
    made->insert(key, icon);
    return icon;
}

} // namespace hcn::ui
