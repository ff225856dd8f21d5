#include "connect_dialog.h"

#include "widgets/console_settings.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hcn::ui {

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent), m_local(new QRadioButton(tr("&Local service socket"))),
      m_remote(new QRadioButton(tr("&Remote service (TLS)"))), m_socketPath(new QLineEdit),
      m_address(new QLineEdit), m_token(new QLineEdit), m_caFile(new QLineEdit),
      m_verifyPeer(new QCheckBox(tr("&Verify the server's certificate and host name"))), m_error(new QLabel),
      m_progressText(new QLabel), m_progress(new QProgressBar),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Connect to Service"));
    setObjectName(QStringLiteral("ConnectDialog"));
    m_local->setObjectName(QStringLiteral("localSocket"));
    m_remote->setObjectName(QStringLiteral("remoteService"));
    m_socketPath->setObjectName(QStringLiteral("socketPath"));
    m_address->setObjectName(QStringLiteral("remoteAddress"));
    m_token->setObjectName(QStringLiteral("token"));
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_verifyPeer->setObjectName(QStringLiteral("verifyPeer"));

    const QString defaultSocket = QString::fromStdString(defaultSocketPath());
    const QString lastSocket = settings::lastSocketPath().value();
    m_socketPath->setText(lastSocket.isEmpty() ? defaultSocket : lastSocket);
    m_socketPath->setPlaceholderText(defaultSocket);
    m_address->setText(settings::lastRemoteAddress().value());
    m_address->setPlaceholderText(tr("tls://host:port"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("bearer token of the service's TLS listener"));
    m_caFile->setText(settings::lastCaFile().value());
    m_caFile->setPlaceholderText(tr("system certificate store"));
    m_verifyPeer->setChecked(true);
    (settings::lastConnectWasRemote().value() ? m_remote : m_local)->setChecked(true);

    auto* browse = new QPushButton(tr("&Browse..."));
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(m_local);
    form->addRow(tr("&Socket path:"), m_socketPath);
    form->addRow(m_remote);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Token:"), m_token);
    // A row with a layout gets no buddy from QFormLayout: its mnemonic would show as a literal "&".
    auto* caLabel = new QLabel(tr("&CA file:"));
    caLabel->setObjectName(QStringLiteral("caFileLabel"));
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(m_verifyPeer);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    m_progressText->setObjectName(QStringLiteral("connectProgressText"));
    m_progress->setObjectName(QStringLiteral("connectProgress"));
    m_progress->setRange(0, 0); // busy: a connect has no measurable progress
    m_progress->setTextVisible(false);
    m_progressText->hide();
    m_progress->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("hostNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_local, &QRadioButton::toggled, this, &ConnectDialog::updateEnabled);
    connect(browse, &QPushButton::clicked, this, &ConnectDialog::browseCaFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_connecting)
            emit connectRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateEnabled();
    resize(520, sizeHint().height());
}

void ConnectDialog::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString ConnectDialog::note() const
{
    return m_note->text();
}

RpcClientOptions ConnectDialog::options() const
{
    RpcClientOptions options;
    if (m_local->isChecked()) {
        options.endpoint = m_socketPath->text().trimmed().toStdString();
    } else {
        QString address = m_address->text().trimmed();
        if (!address.startsWith(QLatin1String("tls://")))
            address.prepend(QLatin1String("tls://"));
        options.endpoint = address.toStdString();
        options.token = m_token->text().toStdString();
        options.caFile = m_caFile->text().trimmed().toStdString();
        options.verifyPeer = m_verifyPeer->isChecked();
    }
    options.clientName = "hcn-console/" + QCoreApplication::applicationVersion().toStdString();
    return options;
}

void ConnectDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void ConnectDialog::setConnecting(const QString& endpoint)
{
    m_connecting = true;
    m_error->hide();
    m_progressText->setText(tr("Connecting to %1...").arg(endpoint));
    m_progressText->show();
    m_progress->show();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    updateEnabled();
}

void ConnectDialog::setIdle()
{
    m_connecting = false;
    m_progressText->hide();
    m_progress->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    updateEnabled();
}

QString ConnectDialog::progressText() const
{
    return m_connecting ? m_progressText->text() : QString();
}

void ConnectDialog::reject()
{
    if (m_connecting) {
        emit cancelRequested();
        return;
    }
    QDialog::reject();
}

void ConnectDialog::saveChoices() const
{
    settings::lastConnectWasRemote().setValue(m_remote->isChecked());
    settings::lastSocketPath().setValue(m_socketPath->text().trimmed());
    settings::lastRemoteAddress().setValue(m_address->text().trimmed());
    settings::lastCaFile().setValue(m_caFile->text().trimmed());
}

void ConnectDialog::updateEnabled()
{
    const bool local = m_local->isChecked();
    const bool editable = !m_connecting;
    m_local->setEnabled(editable);
    m_remote->setEnabled(editable);
    m_socketPath->setEnabled(editable && local);
    for (QWidget* widget : {static_cast<QWidget*>(m_address), static_cast<QWidget*>(m_token),
                            static_cast<QWidget*>(m_caFile), static_cast<QWidget*>(m_verifyPeer)})
        widget->setEnabled(editable && !local);
}

void ConnectDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA Certificate"), m_caFile->text(),
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

} // namespace hcn::ui
