#pragma once
// runInBackground: a piece of work that needs no API (reading a recording, building a host at a
// moment) on Qt's global thread pool, its result handed back on the GUI thread. The result is
// dropped when `context` was destroyed meanwhile. Calls that go to a host take its ApiWorker instead.

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <memory>
#include <type_traits>
#include <utility>

namespace hcn::ui {

/// Runs `work()` on a pool thread, then `done(result)` on the GUI thread while `context` lives.
template <typename Work, typename Done> void runInBackground(QObject* context, Work work, Done done)
{
    using R = std::decay_t<std::invoke_result_t<Work&>>;
    QPointer<QObject> guard(context);
    auto shared = std::make_shared<std::pair<Work, Done>>(std::move(work), std::move(done));
    QThreadPool::globalInstance()->start([guard, shared] {
        auto result = std::make_shared<R>(shared->first());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, shared, result] {
                if (guard)
                    shared->second(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace hcn::ui
