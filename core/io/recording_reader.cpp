// RecordingReader: indexes a recording once and builds the host at any moment from the nearest keyframe
// (hcn/recording.h, docs/recordings.md).
//
// The index keeps, per change, its time, where its line is and what it does to a copy (the line's
// "Updates"). A keyframe every N changes holds each live object's parsed document then (shared with the
// other keyframes and the initial snapshot, so an object unchanged between keyframes costs one
// document); building the host at change k copies the keyframe before k, replays at most N-1 changes'
// updates and reads back from their lines only the documents of objects changed since the keyframe
// (through a bounded cache). The keyframes hold at most Options::keyframeDocuments distinct documents:
// past that every other keyframe is dropped and N doubles, so memory stays bounded however long the
// recording.

#include "hcn/json_limits.h"
#include "hcn/recording.h"
#include "hcn/schema_normalizer.h"
#include "hcn/utc_time.h"
#include "io/recording_format.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <unordered_map>

namespace hcn {

// Named, not anonymous: RecordingReader::Impl holds these types, and in a batched (unity) build gcc
// warns about a class with external linkage whose members use anonymous-namespace types.
namespace recording_index {

using PlainJson = nlohmann::json;

constexpr std::uint32_t kNoObject = 0xFFFFFFFFu;

/// Where an object's document is: the initial snapshot (change 0) or update `part` of a change's line.
struct DocumentRef
{
    std::uint32_t change = 0;
    std::uint16_t part = 0;
};

/// An object in a copy being built; kind Invalid: absent.
struct ObjectSlot
{
    ResourceKind kind = ResourceKind::Invalid;
    DocumentRef ref;
    /// The document `ref` names, when parsed already (a keyframe's); else null.
    HostDocument document;
};

struct IndexedChange
{
    std::int64_t timeMs = 0;
    std::uint64_t offset = 0;
    std::uint64_t sequence = 0;
    std::uint32_t length = 0;
    std::uint32_t typeValue = 0;
    HResult status = hr::Ok;
    std::uint32_t firstUpdate = 0;
    std::uint16_t updateCount = 0;
    ResourceKind kind = ResourceKind::Invalid;
    bool polled = false;
    std::uint32_t objectId = kNoObject;
};

struct IndexedUpdate
{
    std::uint32_t object = 0;
    HostUpdate::Op op = HostUpdate::Op::Expect;
    ResourceKind kind = ResourceKind::Invalid;
};

struct KeyframeEntry
{
    std::uint32_t object = 0;
    ObjectSlot slot;
};

/// The live objects after `changes` changes, ordered by object index.
struct Keyframe
{
    std::size_t changes = 0;
    std::vector<KeyframeEntry> entries;
};

/// How many documents `next` holds that `previous` (the keyframe before it) does not.
std::size_t newDocuments(const Keyframe* previous, const Keyframe& next)
{
    std::size_t count = 0;
    auto p = previous ? previous->entries.begin() : std::vector<KeyframeEntry>::const_iterator();
    const auto pEnd = previous ? previous->entries.end() : p;
    for (const KeyframeEntry& e : next.entries) {
        if (!e.slot.document)
            continue;
        while (p != pEnd && p->object < e.object)
            ++p;
        if (p == pEnd || p->object != e.object || p->slot.document != e.slot.document)
            ++count;
    }
    return count;
}

/// A line parsed for the index: its "Notification" kept for the keyframes' documents, a
/// "NotificationText" (no document) skipped.
PlainJson parseIndexLine(const std::string& line, std::string& error)
{
    try {
        PlainJson::parser_callback_t skipText = [](int depth, PlainJson::parse_event_t event,
                                                   PlainJson& parsed) {
            return !(depth == 1 && event == PlainJson::parse_event_t::key && parsed == "NotificationText");
        };
        return PlainJson::parse(line, skipText);
    } catch (const PlainJson::exception& e) {
        error = e.what();
        return PlainJson();
    }
}

} // namespace recording_index

using namespace recording_index;

struct RecordingReader::Impl
{
    std::string path;
    Options options;
    RecordingHeader header;
    PlainJson hnsVersion;
    PlainJson schemaVersion;
    std::int64_t endMs = 0;
    std::string endReason;
    std::string cutDetail;
    std::vector<std::string> warnings;
    std::size_t skipped = 0;

