#pragma once
// HelpMenu: Help > Overview (F1), a window that says what each part of the console is for and lists
// every keyboard shortcut of the window's actions (read from the actions, so it is never out of date),
// the topics other parts add (Topology Legend), and Help > About.

#include <QObject>
#include <QPointer>

class QAction;
class QDialog;
class QMainWindow;
class QMenu;
class QMessageBox;

namespace hcn::ui {

class HelpMenu : public QObject
{
    Q_OBJECT
public:
    /// Adds the Help menu to `window`'s menu bar.
    explicit HelpMenu(QMainWindow* window);

    QAction* overviewAction() const { return m_overview; }
    QAction* aboutAction() const { return m_about; }
    /// Adds a help topic under Overview (the caller connects what it opens).
    QAction* addTopic(const QString& text);
    /// The overview as HTML: the window's parts, then "action — shortcut" for every action that has one.
    QString overviewHtml() const;
    /// "HCN Console <version>", what it is, the Qt version.
    QString aboutText() const;

    /// The overview window (shown by F1; null before).
    QDialog* overviewDialog() const { return m_dialog; }
    void showOverview();
    /// The About box (non-modal; null before).
    QMessageBox* aboutBox() const { return m_aboutBox; }
    void showAbout();

private:
    QMainWindow* m_window;
    QAction* m_overview;
    QAction* m_about;
    QMenu* m_menu = nullptr;
    QAction* m_topicsEnd = nullptr;
    QPointer<QDialog> m_dialog;
    QPointer<QMessageBox> m_aboutBox;
};

} // namespace hcn::ui
