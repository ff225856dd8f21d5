// The small things a user notices in the console window: Help (F1 overview with the shortcuts, About),
// Ctrl+Y redoes, the delete confirmation says a network's endpoints go too, the connect dialog's labels
// show no literal "&", a created object is revealed and selected in the tree, focus stays in the
// Properties dock while Create runs, and buttons' tooltips say more than their text.

#include "editors/field_editor.h"
#include "editors/object_editor.h"
#include "editors/properties_dock.h"
#include "editors/schema_form.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/resource_filter_proxy_model.h"
#include "models/resource_tree_model.h"
#include "sample_host.h"
#include "widgets/connect_dialog.h"
#include "widgets/help_menu.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

using hcn::ResourceKind;
using hcn::ui::MainWindow;

namespace {

/// A window showing the sample host, the way hcn-console starts.
struct Window
{
    MainWindow window;

    Window()
    {
        window.propertiesDock()->setConfirmationsEnabled(false);
        loaded = hcntest::showSampleHost(window);
    }
    bool loaded = false;

    QString idByName(ResourceKind kind, const QString& name) const
    {
        for (const hcn::ui::MirrorObject* object : window.mirror()->objects(kind))
            if (object->name == name)
                return object->id;
        return {};
    }
};

QString withoutMnemonic(QString text)
{
    text.remove(QLatin1Char('&'));
    return text.remove(QStringLiteral("...")).trimmed();
}

} // namespace

class TestWindowDetails : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpMenuHasOverviewOnF1AndAbout();
    void ctrlYRedoes();
    void deletingANetworkSaysItsEndpointsGoToo();
    void connectDialogLabelsShowNoAmpersand();
    void createdObjectIsRevealedInTheTree();
    void focusStaysInPropertiesWhileCreating();
    void tooltipsSayMoreThanTheButtonText();

private:
    QTemporaryDir m_dir;
};

void TestWindowDetails::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_windowdetails");
    hcn::ui::initConsoleResources();
}

void TestWindowDetails::helpMenuHasOverviewOnF1AndAbout()
{
    Window w;
    QVERIFY(w.loaded);
    QAction* help = w.window.menuBar()->actions().last();
    QCOMPARE(help->text(), QStringLiteral("&Help"));
    auto* overview = w.window.findChild<QAction*>(QStringLiteral("actionHelpOverview"));
    QVERIFY(overview);
    QVERIFY(help->menu()->actions().contains(overview));
    QCOMPARE(overview->shortcut(), QKeySequence(Qt::Key_F1));

    overview->trigger();
    QDialog* dialog = w.window.helpMenu()->overviewDialog();
    QVERIFY(dialog && dialog->isVisible());
    const QString text = dialog->findChild<QTextBrowser*>()->toPlainText();
    // The overview explains the window and lists the shortcuts of its actions.
    for (const char* part :
         {"Properties", "Keyboard shortcuts", "Undo", "Ctrl+Z", "Connect to Service", "Ctrl+K",
          "Overview and Shortcuts", "F1", "Show the Checks dock", "Event log: Export"})
        QVERIFY2(text.contains(QLatin1String(part)), part);
    QVERIFY2(!text.contains(QStringLiteral("Checks (")), qPrintable(text)); // not its changing title

    w.window.findChild<QAction*>(QStringLiteral("actionAbout"))->trigger();
    QMessageBox* about = w.window.helpMenu()->aboutBox();
    QVERIFY(about && about->isVisible());
    QVERIFY2(about->text().contains(QStringLiteral("HCN Console")), qPrintable(about->text()));
    QVERIFY(about->text().contains(QString::fromLatin1(qVersion())));
    about->close();
}

void TestWindowDetails::ctrlYRedoes()
{
    Window w;
    QVERIFY(w.loaded);
    auto* redo = w.window.findChild<QAction*>(QStringLiteral("actionRedo"));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));

    // Delete, undo, then Ctrl+Y: the endpoint is gone again.
    const QString web = w.idByName(ResourceKind::Endpoint, QStringLiteral("web-frontend"));
    w.window.selection()->setIds({web});
    hcn::ui::PropertiesDock* dock = w.window.propertiesDock();
    dock->deleteAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isBusy() && !w.window.mirror()->object(web), 10000);
    w.window.findChild<QAction*>(QStringLiteral("actionUndo"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isBusy() && w.window.mirror()->object(web), 10000);
    QVERIFY(redo->isEnabled());
    w.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    QTest::keyClick(&w.window, Qt::Key_Y, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isBusy() && !w.window.mirror()->object(web), 10000);
}