    std::vector<std::string> ids;
    std::unordered_map<std::string, std::uint32_t> idIndex;
    std::vector<HostDocument> initialDocuments; // by object index (objects of the snapshot)
    std::vector<ResourceKind> initialKinds;     // the same
    std::vector<IndexedChange> changes;         // changes[0] is change 1
    std::vector<IndexedUpdate> updates;
    std::vector<Keyframe> keyframes;   // keyframes[i]: after i * keyframeInterval changes
    std::size_t keyframeInterval = 1;  // Options::keyframeInterval, doubled by each thinning
    std::size_t keyframeDocuments = 0; // distinct documents the keyframes hold

    mutable std::mutex cacheMutex;
    mutable std::ifstream file; // guarded by cacheMutex
    mutable std::unordered_map<std::uint64_t, HostDocument> cache, previousCache;

    void warn(std::string text)
    {
        ++skipped;
        if (warnings.size() < options.maxWarnings)
            warnings.push_back(std::move(text));
    }

    std::uint32_t objectIndex(const std::string& id)
    {
        auto [it, inserted] = idIndex.emplace(id, std::uint32_t(ids.size()));
        if (inserted)
            ids.push_back(id);
        return it->second;
    }

    static void applyUpdate(std::vector<ObjectSlot>& state, const IndexedUpdate& update, DocumentRef ref)
    {
        if (state.size() <= update.object)
            state.resize(update.object + 1);
        switch (update.op) {
        case HostUpdate::Op::Create:
        case HostUpdate::Op::Modify:
            state[update.object] = ObjectSlot{update.kind, ref, nullptr};
            break;
        case HostUpdate::Op::Delete:
            state[update.object] = ObjectSlot{};
            break;
        case HostUpdate::Op::Expect:
            break;
        }
    }

    void applyChange(std::vector<ObjectSlot>& state, std::size_t number) const
    {
        const IndexedChange& c = changes[number - 1];
        for (std::uint16_t i = 0; i < c.updateCount; ++i)
            applyUpdate(state, updates[c.firstUpdate + i], DocumentRef{std::uint32_t(number), i});
    }

    /// Keeps a keyframe of `state` (after every change so far), then drops every other keyframe while
    /// they hold more documents than the budget.
    void addKeyframe(const std::vector<ObjectSlot>& state)
    {
        Keyframe keyframe;
        keyframe.changes = changes.size();
        for (std::uint32_t i = 0; i < state.size(); ++i)
            if (state[i].kind != ResourceKind::Invalid)
                keyframe.entries.push_back(KeyframeEntry{i, state[i]});
        keyframeDocuments += newDocuments(keyframes.empty() ? nullptr : &keyframes.back(), keyframe);
        keyframes.push_back(std::move(keyframe));
        while (keyframeDocuments > options.keyframeDocuments && keyframes.size() > 2) {
            std::vector<Keyframe> kept;
            for (std::size_t i = 0; i < keyframes.size(); i += 2)
                kept.push_back(std::move(keyframes[i]));
            keyframes = std::move(kept);
            keyframeInterval *= 2;
            keyframeDocuments = 0;
            for (std::size_t i = 0; i < keyframes.size(); ++i)
                keyframeDocuments += newDocuments(i == 0 ? nullptr : &keyframes[i - 1], keyframes[i]);
        }
    }

