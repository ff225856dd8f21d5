#include "models/host_checks.h"

#include "hcn/dump_import.h"
#include "models/host_mirror.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

namespace hcn::ui {

/// The checks' copy of the host and what they found, on the checks' thread.
struct HostChecks::Worker
{
    HostState state;
    std::unique_ptr<HealthChecker> checker;
    FindingList findings = std::make_shared<const std::vector<std::shared_ptr<const Finding>>>();
    /// Object ID -> the findings naming it (owned by `findings`).
    std::unordered_map<std::string, std::vector<const Finding*>> byObject;
};

/// What one job on the thread found.
struct HostChecks::Delta
{
    quint64 generation = 0;
    bool full = false;
    bool evaluated = false; ///< the checker looked at something (a full check, or changes)
    bool changed = false;   ///< the findings differ from the previous list
    FindingList findings;
    FindingCounts counts;
    /// full: every badge; otherwise the new badges of the objects whose findings changed.
    FindingBadges badges;
    /// Objects whose last finding went (not for full).
    QStringList cleared;
};

namespace {

QString badgeLine(const Finding& f)
{
    return QStringLiteral("%1 %2: %3")
        .arg(severityLabel(f.severity), QString::fromStdString(f.ruleId),
             QString::fromStdString(f.message.empty() ? f.title : f.message));
}

FindingBadge badgeOf(std::vector<const Finding*> findings)
{
    std::sort(findings.begin(), findings.end(),
              [](const Finding* a, const Finding* b) { return findingBefore(*a, *b); });
    FindingBadge badge;
    badge.severity = findings.front()->severity; // the worst: findings sort by severity first
    for (const Finding* f : findings)
        if (const QString line = badgeLine(*f); !badge.lines.contains(line))
            badge.lines.append(line);
    return badge;
}

} // namespace

HostChecks::HostChecks(HostMirror* mirror, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_threadContext(new QObject), m_worker(std::make_shared<Worker>()),
      m_findings(m_worker->findings)
{
    m_threadContext->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("hcn-checks"));
    m_thread.start(QThread::LowPriority);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kCoalesce_ms);
    connect(&m_timer, &QTimer::timeout, this, &HostChecks::flush);
    connect(m_mirror, &HostMirror::reset, this, &HostChecks::onReset);
    connect(m_mirror, &HostMirror::objectsAdded, this, &HostChecks::onObjectsAdded);
    connect(m_mirror, &HostMirror::objectsChanged, this, &HostChecks::onObjectsChanged);
    connect(m_mirror, &HostMirror::objectsRemoved, this, &HostChecks::onObjectsRemoved);
    onReset(); // whatever the mirror shows already
}

HostChecks::~HostChecks()
{
    // Jobs not started are dropped with the context; nothing posts to `this` once the thread ended.
    m_thread.quit();
    m_thread.wait();
    delete m_threadContext;
}

UnknownFields HostChecks::unknownFieldsOf(const io::ImportReport& report)
{
    UnknownFields out;
    for (const io::ImportedObject& object : report.objects)
        if (!object.lost.empty()) {
            std::vector<std::string>& fields = out[canonicalObjectId(object.id)];
            fields.insert(fields.end(), object.lost.begin(), object.lost.end());
        }
    return out;
}

void HostChecks::setUnknownFields(UnknownFields fields)
{
    if (fields == m_unknown)
        return;
    m_unknown = std::move(fields);
    m_assignPending = true;
    schedule();
}

void HostChecks::onReset()
{
    // A live host carries every field; an offline one keeps what its import said (set after the reset).
    if (!m_mirror->info().readOnly)
        m_unknown.clear();
    m_pending.clear(); // the copy taken for the full check holds them
    m_assignPending = true;
    schedule();
}

void HostChecks::queueObjects(const QStringList& ids, bool added)
{
    for (const QString& id : ids)
        if (const MirrorObject* object = m_mirror->object(id))
            m_pending.push_back({added ? HostUpdate::Op::Create : HostUpdate::Op::Modify, object->kind,
                                 id.toStdString(), object->parsed});
    schedule();
}

void HostChecks::onObjectsAdded(const QStringList& ids)
{
    queueObjects(ids, true);
}

void HostChecks::onObjectsChanged(const QStringList& ids)
{
    queueObjects(ids, false);
}

