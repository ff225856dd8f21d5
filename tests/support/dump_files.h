#pragma once
// The test dumps under tests/data/dumps (written for the tests; every ID and address is invented): their
// paths and bytes, for the suites of the importer and of hcnctl import.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <string_view>

/// tests/data/dumps/<name> in the source tree (HCN_SOURCE_DIR, set by CTest).
inline QString dumpPath(const QString& name)
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/tests/data/dumps/") + name;
}

/// The bytes of a test dump; a missing file ends the test run (the tree is broken, not the product).
inline QByteArray readDump(const QString& name)
{
    QFile file(dumpPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test dump %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline std::string_view bytesView(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}
