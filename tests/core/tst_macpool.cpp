// MAC allocation from a network's MacPool ranges.

#include "engine/mac_pool.h"

#include <QtTest>
#include <set>

using namespace hcn;

namespace {

MacAddress mac(const QString& text)
{
    const auto parsed = MacAddress::parse(text.toStdString());
    if (!parsed)
        qFatal("bad test MAC %s", qPrintable(text));
    return *parsed;
}

QString qs(const MacAddress& address)
{
    return QString::fromStdString(address.toString());
}

/// Ranges written as "start..end" pairs, in either MAC spelling.
MacPool makePool(const QStringList& ranges)
{
    std::vector<MacRange> list;
    for (const auto& range : ranges) {
        const auto ends = range.split("..");
        list.push_back({mac(ends.at(0)), mac(ends.at(1))});
    }
    return MacPool(std::move(list));
}

} // namespace

class TestMacPool : public QObject
{
    Q_OBJECT

private slots:
    void allocatesEveryAddressOnce_data();
    void allocatesEveryAddressOnce();
    void contains_data();
    void contains();
    void emptyPoolAllocatesNothing();
    void reserveInsideRangeIsSkipped();
    void reserveOutsideRange();
    void releaseAndReuse();
    void nextFitContinuesIntoNextRange();
    void wholeAddressSpaceStaysCheap();
    void repeatedRangesDoNotHideFreeAddresses();
};

void TestMacPool::allocatesEveryAddressOnce_data()
{
    QTest::addColumn<QStringList>("ranges");
    QTest::addColumn<QStringList>("expected"); // allocation order

    QTest::newRow("dash spelling, one range")
        << QStringList{"00-15-5D-52-C0-00..00-15-5D-52-C0-03"}
        << QStringList{"00-15-5D-52-C0-00", "00-15-5D-52-C0-01", "00-15-5D-52-C0-02", "00-15-5D-52-C0-03"};
    QTest::newRow("colon spelling, one range")
        << QStringList{"0e:2a:00:00:00:fe..0e:2a:00:00:01:01"}
        << QStringList{"0E-2A-00-00-00-FE", "0E-2A-00-00-00-FF", "0E-2A-00-00-01-00", "0E-2A-00-00-01-01"};
    QTest::newRow("single-address range")
        << QStringList{"00-15-5D-00-00-07..00-15-5D-00-00-07"} << QStringList{"00-15-5D-00-00-07"};
    QTest::newRow("two ranges in listed order")
        << QStringList{"00-15-5D-00-10-00..00-15-5D-00-10-01", "00-15-5D-00-00-00..00-15-5D-00-00-01"}
        << QStringList{"00-15-5D-00-10-00", "00-15-5D-00-10-01", "00-15-5D-00-00-00", "00-15-5D-00-00-01"};
    QTest::newRow("overlapping ranges never repeat an address")
        << QStringList{"00-15-5D-00-00-00..00-15-5D-00-00-02", "00-15-5D-00-00-01..00-15-5D-00-00-03"}
        << QStringList{"00-15-5D-00-00-00", "00-15-5D-00-00-01", "00-15-5D-00-00-02", "00-15-5D-00-00-03"};
    QTest::newRow("reversed range holds nothing")
        << QStringList{"00-15-5D-00-00-09..00-15-5D-00-00-08", "00-15-5D-00-00-01..00-15-5D-00-00-01"}
        << QStringList{"00-15-5D-00-00-01"};
}

void TestMacPool::allocatesEveryAddressOnce()
{
    QFETCH(QStringList, ranges);
    QFETCH(QStringList, expected);

    MacPool pool = makePool(ranges);
    QCOMPARE(pool.capacity(), std::uint64_t(expected.size()));

    QStringList allocated;
    while (const auto address = pool.allocate()) {
        allocated << qs(*address);
        if (allocated.size() > expected.size())
            break; // would otherwise loop forever on a repeating pool
    }
    QCOMPARE(allocated, expected);
    QCOMPARE(pool.used(), std::uint64_t(expected.size()));
    QVERIFY(!pool.allocate()); // exhausted stays exhausted
}

void TestMacPool::contains_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");

    QTest::newRow("first of range") << "00-15-5D-52-C0-00" << true;
    QTest::newRow("last of range, colon spelling") << "00:15:5d:52:c0:ff" << true;
    QTest::newRow("just below") << "00-15-5D-52-BF-FF" << false;
    QTest::newRow("just above") << "00-15-5D-52-C1-00" << false;
    QTest::newRow("second range") << "0E-2A-00-00-00-05" << true;
}

void TestMacPool::contains()
{
    QFETCH(QString, address);
    QFETCH(bool, contains);

    const MacPool pool =
        makePool({"00-15-5D-52-C0-00..00-15-5D-52-C0-FF", "0E-2A-00-00-00-00..0E-2A-00-00-00-FF"});
    QCOMPARE(pool.contains(mac(address)), contains);
}

