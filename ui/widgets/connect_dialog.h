#pragma once
// ConnectDialog: where the running service is: a local socket (default hcn::defaultSocketPath()) or a
// remote tls://host:port with a bearer token and the CA that signed the server's certificate.

#include "hcn/rpc_client.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
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

    /// Remembers the last choices in the settings.
    void saveChoices() const;

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
    QDialogButtonBox* m_buttons;
};

} // namespace hcn::ui