void HostChecks::onObjectsRemoved(const QList<MirrorObject>& removed)
{
    for (const MirrorObject& object : removed)
        m_pending.push_back({HostUpdate::Op::Delete, object.kind, object.id.toStdString(), nullptr});
    schedule();
}

void HostChecks::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

namespace {

/// One edit of the worker's list: which objects' findings changed (their badges follow) and the
/// object index kept in step.
template <typename WorkerT> class ListEdit
{
public:
    explicit ListEdit(WorkerT& w) : m_w(w) {}

    void remove(const Finding* f)
    {
        for (const FindingObject& o : f->objects) {
            m_touched.insert(o.id);
            auto& named = m_w.byObject[o.id];
            named.erase(std::remove(named.begin(), named.end(), f), named.end());
        }
    }
    void add(const Finding* f)
    {
        for (const FindingObject& o : f->objects) {
            m_touched.insert(o.id);
            m_w.byObject[o.id].push_back(f);
        }
    }

    /// Makes `list` the worker's list and puts it, the counts and the touched objects' badges into
    /// `delta`.
    template <typename DeltaT> void finish(FindingList list, DeltaT& delta)
    {
        delta.changed = !m_touched.empty() || list->size() != m_w.findings->size();
        for (const std::string& id : m_touched) {
            auto it = m_w.byObject.find(id);
            if (it == m_w.byObject.end() || it->second.empty()) {
                if (it != m_w.byObject.end())
                    m_w.byObject.erase(it);
                delta.cleared << QString::fromStdString(id);
            } else {
                delta.badges.insert(QString::fromStdString(id), badgeOf(it->second));
            }
        }
        FindingCounts counts;
        for (const auto& f : *list)
            (f->severity == Severity::Error     ? counts.errors
             : f->severity == Severity::Warning ? counts.warnings
                                                : counts.infos)++;
        delta.counts = counts;
        m_w.findings = std::move(list); // the old list (and the findings that went) is released here
        delta.findings = m_w.findings;
    }

private:
    WorkerT& m_w;
    std::set<std::string> m_touched;
};

using MutableFindingList = std::vector<std::shared_ptr<const Finding>>;

/// Makes the worker's list the checker's whole list, keeping the objects of those that stayed.
template <typename WorkerT, typename DeltaT> void refresh(WorkerT& w, DeltaT& delta)
{
    std::vector<Finding> next = w.checker->findings();
    const auto& old = *w.findings;
    auto list = std::make_shared<MutableFindingList>();
    list->reserve(next.size());
    ListEdit edit(w);
    // Both lists are sorted: one walk tells what stayed, what went and what came.
    std::size_t i = 0;
    for (Finding& f : next) {
        while (i < old.size() && findingBefore(*old[i], f))
            edit.remove(old[i++].get());
        if (i < old.size() && *old[i] == f) {
            list->push_back(old[i++]);
            continue;
        }
        list->push_back(std::make_shared<const Finding>(std::move(f)));
        edit.add(list->back().get());
    }
    while (i < old.size())
        edit.remove(old[i++].get());
    edit.finish(std::move(list), delta);
}

/// Follows one update: the worker's list without what went and with what came, in order; the findings
/// that stayed are not read or copied.
template <typename WorkerT, typename DeltaT> void follow(WorkerT& w, FindingChanges changes, DeltaT& delta)
{
    if (changes.everything) {
        refresh(w, delta);
        return;
    }
    const auto& old = *w.findings;
    auto list = std::make_shared<MutableFindingList>();
    list->reserve(old.size() + changes.added.size());
    ListEdit edit(w);
    std::vector<bool> matched(changes.removed.size(), false);
    // Whether `f` is one of the removed findings not matched yet (several may sort alike).
    auto takeRemoved = [&](const Finding& f) {
        auto [from, to] = std::equal_range(changes.removed.begin(), changes.removed.end(), f, findingBefore);
        for (auto it = from; it != to; ++it) {
            const auto at = static_cast<std::size_t>(it - changes.removed.begin());
            if (!matched[at] && *it == f) {
                matched[at] = true;
                return true;
            }
        }
        return false;
    };
    std::size_t a = 0;
    auto addUntil = [&](const Finding* before) {
        while (a < changes.added.size() && (!before || findingBefore(changes.added[a], *before))) {
            list->push_back(std::make_shared<const Finding>(std::move(changes.added[a++])));
            edit.add(list->back().get());
        }
    };
    for (const auto& f : old) {
        addUntil(f.get());
        if (takeRemoved(*f))
            edit.remove(f.get());
        else
            list->push_back(f);
    }
    addUntil(nullptr);
    edit.finish(std::move(list), delta);
}

} // namespace

