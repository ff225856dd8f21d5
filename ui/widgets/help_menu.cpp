#include "widgets/help_menu.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#ifndef HCN_CONSOLE_VERSION
#define HCN_CONSOLE_VERSION "dev"
#endif

namespace hcn::ui {
namespace {

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("..."));
    text.remove(QStringLiteral("\u2026"));
    return text.trimmed();
}

/// A dock's title without the counts some docks add ("Checks (2 errors)" -> "Checks").
QString dockTitle(const QDockWidget* dock)
{
    const QString title = dock->windowTitle();
    const qsizetype paren = title.indexOf(QStringLiteral(" ("));
    return plain(paren > 0 ? title.left(paren) : title);
}

} // namespace

HelpMenu::HelpMenu(QMainWindow* window) : QObject(window), m_window(window)
{
    QMenu* menu = window->menuBar()->addMenu(tr("&Help"));
    m_overview = menu->addAction(tr("&Overview and Shortcuts"));
    m_overview->setObjectName(QStringLiteral("actionHelpOverview"));
    m_overview->setShortcut(QKeySequence::HelpContents);
    m_overview->setToolTip(tr("What each part of the window does, and every keyboard shortcut (F1)"));
    connect(m_overview, &QAction::triggered, this, &HelpMenu::showOverview);
    m_menu = menu;
    m_topicsEnd = menu->addSeparator();
    m_about = menu->addAction(tr("&About HCN Console"));
    m_about->setObjectName(QStringLiteral("actionAbout"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &HelpMenu::showAbout);
    QAction* aboutQt = menu->addAction(tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, window, [window] { QMessageBox::aboutQt(window); });
}

QAction* HelpMenu::addTopic(const QString& text)
{
    auto* action = new QAction(text, m_menu);
    m_menu->insertAction(m_topicsEnd, action);
    return action;
}

QString HelpMenu::overviewHtml() const
{
    QString html =
        tr("<h3>HCN Console</h3>"
           "<p>The console shows one host's container networking: an embedded engine (File &gt; New, Open "
           "Scenario), a running hcnd (File &gt; Connect to Service) or a read-only snapshot or dump.</p>"
           "<ul>"
           "<li><b>Resources</b>: networks with their endpoints, namespaces, load balancers. Type in the "
           "filter to find a name, ID, IP or MAC.</li>"
           "<li><b>Topology</b>, in the centre: the same objects as a diagram, fitted to its pane until "
           "you zoom or pan (Fit, F, goes back); double-click an object to edit it. Help &gt; Topology "
           "Legend says what its shapes, colours and lines mean.</li>"
           "<li><b>Properties</b>: the selected object. The header sums it up (click a network, namespace "
           "or backend to go there); the form and the JSON tab edit it; Apply (Ctrl+Return) sends it, "
           "Revert (Esc) drops the edits. Fields the object does not set are under <i>More</i>.</li>"
           "<li><b>Event log</b>, <b>Charts</b>, <b>Checks</b>, <b>Trace</b>: every notification, "
           "address pools, health findings with their fix, and reachability hop by hop.</li>"
           "</ul>"
           "<p>Every change can be undone. The mouse wheel scrolls the form; it changes a value only in "
           "the field you clicked.</p>");
    // Every action of the window with a shortcut, by name (menus, docks, the tree).
    QMap<QString, QString> shortcuts;
    for (QAction* action : m_window->findChildren<QAction*>()) {
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty() || action->text().isEmpty())
            continue;
        QString name = plain(action->text());
        // Where the action works: a dock's own actions are named with the dock, its show/hide
        // action after it ("Checks (2 errors)" is a title that changes).
        QDockWidget* dock = nullptr;
        for (QObject* o = action->parent(); o && !dock; o = o->parent())
            dock = qobject_cast<QDockWidget*>(o);
        for (QDockWidget* d : m_window->findChildren<QDockWidget*>())
            if (d->toggleViewAction() == action)
                name = tr("Show the %1 dock").arg(dockTitle(d));
        if (dock && dock->toggleViewAction() != action)
            name = tr("%1: %2").arg(dockTitle(dock), name);
        QStringList texts;
        for (const QKeySequence& key : keys)
            texts << key.toString(QKeySequence::NativeText);
        shortcuts.insert(name, texts.join(tr(" or ")));
    }
    html += tr("<h4>Keyboard shortcuts</h4>") + QStringLiteral("<table>");
    for (auto it = shortcuts.cbegin(); it != shortcuts.cend(); ++it)
        html += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>%2</b></td></tr>")
                    .arg(it.key().toHtmlEscaped(), it.value().toHtmlEscaped());
    html += QStringLiteral("</table>");
    return html;
}

QString HelpMenu::aboutText() const
{
    return tr("<h3>HCN Console %1</h3>"
              "<p>See and fix host container networking: the semantics of Windows' Host Compute Network "
              "service, on an embedded engine, a running hcnd, or a customer's snapshot.</p>"
              "<p>Built with Qt %2.</p>")
        .arg(QStringLiteral(HCN_CONSOLE_VERSION), QString::fromLatin1(qVersion()));
}

void HelpMenu::showOverview()
{
    if (!m_dialog) {
        auto* dialog = new QDialog(m_window);
        dialog->setObjectName(QStringLiteral("helpOverview"));
        dialog->setWindowTitle(tr("HCN Console Overview"));
        auto* browser = new QTextBrowser(dialog);
        browser->setObjectName(QStringLiteral("helpText"));
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(browser);
        layout->addWidget(buttons);
        dialog->resize(560, 620);
        m_dialog = dialog;
    }
    // Written at each opening: docks and actions added since show up.
    m_dialog->findChild<QTextBrowser*>(QStringLiteral("helpText"))->setHtml(overviewHtml());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void HelpMenu::showAbout()
{
    if (!m_aboutBox) {
        m_aboutBox = new QMessageBox(QMessageBox::Information, tr("About HCN Console"), aboutText(),
                                     QMessageBox::Ok, m_window);
        m_aboutBox->setObjectName(QStringLiteral("aboutBox"));
        m_aboutBox->setTextFormat(Qt::RichText);
        m_aboutBox->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutBox->open();
}

} // namespace hcn::ui
