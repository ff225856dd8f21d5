#pragma once
// ConnectDialog: where the running service is: a local socket (default hcn::defaultSocketPath()) or a
// remote tls://host:port with a bearer token and the CA that signed the server's certificate.
// Connect asks (connectRequested) and the dialog stays open showing progress while the attempt runs;
// Cancel, Esc or closing the window then abandons the attempt (cancelRequested) instead of closing.

#include "hcn/rpc_client.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;

namespace hcn::ui {

class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget* parent = nullptr);

    /// The choices as client options (clientName "hcn-console/<version>").
    RpcClientOptions options() const;
    /// Shows a failed attempt's message and keeps the dialog open for another try.
    void showError(const QString& message);
    /// A line about the host shown now (what becomes of it when the connection replaces it on screen).
    void setNote(const QString& note);
    QString note() const;
    /// An attempt to reach `endpoint` is running: progress shows, the fields and Connect wait.
    void setConnecting(const QString& endpoint);
    /// No attempt is running (it failed or was cancelled).
    void setIdle();
    bool isConnecting() const { return m_connecting; }
    /// The progress line ("Connecting to ...").
    QString progressText() const;

    /// Remembers the last choices in the settings.
    void saveChoices() const;

    /// Cancel, Esc and the close button: abandon the attempt while one runs, else close.
    void reject() override;

signals:
    /// Connect was pressed.
    void connectRequested();
    /// Cancel was pressed while an attempt runs.
    void cancelRequested();

private:
    void updateEnabled();
    void browseCaFile();

    QRadioButton* m_local;
    QRadioButton* m_remote;
    QLineEdit* m_socketPath;
    QLineEdit* m_address;
    QLineEdit* m_token;
    QLineEdit* m_caFile;
    QCheckBox* m_verifyPeer;
    QLabel* m_error;
    QLabel* m_note;
    QLabel* m_progressText;
    QProgressBar* m_progress;
    QDialogButtonBox* m_buttons;
    bool m_connecting = false;
};

} // namespace hcn::ui