    Status readHeaderAndSnapshot(std::ifstream& in, std::uint64_t& offset, std::size_t& lineNumber);
    Status index(std::ifstream& in);
    /// `withinDepth`: the line nests no deeper than document() accepts, so its documents are kept.
    bool indexChange(PlainJson& line, std::uint64_t offset, std::size_t length, std::size_t lineNumber,
                     bool withinDepth, std::vector<ObjectSlot>& state);
    Result<HostDocument> document(DocumentRef ref) const;
    Result<std::vector<HostObject>> objectsAfter(std::size_t number) const;
};

Status RecordingReader::Impl::readHeaderAndSnapshot(std::ifstream& in, std::uint64_t& offset,
                                                    std::size_t& lineNumber)
{
    std::string line;
    if (!std::getline(in, line))
        return Status(hr::InvalidJson, path + ": empty file; not a recording.");
    offset += line.size() + 1;
    ++lineNumber;
    PlainJson first = PlainJson::parse(line, nullptr, false);
    auto parsedHeader = recording::parseHeader(first);
    if (!parsedHeader.ok())
        return Status(parsedHeader.code(), path + ": " + parsedHeader.status().detail());
    header = *parsedHeader;
    endMs = header.startedMs;

    if (!std::getline(in, line) || in.eof())
        return Status(hr::InvalidJson, path + ": the recording was cut before its snapshot was complete "
                                              "(line 2); there is no host to show.");
    offset += line.size() + 1;
    ++lineNumber;
    PlainJson snapshot;
    if (Status s = schema::parseObject(line, snapshot); !s.ok())
        return Status(s.code(), path + ": line 2 (the initial snapshot): " + s.detail());
    hnsVersion = snapshot.value("HnsVersion", PlainJson());
    schemaVersion = snapshot.value("SchemaVersion", PlainJson());
    for (ResourceKind kind : kResourceKinds) {
        auto section = snapshot.find(std::string(resourceKindPlural(kind)));
        if (section == snapshot.end() || !section->is_array())
            continue;
        for (PlainJson& document : *section) {
            if (!document.is_object() || !document.contains("ID") || !document["ID"].is_string())
                continue;
            const std::string id = canonicalObjectId(document["ID"].get<std::string>());
            if (id.empty())
                continue;
            const std::uint32_t object = objectIndex(id);
            if (initialDocuments.size() <= object) {
                initialDocuments.resize(object + 1);
                initialKinds.resize(object + 1, ResourceKind::Invalid);
            }
            initialDocuments[object] = std::make_shared<const PlainJson>(std::move(document));
            initialKinds[object] = kind;
        }
    }
    return Status::success();
}

bool RecordingReader::Impl::indexChange(PlainJson& line, std::uint64_t offset, std::size_t length,
                                        std::size_t lineNumber, bool withinDepth,
                                        std::vector<ObjectSlot>& state)
{
    const std::string where = "line " + std::to_string(lineNumber) + ": ";
    auto time = line.find("Time");
    auto typeValue = line.find("TypeValue");
    auto lineUpdates = line.find("Updates");
    std::optional<std::int64_t> timeMs;
    if (time != line.end() && time->is_string())
        timeMs = parseUtcMs(time->get_ref<const std::string&>());
    if (!timeMs || typeValue == line.end() || !typeValue->is_number_unsigned() || lineUpdates == line.end() ||
        !lineUpdates->is_array()) {
        warn(where + "a change without a usable Time, TypeValue or Updates; skipped.");
        return false;
    }
    IndexedChange c;
    c.timeMs = *timeMs;
    c.offset = offset;
    c.length = std::uint32_t(length);
    c.typeValue = typeValue->get<std::uint32_t>();
    c.sequence = line.value("Sequence", std::uint64_t(0));
    c.status = line.value("Status", HResult(hr::Ok));
    c.kind = resourceKindFromName(line.value("Kind", std::string()));
    c.polled = line.value("Polled", false);
    if (auto id = line.find("ID"); id != line.end() && id->is_string())
        c.objectId = objectIndex(canonicalObjectId(id->get<std::string>()));
    std::vector<IndexedUpdate> parsed;
    for (const PlainJson& u : *lineUpdates) {
        std::optional<HostUpdate::Op> op;
        if (u.is_array() && u.size() == 3 && u[0].is_string() && u[1].is_string() && u[2].is_string())
            op = recording::updateOpFromName(u[0].get_ref<const std::string&>());
        const ResourceKind kind =
            op ? resourceKindFromName(u[1].get_ref<const std::string&>()) : ResourceKind::Invalid;
        if (!op || kind == ResourceKind::Invalid || u[2].get_ref<const std::string&>().empty()) {
            warn(where +
                 "an update that is not [\"Create|Modify|Delete|Expect\", KIND, ID]; change skipped.");
            return false;
        }
        parsed.push_back(IndexedUpdate{objectIndex(canonicalObjectId(u[2].get<std::string>())), *op, kind});
    }
    if (!changes.empty() && c.timeMs < changes.back().timeMs) {
        // The clock went back (a time sync): keep the order of the file.
        c.timeMs = changes.back().timeMs;
    }
    c.firstUpdate = std::uint32_t(updates.size());
    c.updateCount = std::uint16_t(parsed.size());
    updates.insert(updates.end(), parsed.begin(), parsed.end());
    changes.push_back(c);
    applyChange(state, changes.size());
    // The documents, parsed once here for the keyframes (document() reads them back the same way).
    if (auto n = line.find("Notification"); n != line.end() && withinDepth) {
        const ParsedNotification notification = parseNotificationBase(
            c.sequence, static_cast<NotificationType>(c.typeValue), c.status, std::move(*n));
        if (notification.updates.size() == parsed.size())
            for (std::size_t i = 0; i < parsed.size(); ++i) {
                ObjectSlot& slot = state[parsed[i].object];
                if (slot.kind != ResourceKind::Invalid && slot.ref.change == changes.size() &&
                    slot.ref.part == i)
                    slot.document = notification.updates[i].document;
            }
    }
    if (changes.size() % keyframeInterval == 0)
        addKeyframe(state);
    return true;
}

Status RecordingReader::Impl::index(std::ifstream& in)
{
    std::uint64_t offset = 0;
    std::size_t lineNumber = 0;
    if (Status s = readHeaderAndSnapshot(in, offset, lineNumber); !s.ok())
        return s;
    std::vector<ObjectSlot> state(ids.size());
    for (std::uint32_t i = 0; i < initialKinds.size(); ++i)
        state[i] = ObjectSlot{initialKinds[i], DocumentRef{0, 0}, initialDocuments[i]};
    keyframeInterval = options.keyframeInterval;
    addKeyframe(state);
    std::string line;
    bool ended = false;
    while (std::getline(in, line)) {
        const bool complete = !in.eof();
        ++lineNumber;
        const std::uint64_t lineOffset = offset;
        offset += line.size() + (complete ? 1 : 0);
        if (line.empty())
            continue;
        std::string error;
        PlainJson parsed = parseIndexLine(line, error);
        if (!parsed.is_object()) {
            if (!complete) {
                cutDetail = "the recording has no end line: it was cut in the middle of its last line (" +
                            std::to_string(line.size()) + " bytes, dropped)";
                continue;
            }
            warn("line " + std::to_string(lineNumber) + ": not a JSON object (" +
                 (error.empty() ? std::string("other JSON") : error) + "); skipped.");
            continue;
        }
        if (ended) {
            warn("line " + std::to_string(lineNumber) + ": after the end line; skipped.");
            continue;
        }
        if (auto end = parsed.find("End"); end != parsed.end()) {
            ended = true;
            if (auto t = end->is_string() ? parseUtcMs(end->get_ref<const std::string&>()) : std::nullopt)
                endMs = std::max(*t, changes.empty() ? header.startedMs : changes.back().timeMs);
            endReason = parsed.value("Reason", std::string("ended"));
            continue;
        }
        if (!parsed.contains("Change")) {
            warn("line " + std::to_string(lineNumber) + ": neither a change nor the end line; skipped.");
            continue;
        }
        (void)indexChange(parsed, lineOffset, line.size(), lineNumber,
                          withinJsonDepth(line, kDefaultMaxJsonDepth), state);
    }
    if (!ended) {
        if (!changes.empty())
            endMs = changes.back().timeMs;
        const std::string kept = std::to_string(changes.size()) + " change" +
                                 (changes.size() == 1 ? "" : "s") + " up to " + formatUtcMs(endMs) +
                                 " are kept";
        cutDetail =
            cutDetail.empty()
                ? "the recording has no end line: it was cut (the recorder crashed, was killed or the "
                  "disk filled up); " +
                      kept
                : cutDetail + "; " + kept;
    }
    return Status::success();
}

Result<HostDocument> RecordingReader::Impl::document(DocumentRef ref) const
{
    const std::uint64_t key = (std::uint64_t(ref.change) << 16) | ref.part;
    std::lock_guard lock(cacheMutex);
    for (const auto* map : {&cache, &previousCache})
        if (auto it = map->find(key); it != map->end())
            return it->second;
    const IndexedChange& c = changes[ref.change - 1];
    std::string line(c.length, '\0');
    file.clear();
    file.seekg(std::streamoff(c.offset));
    if (!file.read(line.data(), std::streamsize(line.size())))
        return Status(hr::InvalidJson, path + ": cannot read change " + std::to_string(ref.change) +
                                           " again (was the file changed?).");
    PlainJson parsed;
    if (Status s = schema::parseObject(line, parsed); !s.ok())
        return Status(s.code(), path + ": change " + std::to_string(ref.change) + ": " + s.detail());
    PlainJson base;
    if (auto n = parsed.find("Notification"); n != parsed.end())
        base = std::move(*n);
    const ParsedNotification notification = parseNotificationBase(
        c.sequence, static_cast<NotificationType>(c.typeValue), c.status, std::move(base));
    if (notification.updates.size() != c.updateCount)
        return Status(hr::InvalidJson, path + ": change " + std::to_string(ref.change) +
                                           ": its Updates do not match its notification.");
    if (cache.size() >= options.documentCache / 2)
        previousCache = std::move(cache), cache.clear();
    HostDocument wanted;
    for (std::size_t i = 0; i < notification.updates.size(); ++i) {
        const HostDocument& d = notification.updates[i].document;
        if (!d)
            continue;
        cache[(std::uint64_t(ref.change) << 16) | i] = d;
        if (i == ref.part)
            wanted = d;
    }
    if (!wanted)
        return Status(hr::InvalidJson,
                      path + ": change " + std::to_string(ref.change) + " holds no document.");
    return wanted;
}

Result<std::vector<HostObject>> RecordingReader::Impl::objectsAfter(std::size_t number) const
{
    if (number > changes.size())
        return Status(hr::InvalidArg, "the recording has " + std::to_string(changes.size()) +
                                          " changes, not " + std::to_string(number) + ".");
    const std::size_t k = std::min(number / keyframeInterval, keyframes.size() - 1);
    std::vector<ObjectSlot> state(ids.size());
    for (const KeyframeEntry& e : keyframes[k].entries)
        state[e.object] = e.slot;
    for (std::size_t c = keyframes[k].changes + 1; c <= number; ++c)
        applyChange(state, c);
    std::vector<HostObject> objects;
    for (std::uint32_t i = 0; i < state.size(); ++i) {
        const ObjectSlot& slot = state[i];
        if (slot.kind == ResourceKind::Invalid)
            continue;
        HostDocument doc = slot.document;
        if (!doc && slot.ref.change == 0) {
            doc = initialDocuments[i];
        } else if (!doc) {
            auto loaded = document(slot.ref);
            if (!loaded.ok())
                return loaded.status();
            doc = std::move(*loaded);
        }
        objects.push_back(HostObject{slot.kind, ids[i], std::move(doc)});
    }
    return objects;
}

RecordingReader::RecordingReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RecordingReader::~RecordingReader() = default;

Result<std::unique_ptr<RecordingReader>> RecordingReader::open(const std::string& path)
{
    return open(path, Options{});
}

Result<std::unique_ptr<RecordingReader>> RecordingReader::open(const std::string& path, Options options)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->options = options;
    if (impl->options.keyframeInterval == 0)
        impl->options.keyframeInterval = 1;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status(hr::FileNotFound, "cannot read " + path + ".");
    if (Status s = impl->index(in); !s.ok())
        return s;
    impl->file.open(path, std::ios::binary);
    if (!impl->file)
        return Status(hr::FileNotFound, "cannot read " + path + ".");
    return std::unique_ptr<RecordingReader>(new RecordingReader(std::move(impl)));
}