void TestMacPool::emptyPoolAllocatesNothing()
{
    MacPool pool;
    QCOMPARE(pool.capacity(), std::uint64_t(0));
    QVERIFY(!pool.allocate());
    QVERIFY(pool.reserve(mac("00-15-5D-00-00-01"))); // explicit MACs still get tracked
    QVERIFY(!pool.reserve(mac("00-15-5D-00-00-01")));
}

void TestMacPool::reserveInsideRangeIsSkipped()
{
    MacPool pool = makePool({"00-15-5D-00-00-00..00-15-5D-00-00-03"});
    QVERIFY(pool.reserve(mac("00-15-5D-00-00-01")));
    QVERIFY(pool.isUsed(mac("00-15-5D-00-00-01")));
    QVERIFY(!pool.reserve(mac("00:15:5d:00:00:01"))); // same address in the other spelling

    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-00"));
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-02"));
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-03"));
    QVERIFY(!pool.allocate());
}

void TestMacPool::reserveOutsideRange()
{
    MacPool pool = makePool({"00-15-5D-00-00-00..00-15-5D-00-00-01"});
    const MacAddress outside = mac("02-00-00-00-00-01");
    QVERIFY(!pool.contains(outside));
    QVERIFY(pool.reserve(outside));
    QVERIFY(pool.isUsed(outside));
    QVERIFY(!pool.reserve(outside)); // a second endpoint cannot take the same MAC

    // The out-of-range reservation does not eat into the ranges.
    QCOMPARE(pool.capacity(), std::uint64_t(2));
    QVERIFY(pool.allocate());
    QVERIFY(pool.allocate());
    QVERIFY(!pool.allocate());
    QCOMPARE(pool.used(), std::uint64_t(3));

    QVERIFY(pool.release(outside));
    QVERIFY(!pool.isUsed(outside));
}

void TestMacPool::releaseAndReuse()
{
    MacPool pool = makePool({"00-15-5D-00-00-00..00-15-5D-00-00-02"});
    std::set<MacAddress> all;
    while (const auto address = pool.allocate())
        all.insert(*address);
    QCOMPARE(all.size(), std::size_t(3));

    QVERIFY(pool.release(mac("00-15-5D-00-00-01")));
    QVERIFY(!pool.release(mac("00-15-5D-00-00-01"))); // already free
    QVERIFY(!pool.release(mac("00-15-5D-00-00-09"))); // never used
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-01"));
    QVERIFY(!pool.allocate());
}

void TestMacPool::nextFitContinuesIntoNextRange()
{
    MacPool pool = makePool({"00-15-5D-00-00-00..00-15-5D-00-00-01", "00-15-5D-00-01-00..00-15-5D-00-01-01"});
    const auto first = pool.allocate();
    QCOMPARE(qs(*first), QString("00-15-5D-00-00-00"));
    QVERIFY(pool.release(*first));
    // Next-fit: a released MAC is not handed out again before the rest of the pool is used.
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-01"));
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-01-00"));
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-01-01"));
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-00")); // wrapped round
    QVERIFY(!pool.allocate());
}

void TestMacPool::wholeAddressSpaceStaysCheap()
{
    MacPool pool = makePool({"00-00-00-00-00-00..FF-FF-FF-FF-FF-FF"});
    QCOMPARE(pool.capacity(), std::uint64_t(1) << 48);
    for (std::uint64_t value = 0; value < 5000; ++value)
        QVERIFY(pool.reserve(MacAddress(value)));
    // Skips the 5000 reserved addresses instead of giving up or scanning 2^48 candidates.
    QCOMPARE(qs(*pool.allocate()), QString("00-00-00-00-13-88"));
}

void TestMacPool::repeatedRangesDoNotHideFreeAddresses()
{
    // The same taken addresses appear once per listed range; the scan must still reach the free one.
    MacPool pool = makePool({"00-15-5D-00-00-00..00-15-5D-00-00-01", "00-15-5D-00-00-00..00-15-5D-00-00-01",
                             "00-15-5D-00-00-00..00-15-5D-00-00-01", "00-15-5D-00-00-02..00-15-5D-00-00-02"});
    QCOMPARE(pool.capacity(), std::uint64_t(3));
    QVERIFY(pool.reserve(mac("00-15-5D-00-00-00")));
    QVERIFY(pool.reserve(mac("00-15-5D-00-00-01")));
    QCOMPARE(qs(*pool.allocate()), QString("00-15-5D-00-00-02"));
    QVERIFY(!pool.allocate());
}

QTEST_GUILESS_MAIN(TestMacPool)
#include "tst_macpool.moc"