void HostChecks::flush()
{
    m_timer.stop();
    if (m_assignPending) {
        startFullCheck();
        return;
    }
    if (m_pending.empty() || m_inFlight > 0)
        return; // take() sends what waits once the thread is free
    std::vector<HostUpdate> updates = std::move(m_pending);
    m_pending.clear();
    post([updates = std::move(updates)](Worker& w) {
        Delta delta;
        if (!w.checker)
            return delta;
        // The mirror's changes, net of each other, applied to the checks' own copy: HostState::apply
        // says what changed for it, and the checker re-evaluates what that can affect.
        ParsedNotification batch;
        batch.updates = updates;
        const std::vector<HostChange> changes = w.state.apply(batch);
        if (changes.empty())
            return delta;
        delta.evaluated = true;
        follow(w, w.checker->update(w.state, changes), delta);
        return delta;
    });
}

void HostChecks::startFullCheck()
{
    m_assignPending = false;
    ++m_generation;
    // The mirror's objects, shared (they never change; a change stores a new one): the copy and its
    // indexes are built on the worker. Everything the mirror applied so far is in it.
    auto copy = std::make_shared<const SharedHostObjects>(m_mirror->hostState().shared());
    m_pending.clear();
    const SchemaVersion hns = m_mirror->info().hnsVersion;
    const std::optional<SchemaVersion> version = hns.major == 0 ? std::nullopt : std::optional<SchemaVersion>(hns);
    const bool wasChecking = m_fullInFlight;
    m_fullInFlight = true;
    post([copy, version, unknown = m_unknown](Worker& w) {
        w.state = HostState(*copy);
        w.checker = std::make_unique<HealthChecker>();
        w.checker->setHnsVersion(version);
        w.checker->setUnknownFields(unknown);
        w.checker->assign(w.state);
        w.findings = std::make_shared<const std::vector<std::shared_ptr<const Finding>>>();
        w.byObject.clear();
        Delta delta;
        delta.full = true;
        delta.evaluated = true;
        refresh(w, delta);
        return delta;
    });
    if (!wasChecking)
        emit checkingChanged(true);
}

void HostChecks::post(std::function<Delta(Worker&)> job)
{
    ++m_inFlight;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        m_threadContext,
        [this, worker = m_worker, generation, job = std::move(job)] {
            Delta delta = job(*worker);
            delta.generation = generation;
            // `this` outlives the thread (the destructor waits for it), so the post is safe.
            QMetaObject::invokeMethod(this, [this, delta] { take(delta); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void HostChecks::take(const Delta& delta)
{
    --m_inFlight;
    if (delta.generation == m_generation && delta.evaluated) {
        if (delta.full) {
            ++m_fullChecks;
            m_fullInFlight = false;
            QStringList cleared;
            for (auto it = m_badges.cbegin(); it != m_badges.cend(); ++it)
                if (!delta.badges.contains(it.key()))
                    cleared << it.key();
            m_badges = delta.badges;
            m_findings = delta.findings;
            m_counts = delta.counts;
            emit findingsChanged();
            emit badgesChanged(delta.badges, cleared);
            emit checkingChanged(false);
        } else {
            ++m_updates;
            if (delta.changed) {
                for (const QString& id : delta.cleared)
                    m_badges.remove(id);
                for (auto it = delta.badges.cbegin(); it != delta.badges.cend(); ++it)
                    m_badges.insert(it.key(), it.value());
                m_findings = delta.findings;
                m_counts = delta.counts;
                emit findingsChanged();
                if (!delta.badges.isEmpty() || !delta.cleared.isEmpty())
                    emit badgesChanged(delta.badges, delta.cleared);
            }
        }
    }
    if (m_inFlight == 0 && (!m_pending.empty() || m_assignPending))
        schedule();
}

bool HostChecks::waitUntilCurrent(int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    flush();
    while (isChecking() || m_inFlight > 0 || !m_pending.empty() || m_timer.isActive()) {
        if (elapsed.elapsed() > timeoutMs)
            return false;
        if (m_inFlight == 0)
            flush();
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace hcn::ui