const RecordingHeader& RecordingReader::header() const
{
    return m_impl->header;
}

std::size_t RecordingReader::changeCount() const
{
    return m_impl->changes.size();
}

RecordedChange RecordingReader::change(std::size_t number) const
{
    const IndexedChange& c = m_impl->changes.at(number - 1);
    RecordedChange out;
    out.number = number;
    out.timeMs = c.timeMs;
    out.sequence = c.sequence;
    out.type = static_cast<NotificationType>(c.typeValue);
    out.status = c.status;
    out.kind = c.kind;
    if (c.objectId != kNoObject)
        out.objectId = m_impl->ids[c.objectId];
    out.polled = c.polled;
    return out;
}

std::int64_t RecordingReader::startMs() const
{
    return m_impl->header.startedMs;
}

std::int64_t RecordingReader::endMs() const
{
    return m_impl->endMs;
}

const std::string& RecordingReader::endReason() const
{
    return m_impl->endReason;
}

const std::string& RecordingReader::cutDetail() const
{
    return m_impl->cutDetail;
}

const std::vector<std::string>& RecordingReader::warnings() const
{
    return m_impl->warnings;
}

std::size_t RecordingReader::skippedLines() const
{
    return m_impl->skipped;
}

std::size_t RecordingReader::keyframeInterval() const
{
    return m_impl->keyframeInterval;
}