void TestWindowDetails::deletingANetworkSaysItsEndpointsGoToo()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::ui::PropertiesDock* dock = w.window.propertiesDock();
    const QString nat = w.idByName(ResourceKind::Network, QStringLiteral("nat"));
    const int endpoints = int(w.window.mirror()->endpointIdsOfNetwork(nat).size());
    QVERIFY(endpoints >= 2);
    const QString question = dock->deleteQuestion({nat});
    QVERIFY2(question.startsWith(QStringLiteral("Delete the network nat?")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("Its %1 endpoints go too.").arg(endpoints)),
             qPrintable(question));
    QVERIFY(question.contains(QStringLiteral("Undo brings them all back")));

    // Selected together with one of its endpoints: that one is not counted twice.
    const QString web = w.idByName(ResourceKind::Endpoint, QStringLiteral("web-frontend"));
    const QString both = dock->deleteQuestion({nat, web});
    QVERIFY2(both.contains(QStringLiteral("%1 other endpoints go too").arg(endpoints - 1)), qPrintable(both));

    // An endpoint alone takes nothing with it.
    const QString one = dock->deleteQuestion({web});
    QVERIFY2(!one.contains(QStringLiteral("go too")), qPrintable(one));
    QVERIFY(one.contains(QStringLiteral("web-frontend")));
}

void TestWindowDetails::connectDialogLabelsShowNoAmpersand()
{
    hcn::ui::ConnectDialog dialog;
    dialog.show();
    auto* ca = dialog.findChild<QLabel*>(QStringLiteral("caFileLabel"));
    QVERIFY(ca);
    QCOMPARE(ca->buddy(), dialog.findChild<QLineEdit*>(QStringLiteral("caFile")));
    // A label shows its "&" as a literal unless it has a buddy to give the mnemonic to.
    for (QLabel* label : dialog.findChildren<QLabel*>())
        if (label->textFormat() != Qt::RichText && label->text().contains(QLatin1Char('&')))
            QVERIFY2(label->buddy(), qPrintable(label->text()));
}

void TestWindowDetails::createdObjectIsRevealedInTheTree()
{
    Window w;
    QVERIFY(w.loaded);
    QTreeView* tree = w.window.resourceTreeDock()->view();
    tree->collapseAll();
    hcn::ui::PropertiesDock* dock = w.window.propertiesDock();
    const QString nat = w.idByName(ResourceKind::Network, QStringLiteral("nat"));
    w.window.selection()->setIds({nat});
    dock->startNew(QStringLiteral("endpoint.plain"));
    auto* name = dock->editor()->form()->editor(QStringLiteral("Name"))->findChild<QLineEdit*>();
    name->setText(QStringLiteral("brand-new"));
    emit name->textEdited(name->text());
    dock->apply();
    QTRY_VERIFY_WITH_TIMEOUT(!w.idByName(ResourceKind::Endpoint, QStringLiteral("brand-new")).isEmpty(),
                             10000);
    const QString created = w.idByName(ResourceKind::Endpoint, QStringLiteral("brand-new"));
    QCOMPARE(w.window.selection()->current(), created);

    // Selected in the tree, its parents unfolded.
    QTRY_COMPARE(tree->currentIndex().data(hcn::ui::ResourceTreeModel::ObjectIdRole).toString(), created);
    QVERIFY(tree->selectionModel()->isSelected(tree->currentIndex()));
    for (QModelIndex parent = tree->currentIndex().parent(); parent.isValid(); parent = parent.parent())
        QVERIFY(tree->isExpanded(parent));
}

void TestWindowDetails::focusStaysInPropertiesWhileCreating()
{
    Window w;
    QVERIFY(w.loaded);
    w.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    hcn::ui::PropertiesDock* dock = w.window.propertiesDock();
    dock->startNew(QStringLiteral("network.nat"));
    auto* name = dock->editor()->form()->editor(QStringLiteral("Name"))->findChild<QLineEdit*>();
    name->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QTest::keyClicks(name, QStringLiteral("typed-net"));
    auto* apply = dock->findChild<QPushButton*>(QStringLiteral("applyButton"));
    QTest::mouseClick(apply, Qt::LeftButton); // the button takes focus, then is disabled while busy
    QVERIFY(dock->isBusy());
    auto inDock = [&] {
        return QApplication::focusWidget() && dock->isAncestorOf(QApplication::focusWidget());
    };
    QVERIFY2(inDock(),
             QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isBusy(), 10000);
    QVERIFY2(inDock(),
             QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
    QVERIFY(!qobject_cast<QSpinBox*>(QApplication::focusWidget())); // not the event log's row limit
}

void TestWindowDetails::tooltipsSayMoreThanTheButtonText()
{
    Window w;
    QVERIFY(w.loaded);
    const QString nat = w.idByName(ResourceKind::Network, QStringLiteral("nat"));
    w.window.selection()->setIds({nat});
    QStringList repeating;
    int checked = 0;
    for (QAbstractButton* button : w.window.findChildren<QAbstractButton*>()) {
        // The topology dock's toolbar is not part of this window's details.
        if (!button->isVisibleTo(&w.window) || button->text().isEmpty() ||
            button->objectName().startsWith(QLatin1String("qt_")))
            continue;
        bool inTopology = false;
        for (QObject* p = button; p; p = p->parent())
            inTopology |= p->objectName().contains(QLatin1String("opology"));
        if (inTopology)
            continue;
        ++checked;
        if (withoutMnemonic(button->toolTip()) == withoutMnemonic(button->text()))
            repeating << button->text() + QStringLiteral(" (") + button->objectName() + QLatin1Char(')');
    }
    QVERIFY(checked >= 5);
    QVERIFY2(repeating.isEmpty(), qPrintable(repeating.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestWindowDetails)
#include "tst_windowdetails.moc"
