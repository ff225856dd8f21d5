#include "models/host_checks.h"

#include "hcn/dump_import.h"
#include "models/host_mirror.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <algorithm>

namespace hcn::ui {

struct HostChecks::Engine
{
    HostState state;
    HealthChecker checker;
};

/// What a full check hands back besides its engine: computed on the job's thread too.
struct HostChecks::CheckResult
{
    std::vector<Finding> findings;
    FindingBadges badges;
};

HostChecks::HostChecks(HostMirror* mirror, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_findings(std::make_shared<const std::vector<Finding>>())
{
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
    if (m_job) {
        m_job->wait();
        delete m_job;
    }
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
            m_pending.push_back(
                {added ? HostUpdate::Op::Create : HostUpdate::Op::Modify, object->kind, id.toStdString(), object->parsed});
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

void HostChecks::flush()
{
    m_timer.stop();
    if (m_job)
        return; // finishFullCheck comes back here
    if (m_assignPending) {
        startFullCheck();
        return;
    }
    if (!m_engine || m_pending.empty())
        return;
    // The mirror's changes, net of each other, applied to the checks' own copy: HostState::apply says
    // what changed for it, and the checker re-evaluates what that can affect.
    ParsedNotification batch;
    batch.updates = std::move(m_pending);
    m_pending.clear();
    const std::vector<HostChange> changes = m_engine->state.apply(batch);
    if (changes.empty())
        return;
    m_engine->checker.update(m_engine->state, changes);
    ++m_updates;
    std::vector<Finding> findings = m_engine->checker.findings();
    FindingBadges badges = badgesOf(findings);
    publish(std::move(findings), std::move(badges));
}

void HostChecks::startFullCheck()
{
    m_assignPending = false;
    // The copy shares the documents with the mirror (they are immutable); it costs the map, not the
    // documents. Everything the mirror applied so far is in it.
    auto engine = std::make_shared<Engine>();
    engine->state = m_mirror->hostState();
    m_pending.clear();
    const SchemaVersion hns = m_mirror->info().hnsVersion;
    engine->checker.setHnsVersion(hns.major == 0 ? std::nullopt : std::optional<SchemaVersion>(hns));
    engine->checker.setUnknownFields(m_unknown);
    auto result = std::make_shared<CheckResult>();
    QThread* job = QThread::create([engine, result] {
        engine->checker.assign(engine->state);
        result->findings = engine->checker.findings();
        result->badges = badgesOf(result->findings);
    });
    job->setObjectName(QStringLiteral("hcn-checks"));
    m_job = job;
    connect(job, &QThread::finished, this,
            [this, job, engine, result] { finishFullCheck(job, engine, result); }, Qt::QueuedConnection);
    emit checkingChanged(true);
    job->start(QThread::LowPriority);
}

void HostChecks::finishFullCheck(QThread* job, const std::shared_ptr<Engine>& engine,
                                 const std::shared_ptr<CheckResult>& result)
{
    job->wait();
    delete job;
    m_job = nullptr;
    ++m_fullChecks;
    if (m_assignPending) { // a newer host or new unknown fields: this result is already stale
        startFullCheck();
        return;
    }
    m_engine = engine;
    publish(std::move(result->findings), std::move(result->badges));
    emit checkingChanged(false);
    if (!m_pending.empty())
        flush(); // what changed while the check ran
}

void HostChecks::publish(std::vector<Finding> findings, FindingBadges badges)
{
    m_counts = countFindings(findings);
    m_findings = std::make_shared<const std::vector<Finding>>(std::move(findings));
    const bool badgesDiffer = badges != m_badges;
    m_badges = std::move(badges);
    emit findingsChanged();
    if (badgesDiffer)
        emit badgesChanged(m_badges);
}

FindingBadges HostChecks::badgesOf(const std::vector<Finding>& findings)
{
    // Findings come sorted by severity, so each object's first line is its worst.
    FindingBadges badges;
    for (const Finding& finding : findings) {
        const QString line = QStringLiteral("%1 %2: %3")
                                 .arg(severityLabel(finding.severity), QString::fromStdString(finding.ruleId),
                                      QString::fromStdString(finding.message.empty() ? finding.title : finding.message));
        for (const FindingObject& object : finding.objects) {
            auto it = badges.find(QString::fromStdString(object.id));
            if (it == badges.end()) {
                badges.insert(QString::fromStdString(object.id), FindingBadge{finding.severity, {line}});
            } else {
                it->severity = std::min(it->severity, finding.severity);
                if (!it->lines.contains(line))
                    it->lines.append(line);
            }
        }
    }
    return badges;
}

bool HostChecks::waitUntilCurrent(int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    flush();
    while (isChecking() || !m_pending.empty() || m_timer.isActive()) {
        if (elapsed.elapsed() > timeoutMs)
            return false;
        if (!m_job)
            flush();
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace hcn::ui
