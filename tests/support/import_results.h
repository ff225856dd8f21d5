#pragma once
// What an import found, as the suites of the importer compare it: each object as "Kind:ID" (the ID in
// upper case), sorted; each message's text, alone or with its lines and severity.

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

/// "4-5 warning: ..." for each message about lines of the text, in the report's order.
inline QStringList importLineMessages(const hcn::io::ImportResult& result)
{
    QStringList said;
    for (const hcn::io::ImportMessage& m : result.report.messages) {
        if (m.firstLine == 0)
            continue;
        said << (m.lastLine > m.firstLine ? QStringLiteral("%1-%2 ").arg(m.firstLine).arg(m.lastLine)
                                          : QStringLiteral("%1 ").arg(m.firstLine)) +
                    (m.severity == hcn::io::ImportSeverity::Warning ? "warning: "
                     : m.severity == hcn::io::ImportSeverity::Info  ? "info: "
                                                                    : "error: ") +
                    QString::fromStdString(m.message);
    }
    return said;
}
