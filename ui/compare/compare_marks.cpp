#include "compare/compare_marks.h"

#include <QCoreApplication>

namespace hcn::ui {

QColor compareMarkColor(CompareMark mark)
{
    switch (mark) {
    case CompareMark::Added:
        return QColor(0x1e, 0x9e, 0x4a);
    case CompareMark::Removed:
        return QColor(0xd0, 0x30, 0x30);
    case CompareMark::Changed:
        return QColor(0xc0, 0x2f, 0xa8);
    case CompareMark::None:
        break;
    }
    return {};
}

QColor compareMarkBackground(CompareMark mark)
{
    if (mark == CompareMark::None)
        return {};
    return compareMarkColor(mark).lighter(185);
}

QString compareMarkName(CompareMark mark)
{
    switch (mark) {
    case CompareMark::Added:
        return QCoreApplication::translate("hcn::ui::CompareMark", "Added");
    case CompareMark::Removed:
        return QCoreApplication::translate("hcn::ui::CompareMark", "Removed");
    case CompareMark::Changed:
        return QCoreApplication::translate("hcn::ui::CompareMark", "Changed");
    case CompareMark::None:
        break;
    }
    return {};
}

QString compareMarkMeaning(CompareMark mark)
{
    switch (mark) {
    case CompareMark::Added:
        return QCoreApplication::translate("hcn::ui::CompareMark",
                                           "Only in \u201cafter\u201d: the object was added.");
    case CompareMark::Removed:
        return QCoreApplication::translate("hcn::ui::CompareMark",
                                           "Only in \u201cbefore\u201d: the object was removed.");
    case CompareMark::Changed:
        return QCoreApplication::translate("hcn::ui::CompareMark",
                                           "In both, with changed members (the Compare dock lists them).");
    case CompareMark::None:
        break;
    }
    return {};
}

CompareMark compareMarkOf(DiffObject::Type type)
{
    switch (type) {
    case DiffObject::Type::Added:
        return CompareMark::Added;
    case DiffObject::Type::Removed:
        return CompareMark::Removed;
    case DiffObject::Type::Changed:
        return CompareMark::Changed;
    }
    return CompareMark::None;
}

CompareMarks compareMarks(const SnapshotDiff& diff)
{
    CompareMarks marks;
    marks.reserve(qsizetype(diff.objects.size()));
    for (const DiffObject& object : diff.objects) {
        const CompareMark mark = compareMarkOf(object.type);
        marks.insert(QString::fromStdString(object.id), mark);
        if (!object.newId.empty())
            marks.insert(QString::fromStdString(object.newId), mark);
    }
    return marks;
}

} // namespace hcn::ui
