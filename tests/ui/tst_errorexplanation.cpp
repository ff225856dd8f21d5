// The error catalog in the console: the explanation view under a failed call, the details a message
// box expands, and the tooltip of a failed change in the event log, all saying the same.

#include "hcn/error_catalog.h"
#include "models/event_log_model.h"
#include "models/mirror_event.h"
#include "widgets/error_explanation_view.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QTest>
#include <QToolButton>

using namespace hcn;
using hcn::ui::ErrorExplanationView;

class TestErrorExplanation : public QObject
{
    Q_OBJECT

private slots:
    void viewExplainsTheCode_data();
    void viewExplainsTheCode();
    void causesAndChecksExpandOnClick();
    void messageBoxDetailsCarryCausesAndChecks();
    void failedEventTooltipExplainsItsStatus();
};

void TestErrorExplanation::viewExplainsTheCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("summaryStart");
    QTest::addColumn<QStringList>("detailsHave");
    QTest::newRow("port already exists: meaning, the orphaned load balancer, hnsdiag")
        << int(hr::PortAlreadyExists) << "HCN_E_PORT_ALREADY_EXISTS (0x803B0013): The port is taken"
        << QStringList{"Causes:", "orphaned load balancer", "Checks:", "hnsdiag list loadbalancers"};
    QTest::newRow("element not found: stale IDs")
        << int(hr::ElementNotFound) << "ERROR_NOT_FOUND (0x80070490): ERROR_NOT_FOUND: the object"
        << QStringList{"HNS restart", "Get-HnsNamespace"};
    QTest::newRow("uncatalogued Win32 code: decoded fields")
        << int(makeHResult(0x800704D2)) << "0x800704D2: Not in the catalog"
        << QStringList{"net helpmsg 1234", "certutil -error 0x800704D2"};
}

void TestErrorExplanation::viewExplainsTheCode()
{
    QFETCH(int, code);
    QFETCH(QString, summaryStart);
    QFETCH(QStringList, detailsHave);
    ErrorExplanationView view;
    view.setCode(code);
    QVERIFY2(view.summary().startsWith(summaryStart), qPrintable(view.summary()));
    QCOMPARE(view.summary(), ErrorExplanationView::summaryText(code));
    for (const QString& text : detailsHave)
        QVERIFY2(view.details().contains(text), qPrintable(text + "\n---\n" + view.details()));
    QVERIFY(!view.detailsShown());
    view.clear();
    QVERIFY(view.summary().isEmpty());
}

void TestErrorExplanation::causesAndChecksExpandOnClick()
{
    ErrorExplanationView view;
    view.setCode(hr::InvalidPolicy);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* toggle = view.findChild<QToolButton*>(QStringLiteral("errorCausesToggle"));
    auto* causes = view.findChild<QLabel*>(QStringLiteral("errorCauses"));
    QVERIFY(toggle && causes);
    QCOMPARE(toggle->text(), QStringLiteral("Causes and checks"));
    QVERIFY(!causes->isVisible());

    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(view.detailsShown());
    QVERIFY(causes->isVisible());
    QVERIFY(causes->text().contains(QStringLiteral("\"Any\"")));

    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!causes->isVisible());
    // A new code starts collapsed again.
    QTest::mouseClick(toggle, Qt::LeftButton);
    view.setCode(hr::InvalidJson);
    QVERIFY(!causes->isVisible());
}

void TestErrorExplanation::messageBoxDetailsCarryCausesAndChecks()
{
    QMessageBox box(QMessageBox::Warning, QStringLiteral("Open Snapshot"), QStringLiteral("not opened"));
    ErrorExplanationView::explainIn(box, hr::AccessDenied);
    QVERIFY2(
        box.informativeText().startsWith(QStringLiteral("E_ACCESSDENIED (0x80070005): The caller may not")),
        qPrintable(box.informativeText()));
    QVERIFY(box.detailedText().contains(QStringLiteral("offline snapshot")));
    QVERIFY(box.detailedText().contains(QStringLiteral("hcnctl version")));
}

void TestErrorExplanation::failedEventTooltipExplainsItsStatus()
{
    Notification failed;
    failed.sequence = 1;
    failed.type = NotificationType::NetworkModify;
    failed.status = hr::InvalidSubnet;
    failed.data = QJsonDocument(QJsonObject{{"ID", "5A1E0000-0000-4000-8000-000000000001"}})
                      .toJson(QJsonDocument::Compact)
                      .toStdString();
    Notification fine = failed;
    fine.sequence = 2;
    fine.status = hr::Ok;

    ui::EventLogModel model;
    model.append({ui::MirrorEvent::read(failed), ui::MirrorEvent::read(fine)});
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    const QString failedTip =
        model.index(0, ui::EventLogModel::SummaryColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(failedTip.contains(ErrorExplanationView::summaryText(hr::InvalidSubnet)), qPrintable(failedTip));
    QVERIFY(failedTip.contains(QStringLiteral("Checks:")));
    const QString fineTip = model.index(1, ui::EventLogModel::SummaryColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(!fineTip.contains(QStringLiteral("Causes:")));
}

QTEST_MAIN(TestErrorExplanation)
#include "tst_errorexplanation.moc"
