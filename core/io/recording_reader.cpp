// RecordingReader: indexes a recording once and builds the host at any moment from the nearest keyframe
// (hcn/recording.h, docs/recordings.md).
//
// The index keeps, per change, its time, where its line is and what it does to a copy (the line's
// "Updates"); indexing reads no document. A keyframe every N changes names the line holding each live
// object's document then (no document). Apart from the keyframes, the reader keeps parsed the documents
// that stay longest (the initial snapshot's, then the versions that last the most changes, at most
// Options::heldDocuments in all), each as the HostObject a HostState shares: a moment is mostly made of
// them. Building the host at change k copies the keyframe before k, replays fewer than N changes'
// updates and reads back from their lines only the documents not held (through a bounded cache).

#include "common/json_member.h"
#include "hcn/json_limits.h"
#include "hcn/recording.h"
#include "hcn/schema_normalizer.h"
#include "hcn/utc_time.h"
#include "io/json_repair.h"
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
using SharedObject = std::shared_ptr<const HostObject>;

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

/// A line parsed for the index: its "Notification" (the documents) and "NotificationText" skipped.
PlainJson parseIndexLine(const std::string& line, std::string& error)
{
    try {
        PlainJson::parser_callback_t skipDocuments = [](int depth, PlainJson::parse_event_t event,
                                                        PlainJson& parsed) {
            return !(depth == 1 && event == PlainJson::parse_event_t::key &&
                     (parsed == "Notification" || parsed == "NotificationText"));
        };
        return PlainJson::parse(line, skipDocuments);
    } catch (const PlainJson::exception& e) {
        error = e.what();
        return PlainJson();
    }
}

/// The text of member `key` of the object `line` is (its value as written), found without parsing;
/// empty when the line has none at its top level or is not an object.
std::string_view topLevelMember(std::string_view line, std::string_view key)
{
    constexpr std::string_view kSpace = " \t\r\n";
    io::JsonStringState strings;
    int depth = 0;
    bool expectKey = false;
    std::size_t stringStart = 0;
    std::size_t valueStart = std::string_view::npos; // once the key is found
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const bool wasInString = strings.inString();
        if (strings.step(c)) {
            if (!wasInString)
                stringStart = i + 1;
            else if (!strings.inString() && depth == 1 && expectKey && valueStart == std::string_view::npos) {
                expectKey = false;
                if (line.substr(stringStart, i - stringStart) != key)
                    continue;
                const std::size_t colon = line.find_first_not_of(kSpace, i + 1);
                if (colon == std::string_view::npos || line[colon] != ':')
                    return {};
                valueStart = line.find_first_not_of(kSpace, colon + 1);
                if (valueStart == std::string_view::npos)
                    return {};
                i = valueStart - 1;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
            expectKey = c == '{' && depth == 1;
        } else if ((c == '}' || c == ']' || c == ',') && depth == 1 && valueStart != std::string_view::npos) {
            // The value ends where the top level goes on or closes.
            return c == ']' ? std::string_view() : line.substr(valueStart, i - valueStart);
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return {};
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
    std::vector<SharedObject> initialObjects; // by object index (objects of the snapshot)
    std::vector<IndexedChange> changes;       // changes[0] is change 1
    std::vector<IndexedUpdate> updates;
    std::vector<SharedObject> held;   // by update: its object with its document, when held
    std::size_t heldCount = 0;        // the documents held, the initial snapshot's included
    std::vector<Keyframe> keyframes;  // keyframes[i]: after i * keyframeInterval changes
    std::size_t keyframeInterval = 1; // Options::keyframeInterval

    mutable std::mutex cacheMutex;
    mutable std::ifstream file; // guarded by cacheMutex
    mutable std::unordered_map<std::uint64_t, SharedObject> cache, previousCache;

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
            state[update.object] = ObjectSlot{update.kind, ref};
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

    /// Keeps a keyframe of `state` (after every change so far).
    void addKeyframe(const std::vector<ObjectSlot>& state)
    {
        Keyframe keyframe;
        keyframe.changes = changes.size();
        for (std::uint32_t i = 0; i < state.size(); ++i)
            if (state[i].kind != ResourceKind::Invalid)
                keyframe.entries.push_back(KeyframeEntry{i, state[i]});
        keyframes.push_back(std::move(keyframe));
    }

    Status readHeaderAndSnapshot(std::ifstream& in, std::uint64_t& offset, std::size_t& lineNumber);
    Status index(std::ifstream& in);
    bool indexChange(PlainJson& line, std::uint64_t offset, std::size_t length, std::size_t lineNumber,
                     std::vector<ObjectSlot>& state);
    /// Parses the documents held (holdLongest's choice) from their lines.
    void holdLongest();
    /// The objects change `number`'s line (`line`) stores, by update (null where it stores none).
    Result<std::vector<SharedObject>> parseChange(std::size_t number, std::string_view line) const;
    /// Reads the lines of changes `numbers` (rising) again, nearby ones with one read, and hands each
    /// change's objects (or why they cannot be had) to `each`. Needs cacheMutex held once the reader is
    /// open.
    template <typename Each> void readChanges(const std::vector<std::uint32_t>& numbers, Each&& each) const;
    Result<SharedHostObjects> objectsAfter(std::size_t number) const;
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
            if (initialObjects.size() <= object)
                initialObjects.resize(object + 1);
            if (!initialObjects[object])
                ++heldCount;
            initialObjects[object] = std::make_shared<const HostObject>(
                HostObject{kind, id, std::make_shared<const PlainJson>(std::move(document))});
        }
    }
    return Status::success();
}

