// bench_editors: the property editors on a large document.
//
// Workload: a real engine (EmbeddedApi) behind a HostMirror with one NAT network and one endpoint
// carrying N policies (half PortMapping, half ACL; N = 200 by default). Measured, median of --runs:
//   first show: selecting the endpoint the first time, until the dock shows it (the form is built)
//   show:      selecting it again later (the form of the same kind is reused and takes the values)
//   keystroke: one key typed into a port field of the last port mapping (opened first, not timed), until
//              form and raw JSON agree
//   raw edit:  replacing the raw JSON text (one changed port) until the form shows it
//   plan:      ModifyRequestBuilder on the N-policy document with one policy changed
//   apply:     Apply of that change through the undo stack (query, Update request, query)
// Usage: bench_editors [--runs N] [--policies N]   (run offscreen: QT_QPA_PLATFORM=offscreen)

#include "../bench_timing.h"
#include "editors/array_field_editor.h"
#include "editors/field_editor.h"
#include "editors/hcn_calls.h"
#include "editors/modify_request_builder.h"
#include "editors/object_editor.h"
#include "editors/properties_dock.h"
#include "editors/raw_json_editor.h"
#include "editors/schema_form.h"
#include "hcn/embedded_api.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hcn;
using namespace hcn::ui;

namespace {

QJsonArray policies(int count)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i) {
        if (i % 2 == 0)
            list.append(QJsonObject{
                {QStringLiteral("Type"), QStringLiteral("PortMapping")},
                {QStringLiteral("Settings"), QJsonObject{{QStringLiteral("Protocol"), 6},
                                                         {QStringLiteral("InternalPort"), 80},
                                                         {QStringLiteral("ExternalPort"), 10000 + i}}}});
        else
            list.append(QJsonObject{
                {QStringLiteral("Type"), QStringLiteral("ACL")},
                {QStringLiteral("Settings"),
                 QJsonObject{{QStringLiteral("Action"), QStringLiteral("Allow")},
                             {QStringLiteral("Direction"), QStringLiteral("In")},
                             {QStringLiteral("Priority"), 100 + i},
                             {QStringLiteral("RemoteAddresses"), QStringLiteral("10.0.0.0/8")}}}});
    }
    return list;
}

using hcnbench::median;

double elapsedMs(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int runs = 7;
    int count = 200;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        if (args[i] == QLatin1String("--policies"))
            count = args[i + 1].toInt();
    }

    auto api = std::make_shared<EmbeddedApi>();
    HostMirror mirror;
    if (!mirror.attach(api).ok())
        return 1;
    auto net = HcnCalls::create(api.get(), ResourceKind::Network, {},
                                QJsonObject{{QStringLiteral("Name"), QStringLiteral("nat")},
                                            {QStringLiteral("Type"), QStringLiteral("NAT")}});
    QJsonObject epDoc{{QStringLiteral("Name"), QStringLiteral("big")},
                      {QStringLiteral("Policies"), policies(count)}};
    auto ep = HcnCalls::create(api.get(), ResourceKind::Endpoint, {}, epDoc, net.ok() ? *net : QString());
    if (!net.ok() || !ep.ok()) {
        std::fprintf(stderr, "setup failed: %s\n", ep.status().message().c_str());
        return 1;
    }
    api->engine().drainNotifications();
    mirror.flushPending();

    CurrentSelection selection;
    QUndoStack stack;
    PropertiesDock dock(&mirror, &selection, &stack);
    dock.resize(700, 900);
    dock.show();
    app.processEvents();

    std::vector<double> show, keystroke, rawEdit, plan, apply;
    const int lastMapping = count % 2 == 0 ? count - 2 : count - 1;
    const QString lastPort = QStringLiteral("Policies[%1].Settings.InternalPort").arg(lastMapping);
    for (int run = 0; run < runs; ++run) {
        selection.clear();
        app.processEvents();
        QElapsedTimer t;
        t.start();
        selection.setIds({*ep});
        show.push_back(elapsedMs(t));
        app.processEvents();

        // Large policy lists show summaries; the user opens the element to edit (not timed).
        auto* policyList =
            qobject_cast<ArrayFieldEditor*>(dock.editor()->form()->editor(QStringLiteral("Policies")));
        policyList->element(lastMapping);
        auto* line = dock.editor()->form()->editor(lastPort)->findChild<QLineEdit*>();
        line->setFocus();
        line->end(false);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QStringLiteral("1"));
        t.restart();
        QApplication::sendEvent(line, &press);
        keystroke.push_back(elapsedMs(t));
        dock.revert();

        QJsonObject edited = dock.editor()->document();
        QJsonArray list = edited.value(QStringLiteral("Policies")).toArray();
        QJsonObject first = list.first().toObject();
        QJsonObject settings = first.value(QStringLiteral("Settings")).toObject();
        settings.insert(QStringLiteral("ExternalPort"), 20000 + run);
        first.insert(QStringLiteral("Settings"), settings);
        list.replace(0, first);
        edited.insert(QStringLiteral("Policies"), list);
        const QString text = QString::fromUtf8(QJsonDocument(edited).toJson());
        t.restart();
        dock.editor()->rawEditor()->textEdit()->setPlainText(text);
        rawEdit.push_back(elapsedMs(t));

        t.restart();
        const ModifyPlan p =
            ModifyRequestBuilder::build(ResourceKind::Endpoint, mirror.object(*ep)->document, edited);
        plan.push_back(elapsedMs(t));
        if (p.requests.size() != 1)
            std::fprintf(stderr, "unexpected plan\n");

        t.restart();
        dock.apply(); // the calls run on the host's worker: until the result is back
        while (dock.isBusy())
            app.processEvents(QEventLoop::WaitForMoreEvents);
        apply.push_back(elapsedMs(t));
        api->engine().drainNotifications();
        mirror.flushPending();
    }
    std::printf("policies=%d runs=%d (median ms)\n", count, runs);
    std::printf("first show %6.2f\n", show.empty() ? 0.0 : show.front());
    std::printf("show     %8.2f\nkeystroke%8.2f\nraw edit %8.2f\nplan     %8.3f\napply    %8.2f\n",
                median(show), median(keystroke), median(rawEdit), median(plan), median(apply));
    return 0;
}