std::size_t RecordingReader::keyframeCount() const
{
    return m_impl->keyframes.size();
}

std::size_t RecordingReader::keyframeDocuments() const
{
    return m_impl->keyframeDocuments;
}

std::size_t RecordingReader::changesAt(std::int64_t timeMs) const
{
    const auto& changes = m_impl->changes;
    return std::size_t(std::upper_bound(changes.begin(), changes.end(), timeMs,
                                        [](std::int64_t t, const IndexedChange& c) { return t < c.timeMs; }) -
                       changes.begin());
}

Result<std::size_t> RecordingReader::changesAt(const RecordingMoment& moment) const
{
    switch (moment.type) {
    case RecordingMoment::Type::End:
        return changeCount();
    case RecordingMoment::Type::Change:
        if (moment.change > changeCount())
            return Status(hr::InvalidArg, "the recording has " + std::to_string(changeCount()) + " change" +
                                              (changeCount() == 1 ? "" : "s") + ", so there is no #" +
                                              std::to_string(moment.change) + ".");
        return std::size_t(moment.change);
    case RecordingMoment::Type::Time:
    case RecordingMoment::Type::Offset: {
        const std::int64_t t =
            moment.type == RecordingMoment::Type::Time ? moment.timeMs : startMs() + moment.offsetMs;
        if (t < startMs())
            return Status(hr::InvalidArg, formatUtcMs(t) + " is before the recording started (" +
                                              formatUtcMs(startMs()) + ").");
        return changesAt(t);
    }
    }
    return changeCount();
}

Result<HostState> RecordingReader::hostAfter(std::size_t changes) const
{
    auto objects = m_impl->objectsAfter(changes);
    if (!objects.ok())
        return objects.status();
    HostState host;
    (void)host.assign(std::move(*objects));
    return host;
}

Result<std::string> RecordingReader::snapshotAfter(std::size_t changes) const
{
    auto objects = m_impl->objectsAfter(changes);
    if (!objects.ok())
        return objects.status();
    PlainJson out = PlainJson::object();
    if (!m_impl->hnsVersion.is_null())
        out["HnsVersion"] = m_impl->hnsVersion;
    if (!m_impl->schemaVersion.is_null())
        out["SchemaVersion"] = m_impl->schemaVersion;
    std::sort(objects->begin(), objects->end(),
              [](const HostObject& a, const HostObject& b) { return a.id < b.id; });
    for (ResourceKind kind : kResourceKinds) {
        auto& section = out[std::string(resourceKindPlural(kind))] = PlainJson::array();
        for (const HostObject& o : *objects)
            if (o.kind == kind)
                section.push_back(*o.document);
    }
    return out.dump(-1, ' ', false, PlainJson::error_handler_t::replace);
}

} // namespace hcn