bool RecordingReader::Impl::indexChange(PlainJson& line, std::uint64_t offset, std::size_t length,
                                        std::size_t lineNumber, std::vector<ObjectSlot>& state)
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
    c.sequence = memberOr(line, "Sequence", std::uint64_t(0));
    c.status = memberOr(line, "Status", HResult(hr::Ok));
    c.kind = resourceKindFromName(textMember(line, "Kind"));
    c.polled = memberOr(line, "Polled", false);
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
    for (std::uint32_t i = 0; i < initialObjects.size(); ++i)
        if (initialObjects[i])
            state[i] = ObjectSlot{initialObjects[i]->kind, DocumentRef{0, 0}};
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
            endReason = memberOr(parsed, "Reason", std::string("ended"));
            continue;
        }
        if (!parsed.contains("Change")) {
            warn("line " + std::to_string(lineNumber) + ": neither a change nor the end line; skipped.");
            continue;
        }
        (void)indexChange(parsed, lineOffset, line.size(), lineNumber, state);
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

void RecordingReader::Impl::holdLongest()
{
    // How many moments each stored document lasts: from its change to the next change storing or
    // dropping its object (or past the end).
    struct Version
    {
        std::uint32_t lasts = 0;
        std::uint32_t update = 0;
    };
    std::vector<Version> versions;
    std::vector<std::uint32_t> live(ids.size(), kNoObject); // by object: its version, when stored
    for (std::size_t n = 1; n <= changes.size(); ++n) {
        const IndexedChange& c = changes[n - 1];
        for (std::uint32_t u = c.firstUpdate; u < c.firstUpdate + c.updateCount; ++u) {
            const IndexedUpdate& update = updates[u];
            if (update.op == HostUpdate::Op::Expect)
                continue;
            std::uint32_t& version = live[update.object];
            if (version != kNoObject)
                versions[version].lasts = std::uint32_t(n) - versions[version].lasts;
            version = kNoObject;
            if (update.op == HostUpdate::Op::Delete)
                continue;
            version = std::uint32_t(versions.size());
            versions.push_back(Version{std::uint32_t(n), u}); // `lasts` holds its change until it ends
        }
    }
    for (std::uint32_t version : live)
        if (version != kNoObject)
            versions[version].lasts = std::uint32_t(changes.size() + 1) - versions[version].lasts;
    std::erase_if(versions, [](const Version& v) { return v.lasts == 0; }); // replaced within its change
    const std::size_t budget = options.heldDocuments > heldCount ? options.heldDocuments - heldCount : 0;
    if (versions.size() > budget) {
        std::nth_element(versions.begin(), versions.begin() + std::ptrdiff_t(budget), versions.end(),
                         [](const Version& a, const Version& b) { return a.lasts > b.lasts; });
        versions.resize(budget);
    }
    std::sort(versions.begin(), versions.end(),
              [](const Version& a, const Version& b) { return a.update < b.update; });
    held.assign(updates.size(), nullptr);
    std::vector<std::uint32_t> numbers; // the changes holding them, rising
    std::size_t n = 0;
    for (const Version& v : versions) {
        while (changes[n].firstUpdate + changes[n].updateCount <= v.update)
            ++n;
        if (numbers.empty() || numbers.back() != n + 1)
            numbers.push_back(std::uint32_t(n + 1));
    }
    std::size_t v = 0;
    readChanges(numbers, [&](std::size_t number, const Result<std::vector<SharedObject>>& objects) {
        const IndexedChange& c = changes[number - 1];
        for (; v < versions.size() && versions[v].update < c.firstUpdate + c.updateCount; ++v) {
            // A line that cannot be read again is left to the build that needs it, which says why.
            const std::uint32_t u = versions[v].update;
            if (objects.ok() && (*objects)[u - c.firstUpdate]) {
                held[u] = (*objects)[u - c.firstUpdate];
                ++heldCount;
            }
        }
    });
}

