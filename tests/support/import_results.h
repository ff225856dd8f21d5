#pragma once
// What an import found, as the suites of the importer compare it: each object as "Kind:ID" (the ID in
// upper case), sorted; each message's text.

#include "hcn/dump_import.h"

#include <QString>
#include <QStringList>

inline QStringList importedObjectList(const hcn::io::ImportResult& result)
{
    QStringList found;
    for (const hcn::io::ImportedObject& o : result.report.objects)
        found << QStringLiteral("%1:%2").arg(QString::fromUtf8(hcn::resourceKindName(o.kind).data()),
                                             QString::fromStdString(o.id).toUpper());
    found.sort();
    return found;
}

inline QStringList importMessageTexts(const hcn::io::ImportResult& result)
{
    QStringList out;
    for (const hcn::io::ImportMessage& m : result.report.messages)
        out << QString::fromStdString(m.message);
    return out;
}