template <typename Each>
void RecordingReader::Impl::readChanges(const std::vector<std::uint32_t>& numbers, Each&& each) const
{
    // Lines less than this apart are read together, up to this much at once.
    constexpr std::uint64_t kGap = 64 * 1024, kMaxRead = 4 * 1024 * 1024;
    std::string buffer;
    for (std::size_t first = 0; first < numbers.size();) {
        const std::uint64_t start = changes[numbers[first] - 1].offset;
        std::size_t last = first;
        std::uint64_t end = start + changes[numbers[first] - 1].length;
        while (last + 1 < numbers.size()) {
            const IndexedChange& next = changes[numbers[last + 1] - 1];
            if (next.offset > end + kGap || next.offset + next.length - start > kMaxRead)
                break;
            end = std::max(end, next.offset + next.length);
            ++last;
        }
        buffer.resize(std::size_t(end - start));
        file.clear();
        file.seekg(std::streamoff(start));
        const bool read = bool(file.read(buffer.data(), std::streamsize(buffer.size())));
        for (std::size_t i = first; i <= last; ++i) {
            const IndexedChange& c = changes[numbers[i] - 1];
            if (!read)
                each(numbers[i],
                     Result<std::vector<SharedObject>>(
                         Status(hr::InvalidJson, path + ": cannot read change " + std::to_string(numbers[i]) +
                                                     " again (was the file changed?).")));
            else
                each(numbers[i], parseChange(numbers[i], std::string_view(buffer).substr(
                                                             std::size_t(c.offset - start), c.length)));
        }
        first = last + 1;
    }
}

Result<std::vector<SharedObject>> RecordingReader::Impl::parseChange(std::size_t number,
                                                                     std::string_view line) const
{
    const IndexedChange& c = changes[number - 1];
    // Only the NotificationBase is parsed: the rest of the line is in the index already.
    const std::string_view notificationText = topLevelMember(line, "Notification");
    PlainJson base;
    if (Status s =
            schema::parseObject(notificationText.empty() ? std::string_view("null") : notificationText, base);
        !s.ok())
        return Status(s.code(), path + ": change " + std::to_string(number) + ": " + s.detail());
    const ParsedNotification notification = parseNotificationBase(
        c.sequence, static_cast<NotificationType>(c.typeValue), c.status, std::move(base));
    if (notification.updates.size() != c.updateCount)
        return Status(hr::InvalidJson, path + ": change " + std::to_string(number) +
                                           ": its Updates do not match its notification.");
    std::vector<SharedObject> objects(c.updateCount);
    for (std::size_t i = 0; i < notification.updates.size(); ++i) {
        const IndexedUpdate& update = updates[c.firstUpdate + i];
        if (const HostDocument& d = notification.updates[i].document)
            objects[i] = std::make_shared<const HostObject>(HostObject{update.kind, ids[update.object], d});
    }
    return objects;
}

Result<SharedHostObjects> RecordingReader::Impl::objectsAfter(std::size_t number) const
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
    SharedHostObjects objects;
    std::vector<std::pair<DocumentRef, std::size_t>> missing; // documents not held, where they go
    for (std::uint32_t i = 0; i < state.size(); ++i) {
        const ObjectSlot& slot = state[i];
        if (slot.kind == ResourceKind::Invalid)
            continue;
        if (slot.ref.change == 0)
            objects.push_back(initialObjects[i]);
        else if (const SharedObject& kept = held[changes[slot.ref.change - 1].firstUpdate + slot.ref.part])
            objects.push_back(kept);
        else {
            missing.emplace_back(slot.ref, objects.size());
            objects.emplace_back();
        }
    }
    if (missing.empty())
        return objects;

    auto key = [](DocumentRef ref) { return (std::uint64_t(ref.change) << 16) | ref.part; };
    std::lock_guard lock(cacheMutex);
    std::vector<std::uint32_t> numbers; // the changes to read again
    for (const auto& [ref, at] : missing) {
        for (const auto* map : {&cache, &previousCache})
            if (auto it = map->find(key(ref)); it != map->end()) {
                objects[at] = it->second;
                break;
            }
        if (!objects[at])
            numbers.push_back(ref.change);
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::sort(missing.begin(), missing.end(),
              [](const auto& a, const auto& b) { return a.first.change < b.first.change; });
    Status failed = Status::success();
    auto next = missing.begin();
    readChanges(numbers, [&](std::size_t change, const Result<std::vector<SharedObject>>& read) {
        if (!read.ok()) {
            if (failed.ok())
                failed = read.status();
            return;
        }
        if (cache.size() >= options.documentCache / 2)
            previousCache = std::move(cache), cache.clear();
        for (std::size_t i = 0; i < read->size(); ++i)
            if ((*read)[i])
                cache[key(DocumentRef{std::uint32_t(change), std::uint16_t(i)})] = (*read)[i];
        for (; next != missing.end() && next->first.change <= change; ++next)
            if (next->first.change == change && !objects[next->second])
                objects[next->second] = (*read)[next->first.part];
    });
    if (!failed.ok())
        return failed;
    for (const auto& [ref, at] : missing)
        if (!objects[at])
            return Status(hr::InvalidJson,
                          path + ": change " + std::to_string(ref.change) + " holds no document.");
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
    impl->holdLongest();
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

std::size_t RecordingReader::heldDocuments() const
{
    return m_impl->heldCount;
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
    return HostState(*objects);
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
              [](const SharedObject& a, const SharedObject& b) { return a->id < b->id; });
    for (ResourceKind kind : kResourceKinds) {
        auto& section = out[std::string(resourceKindPlural(kind))] = PlainJson::array();
        for (const SharedObject& o : *objects)
            if (o->kind == kind)
                section.push_back(*o->document);
    }
    return out.dump(-1, ' ', false, PlainJson::error_handler_t::replace);
}

} // namespace hcn
