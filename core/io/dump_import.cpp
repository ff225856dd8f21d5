// The import as a whole: each source decoded, cleaned and read by every format reader; the objects
// found mapped to v2, merged and linked; the snapshot document and its report put together.

#include "hcn/dump_import.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "hcn/bundle.h"
#include "hcn/dump_formats.h"
#include "io/cmdlet_error_records.h"
#include "io/csv_log_lines.h"
#include "io/event_list.h"
#include "io/failed_lookup_effects.h"
#include "io/failed_lookups.h"
#include "io/fatal_exits.h"
#include "io/hns_event_records.h"
#include "io/hns_member.h"
#include "io/hns_service_commands.h"
#include "io/hns_service_stops.h"
#include "io/hnsdiag_adapters.h"
#include "io/import_objects.h"
#include "io/json_log_records.h"
#include "io/kube_proxy_panics.h"
#include "io/kube_proxy_queries.h"
#include "io/logged_error.h"
#include "io/logged_operations.h"
#include "io/non_hns_objects.h"
#include "io/object_counts.h"
#include "io/object_states.h"
#include "io/platform_events.h"
#include "io/prose_codes.h"
#include "io/repeated_requests.h"
#include "io/request_answer.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

namespace hcn::io {
namespace {

using json = nlohmann::json;

/// Objects mapped between two looks at ImportOptions::progress.
constexpr std::size_t kSightingsPerProgress = 1000;

/// At most this many losses are spelled out in one object's report message.
constexpr std::size_t kLossesInMessage = 3;
/// The sources that gave nothing are named to this many.
constexpr std::size_t kNamedEmptySources = 20;
/// Objects of one kind and source that lost the same things from this many on share one loss message.
constexpr std::size_t kObjectsPerSharedLossMessage = 4;

std::string_view formatName(DumpFormat format)
{
    switch (format) {
    case DumpFormat::Json:
        return "json";
    case DumpFormat::ListView:
        return "listview";
    case DumpFormat::Table:
        return "table";
    case DumpFormat::GoStruct:
        return "gostruct";
    case DumpFormat::CliXml:
        return "clixml";
    }
    return "json";
}

DumpFormat formatFromName(std::string_view name)
{
    if (name == "listview")
        return DumpFormat::ListView;
    if (name == "table")
        return DumpFormat::Table;
    if (name == "gostruct")
        return DumpFormat::GoStruct;
    if (name == "clixml")
        return DumpFormat::CliXml;
    return DumpFormat::Json;
}

ImportSeverity severityFromName(std::string_view name)
{
    if (name == "info")
        return ImportSeverity::Info;
    if (name == "error")
        return ImportSeverity::Error;
    return ImportSeverity::Warning;
}

/// `message` without the "line N: " or "lines N-M: " a reader starts it with, when that names the
/// lines the message carries anyway (every report shows them before the message).
std::string withoutOwnLines(const ImportWarning& w)
{
    const std::string lines = w.lastLine > w.firstLine ? "lines " + std::to_string(w.firstLine) + "-" +
                                                             std::to_string(w.lastLine) + ": "
                                                       : "line " + std::to_string(w.firstLine) + ": ";
    if (w.firstLine > 0 && w.message.size() > lines.size() && w.message.compare(0, lines.size(), lines) == 0)
        return w.message.substr(lines.size());
    return w.message;
}

/// A message of `severity` about lines of `source` for each of `found` (a reader's findings: their lines
/// and message).
template <typename Finding>
void addLineMessages(std::vector<Finding> found, ImportSeverity severity, const std::string& source,
                     std::vector<ImportMessage>& messages)
{
    for (Finding& f : found)
        messages.push_back(
            {severity, source, f.firstLine, f.lastLine, ResourceKind::Invalid, {}, std::move(f.message)});
}

void addWarnings(const ExtractResult& extracted, const std::string& source, std::vector<ImportMessage>& messages)
{
    for (const auto& [severity, said] : {std::pair{ImportSeverity::Warning, &extracted.warnings},
                                         std::pair{ImportSeverity::Info, &extracted.infos}})
        for (const ImportWarning& w : *said)
            messages.push_back(
                {severity, source, w.firstLine, w.lastLine, ResourceKind::Invalid, {}, withoutOwnLines(w)});
    for (const ImportWarning& w : extracted.loggedInfos) {
        messages.push_back({ImportSeverity::Info,
                            source,
                            w.firstLine,
                            w.lastLine,
                            ResourceKind::Invalid,
                            {},
                            withoutOwnLines(w)});
        messages.back().logged = true;
    }
}

/// The lines of the values read as Go dumps, and of text another reader read as its own that holds no
/// value (ExtractResult::readWithoutValues), as disjoint ranges: first line -> last line.
std::map<int, int> linesReadAsGoDumps(const std::vector<ExtractResult>& results)
{
    std::vector<std::pair<int, int>> ranges;
    for (const ExtractResult& r : results)
        for (const FoundValue& v : r.values)
            if (v.format == DumpFormat::GoStruct)
                ranges.emplace_back(v.firstLine, std::max(v.firstLine, v.lastLine));
    for (const ExtractResult& r : results)
        ranges.insert(ranges.end(), r.readWithoutValues.begin(), r.readWithoutValues.end());
    std::sort(ranges.begin(), ranges.end());
    std::map<int, int> merged;
    for (const auto& [first, last] : ranges) {
        if (!merged.empty() && first <= std::prev(merged.end())->second + 1)
            std::prev(merged.end())->second = std::max(std::prev(merged.end())->second, last);
        else
            merged.emplace(first, last);
    }
    return merged;
}

/// The JSON reader's complaints about lines read as a Go dump (`[{Key:` is no JSON) are no problem of
/// the dump: they are left out, and so are failed HNS answers it read there.
void dropJsonWarningsAboutGoDumps(std::vector<ExtractResult>& results,
                                  std::vector<FailedAnswer>& failedAnswers)
{
    const std::map<int, int> goLines = linesReadAsGoDumps(results);
    const auto readAsGoDump = [&](int firstLine, int lastLine) {
        auto it = goLines.upper_bound(firstLine);
        return it != goLines.begin() && std::prev(it)->second >= std::max(firstLine, lastLine);
    };
    std::erase_if(results.front().warnings,
                  [&](const ImportWarning& w) { return readAsGoDump(w.firstLine, w.lastLine); });
    std::erase_if(failedAnswers,
                  [&](const FailedAnswer& a) { return readAsGoDump(a.firstLine, a.lastLine); });
}

/// A warning per failed HNS answer, each named in `named` for reportLoggedRefusals.
void addFailedAnswers(const std::vector<FailedAnswer>& failedAnswers, const std::string& source,
                      std::vector<ImportMessage>& messages, std::vector<detail::NamedRefusal>& named)
{
    for (const FailedAnswer& a : failedAnswers) {
        named.push_back({source, a.firstLine, a.lastLine, a.error, messages.size(), true});
        named.back().code = a.code;
        named.back().operation = a.operation;
        named.back().errorWithoutOperation = a.errorWithoutOperation;
        messages.push_back({ImportSeverity::Warning,
                            source,
                            a.firstLine,
                            a.lastLine,
                            ResourceKind::Invalid,
                            {},
                            failedAnswerMessage(a)});
    }
}

/// Sightings from `first` on (of a JSON value read whole: it starts and ends in the dump) that are the
/// settings a caller passes to HcnCreateNetwork, ... (settingsDocumentFunction) are no objects: each
/// leaves with an info saying what it asks.
void dropSettingsDocuments(std::vector<detail::Sighting>& sightings, std::size_t first,
                           std::vector<ImportMessage>& messages)
{
    const auto settings = [&](detail::Sighting& s) {
        if (!s.lost.empty() || !s.cutId.empty())
            return false;
        const std::string function = settingsDocumentFunction(s.document, s.kind);
        if (function.empty())
            return false;
        std::string asked = describeRequest({}, s.document, s.kind);
        if (asked.starts_with("create "))
            asked.erase(0, 7);
        messages.push_back(
            {ImportSeverity::Info,
             s.source,
             s.firstLine,
             s.lastLine,
             ResourceKind::Invalid,
             {},
             "a settings document for " + function + " (a request): " + asked +
                 ", a whole v2 document without an ID; not an object HNS holds; not imported"});
        return true;
    };
    sightings.erase(std::remove_if(sightings.begin() + std::ptrdiff_t(first), sightings.end(), settings),
                    sightings.end());
}

/// The list views of `lines`, a block cut in its ID named as this import classifies objects.
ExtractResult readListViews(const std::vector<CleanedLine>& lines)
{
    return extractListViewObjects(lines, [](const json& members, ResourceKind hint) {
        bool isV1 = false;
        return detail::classifyObject(members, hint, isV1);
    });
}

/// The longest heading line read as the words before a value (FoundValue::context), as the readers keep.
constexpr std::size_t kMaxHeadingContext = 120;

/// A JSON value or Go dump that starts its line with no words before it, right under a line that ends in
/// a colon and names a body sent to HNS (`Sample Input to HNS:`, `Request body:`, `Payload:`;
/// isRequestContext), takes that line as its words: a text shows the request it explains that way.
void takeRequestHeadings(const std::vector<CleanedLine>& lines, std::vector<ExtractResult>& results)
{
    for (ExtractResult& result : results)
        for (FoundValue& value : result.values) {
            if (!value.context.empty() ||
                (value.format != DumpFormat::Json && value.format != DumpFormat::GoStruct))
                continue;
            const auto at =
                std::lower_bound(lines.begin(), lines.end(), value.firstLine,
                                 [](const CleanedLine& l, int line) { return l.sourceLine < line; });
            if (at == lines.begin() || at == lines.end() || at->sourceLine != value.firstLine ||
                std::prev(at)->sourceLine != value.firstLine - 1)
                continue;
            const std::string_view heading = trimBlanks(std::string_view(std::prev(at)->text));
            if (heading.size() < 2 || heading.size() > kMaxHeadingContext || !heading.ends_with(':') ||
                !isRequestContext(heading))
                continue;
            value.context = std::string(heading);
        }
}

/// What the readers found in one text: the dump's own lines, or a text carried in one of its strings.
struct TextRead
{
    const std::vector<CleanedLine>* lines = nullptr;
    std::vector<ExtractResult> results; ///< one per reader, the JSON reader's first
    std::vector<FailedAnswer> failedAnswers;
};

/// Every reader's values in `lines`, read as a text of their own (no value spans the end of it); nullopt
/// when `stillWanted` says the import was cancelled meanwhile.
std::optional<TextRead> readText(const std::vector<CleanedLine>& lines,
                                 const std::function<bool()>& stillWanted)
{
    using Reader = ExtractResult (*)(const std::vector<CleanedLine>&);
    const Reader otherReaders[] = {extractGoStructDumps, extractGoSpewDumps,     readListViews,
                                   extractTables,        extractDelimitedTables, extractClixmlObjects};
    if (!stillWanted())
        return std::nullopt;
    TextRead read{&lines, {}, {}};
    read.results.push_back(extractJsonValues(lines, read.failedAnswers)); // the JSON reader comes first
    for (Reader reader : otherReaders) {
        if (!stillWanted())
            return std::nullopt;
        read.results.push_back(reader(lines));
    }
    dropJsonWarningsAboutGoDumps(read.results, read.failedAnswers);
    takeRequestHeadings(lines, read.results);
    return read;
}

/// Marks the messages from `first` on as stating what a log says of HNS.
void markLogged(std::vector<ImportMessage>& messages, std::size_t first)
{
    for (std::size_t i = first; i < messages.size(); ++i)
        messages[i].logged = true;
}

/// Reads one source into sightings; false when `stillWanted` says the import was cancelled meanwhile.
bool readSource(const DumpSource& source, std::vector<detail::Sighting>& sightings,
                std::vector<ImportMessage>& messages, std::uint64_t& hnsVersion,
                std::vector<LoggedOperations>& operations, std::vector<detail::PastedNonHnsObject>& pasted,
                std::vector<FailedCmdletRemoval>& removals, const std::function<bool()>& stillWanted)
{
    const std::size_t firstMessage = messages.size();
    Result<DecodedText> decoded = decodeDumpText(source.bytes);
    if (!decoded) {
        messages.push_back({ImportSeverity::Error, source.name, 0, 0, ResourceKind::Invalid, {},
                            decoded.status().detail().empty() ? decoded.status().message() : decoded.status().detail()});
        return true;
    }
    if (decoded->encoding == TextEncoding::Windows1252)
        messages.push_back({ImportSeverity::Info,
                            source.name,
                            0,
                            0,
                            ResourceKind::Invalid,
                            {},
                            "the text is not UTF-8; it was read as Windows-1252 (the ANSI code page that "
                            "Windows PowerShell 5.1's Set-Content and Out-File -Encoding Default write)"});
    if (!decoded->mixedEncodings.empty())
        messages.push_back({ImportSeverity::Info,
                            source.name,
                            0,
                            0,
                            ResourceKind::Invalid,
                            {},
                            "the file holds text in more than one encoding (" + decoded->mixedEncodings +
                                "), as when output is appended with >> by another shell; each part was "
                                "read in its own"});
    if (decoded->replacedInvalid)
        messages.push_back({ImportSeverity::Warning, source.name, 0, 0, ResourceKind::Invalid, {},
                            "some bytes are not valid text in the encoding found and were replaced"});
    addLineMessages(std::move(decoded->warnings), ImportSeverity::Warning, source.name, messages);
    std::vector<std::string> notes = std::move(decoded->notes);
    std::vector<CleanedLine> lines = cleanPastedText(decoded->text, &notes);
    for (std::string& note : notes)
        messages.push_back(
            {ImportSeverity::Info, source.name, 0, 0, ResourceKind::Invalid, {}, std::move(note)});
    addLineMessages(joinWrappedListValues(lines), ImportSeverity::Info, source.name, messages);
    if (const std::size_t unquoted = unquoteCsvLogLines(lines); unquoted > 0)
        messages.push_back({ImportSeverity::Info,
                            source.name,
                            0,
                            0,
                            ResourceKind::Invalid,
                            {},
                            std::to_string(unquoted) +
                                " lines are log lines quoted as CSV fields (a log exported as CSV); they "
                                "were read unquoted, their doubled quotes made single"});
    std::vector<std::vector<CleanedLine>> carried = unwrapJsonLogRecords(lines);
    std::vector<TextRead> texts;
    for (std::size_t t = 0; t <= carried.size(); ++t) {
        std::optional<TextRead> read = readText(t == 0 ? lines : carried[t - 1], stillWanted);
        if (!read)
            return false;
        texts.push_back(std::move(*read));
    }
    const std::size_t first = sightings.size();
    std::vector<detail::FailedRequest> failedRequests;
    std::vector<detail::NamedRefusal> namedRefusals;
    for (TextRead& text : texts) {
        addFailedAnswers(text.failedAnswers, source.name, messages, namedRefusals);
        // Said after the JSON reader's warnings (a cut answer's), before its values.
        std::vector<ImportWarning> completed = completeCutAnswersFromRequests(text.results);
        for (ExtractResult& extracted : text.results) {
            addWarnings(extracted, source.name, messages);
            addLineMessages(std::exchange(completed, {}), ImportSeverity::Info, source.name, messages);
            RepeatedRequests requests(extracted.values, *text.lines);
            for (std::size_t v = 0; v < extracted.values.size(); ++v) {
                FoundValue& value = extracted.values[v];
                if (requests.sayAgain(v, messages))
                    continue;
                const std::size_t before = sightings.size();
                const std::size_t said = messages.size();
                const bool whole = value.format == DumpFormat::Json && !value.startCut && !value.cutOff &&
                                   !value.fromEnvelope;
                detail::collectSightings(std::move(value), source.name, sightings, messages, hnsVersion,
                                         failedRequests, namedRefusals, pasted);
                requests.collected(v, said, messages);
                if (whole)
                    dropSettingsDocuments(sightings, before, messages);
            }
            requests.finish(source.name, messages);
        }
    }
    // The log readers below read the carried texts too, after the dump's own lines.
    for (std::vector<CleanedLine>& text : carried) {
        lines.emplace_back(CleanedLine{std::string(), text.front().sourceLine});
        std::move(text.begin(), text.end(), std::back_inserter(lines));
    }
    detail::dropRepeatedFailedRequests(sightings, first, failedRequests, messages);
    detail::keyBySourceText(sightings, first, lines);
    const std::size_t firstLogged = messages.size();
    detail::reportLoggedRefusals(lines, source.name, namedRefusals, messages);
    for (FailedCmdletRemoval& removal : failedCmdletRemovalsIn(lines, source.name, namedRefusals))
        removals.push_back(std::move(removal));
    addLineMessages(hnsServiceStops(lines), ImportSeverity::Warning, source.name, messages);
    HnsServiceCommands serviceCommands = hnsServiceCommandsIn(lines);
    addLineMessages(std::move(serviceCommands.warnings), ImportSeverity::Warning, source.name, messages);
    addLineMessages(std::move(serviceCommands.infos), ImportSeverity::Info, source.name, messages);
    // What a failed lookup did (a program exited, waits, an operation failed) is a warning; the other
    // lookups are infos.
    LookupEffects effects = failedLookupEffectsIn(lines);
    addLineMessages(std::move(effects.warnings), ImportSeverity::Warning, source.name, messages);
    addLineMessages(failedLookupsIn(lines, effects.lines), ImportSeverity::Info, source.name, messages);
    addLineMessages(hnsEventRecordsDone(lines), ImportSeverity::Info, source.name, messages);
    addLineMessages(hnsdiagAdaptersIn(lines), ImportSeverity::Info, source.name, messages);
    addLineMessages(platformErrorEvents(lines, namedRefusals, messages), ImportSeverity::Warning, source.name,
                    messages);
    // What a log counts of HNS: kube-proxy's queries, counts of objects over time.
    std::vector<std::pair<int, int>> objectLines;
    for (std::size_t i = first; i < sightings.size(); ++i)
        objectLines.emplace_back(sightings[i].firstLine, sightings[i].lastLine);
    addLineMessages(kubeProxyQueriesIn(lines), ImportSeverity::Info, source.name, messages);
    addLineMessages(objectCountsIn(lines, objectLines), ImportSeverity::Info, source.name, messages);
    // A program exiting that no failure or lookup above states, at any of its lines, outside the objects.
    std::vector<std::pair<int, int>> stated = objectLines;
    for (const detail::NamedRefusal& refusal : namedRefusals)
        if (refusal.source == source.name && refusal.firstLine > 0)
            stated.emplace_back(refusal.firstLine, std::max(refusal.firstLine, refusal.lastLine));
    for (const int line : effects.lines)
        stated.emplace_back(line, line);
    // kube-proxy's panics: the `panic:` line of one is said with its trace, not again as an exit.
    addLineMessages(kubeProxyPanicsIn(lines, stated), ImportSeverity::Warning, source.name, messages);
    addLineMessages(fatalExitsIn(lines, source.name, stated), ImportSeverity::Warning, source.name, messages);
    markLogged(messages, firstLogged);
    for (const detail::NamedRefusal& refusal : namedRefusals)
        if (refusal.message < messages.size())
            messages[refusal.message].logged = true;
    // Codes the text names outside those lines and outside log lines: an info, not what a log says of HNS.
    addLineMessages(codesNamedInProse(lines, stated), ImportSeverity::Info, source.name, messages);
    // Lines an object or a message states are not read again for objects a log only names.
    std::vector<std::pair<int, int>> shown = std::move(objectLines);
    for (std::size_t i = firstMessage; i < messages.size(); ++i)
        if (messages[i].source == source.name && messages[i].firstLine > 0)
            shown.emplace_back(messages[i].firstLine, std::max(messages[i].firstLine, messages[i].lastLine));
    operations.push_back(operationsLoggedIn(lines, source.name, namedRefusals, shown));
    return true;
}

/// "name (ID)", or the ID alone for an object without a name.
std::string objectLabel(const ImportedObject& o)
{
    return o.name.empty() ? o.id : o.name + " (" + o.id + ")";
}

std::string lossesText(const std::vector<std::string>& lost)
{
    return cappedList(lost, kLossesInMessage, "; ", "; ");
}

/// An Info message per object that the dump did not carry in full, so the report lists it. Objects of
/// one kind and source that lost the same things (what a format never shows: every row of an hnsdiag
/// table) share one message, so a dump of 3,000 rows says it once; each object keeps its own `lost`.
void reportLosses(const detail::LinkedObjects& linked, std::vector<ImportMessage>& messages)
{
    using GroupKey = std::tuple<std::string, ResourceKind, std::vector<std::string>>;
    std::map<GroupKey, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < linked.objects.size(); ++i) {
        const ImportedObject& o = linked.objects[i];
        if (!o.lost.empty())
            groups[{o.source, o.kind, o.lost}].push_back(i);
    }
    // In the order of the objects; a shared message where the first object it names is.
    for (std::size_t i = 0; i < linked.objects.size(); ++i) {
        const ImportedObject& o = linked.objects[i];
        if (o.lost.empty())
            continue;
        const std::vector<std::size_t>& members = groups.at({o.source, o.kind, o.lost});
        if (members.size() < kObjectsPerSharedLossMessage) {
            messages.push_back({ImportSeverity::Info, o.source, o.firstLine, o.lastLine, o.kind, o.id,
                                std::string(resourceKindLabel(o.kind)) + " " + objectLabel(o) +
                                    ": not carried in full by the dump: " + lossesText(o.lost)});
            continue;
        }
        if (members.front() != i)
            continue;
        int firstLine = o.firstLine;
        int lastLine = o.lastLine;
        std::vector<std::string> labels;
        for (std::size_t n = 0; n < members.size(); ++n) {
            const ImportedObject& member = linked.objects[members[n]];
            firstLine = std::min(firstLine, member.firstLine);
            lastLine = std::max(lastLine, member.lastLine);
            labels.push_back(n < kLossesInMessage ? objectLabel(member) : std::string());
        }
        const std::string names = cappedList(labels, kLossesInMessage, ", ", " ");
        messages.push_back(
            {ImportSeverity::Info,
             o.source,
             firstLine,
             lastLine,
             ResourceKind::Invalid,
             {},
             std::to_string(members.size()) + " " + std::string(resourceKindLabel(o.kind)) + "s (" + names +
                 "): not carried in full by the dump, each the same way: " + lossesText(o.lost)});
    }
}

json versionJson(std::uint64_t packed)
{
    return json{{"Major", packed >> 32}, {"Minor", packed & 0xFFFFFFFFull}};
}

/// A packed version is believable when its major part is one HNS has had.
bool plausibleVersion(std::uint64_t packed)
{
    const std::uint64_t major = packed >> 32;
    return major >= 1 && major <= 1000;
}

/// The report's messages in the order of the dump: those about the import as a whole first, then those
/// about inputs that were not read (a file skipped), then each source in the order it was read, its
/// messages by first line (0, the file as a whole, first). Messages of equal lines keep the order the
/// passes made them in. Done once, after every pass: reportLoggedRefusals points into the list.
void orderMessages(ImportReport& report)
{
    constexpr std::size_t kWholeImport = 0;
    constexpr std::size_t kNotRead = 1;
    std::map<std::string_view, std::size_t> sourceRank;
    for (std::size_t i = 0; i < report.sources.size(); ++i)
        sourceRank.emplace(report.sources[i], kNotRead + 1 + i);
    struct Key
    {
        std::size_t rank;
        int firstLine;
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(report.messages.size());
    for (std::size_t i = 0; i < report.messages.size(); ++i) {
        const ImportMessage& m = report.messages[i];
        std::size_t rank = kWholeImport;
        if (!m.source.empty()) {
            const auto it = sourceRank.find(m.source);
            rank = it == sourceRank.end() ? kNotRead : it->second;
        }
        keys.push_back({rank, m.firstLine, i});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.rank, a.firstLine) < std::tie(b.rank, b.firstLine);
    });
    std::vector<ImportMessage> ordered;
    ordered.reserve(keys.size());
    for (const Key& key : keys)
        ordered.push_back(std::move(report.messages[key.index]));
    report.messages = std::move(ordered);
}

/// importDump with `messages` (what reading the inputs had to say) leading the report.
Result<ImportResult> importSources(const std::vector<DumpSource>& given, std::vector<ImportMessage> messages,
                                   const ImportOptions& options)
{
    ImportResult result;
    result.report.messages = std::move(messages);
    // A bug-report bundle (hcn/bundle.h) is imported from its snapshot.json, not file by file.
    std::vector<std::string> bundleNotes;
    const std::vector<DumpSource> sources = replaceBundlesBySnapshots(given, bundleNotes);
    for (std::string& note : bundleNotes)
        result.report.messages.push_back(
            {ImportSeverity::Info, {}, 0, 0, ResourceKind::Invalid, {}, std::move(note)});
    std::vector<detail::Sighting> sightings;
    std::uint64_t hnsVersion = 0;
    std::vector<LoggedOperations> operations;
    std::vector<detail::PastedNonHnsObject> pasted;
    std::vector<FailedCmdletRemoval> removals;
    const Status cancelled(hr::Abort, "The import was cancelled.");
    double done = 0;
    const auto stillWanted = [&] { return !options.progress || options.progress(done); };
    std::vector<std::string> givingNothing; // sources with no object and no log line of HNS
    for (std::size_t i = 0; i < sources.size(); ++i) {
        done = double(i) / double(sources.size() + 1);
        result.report.sources.push_back(sources[i].name);
        const std::size_t sightingsBefore = sightings.size();
        const std::size_t messagesBefore = result.report.messages.size();
        if (!stillWanted() || !readSource(sources[i], sightings, result.report.messages, hnsVersion,
                                          operations, pasted, removals, stillWanted))
            return cancelled;
        if (sightings.size() == sightingsBefore &&
            std::none_of(result.report.messages.begin() + std::ptrdiff_t(messagesBefore),
                         result.report.messages.end(), [](const ImportMessage& m) { return m.logged; }))
            givingNothing.push_back(sources[i].name);
    }
    // Of a folder or several files, the ones that gave nothing are named: an engineer given a collectlogs
    // folder learns which files were read and held nothing of HNS. (The log readers' messages about
    // operations come later; a source they name is taken off below.)
    done = double(sources.size()) / double(sources.size() + 1);
    detail::splitPolicyLists(sightings);
    for (std::size_t i = 0; i < sightings.size(); ++i) {
        if (i % kSightingsPerProgress == 0 && !stillWanted())
            return cancelled;
        detail::mapToV2(sightings[i]);
        if (plausibleVersion(sightings[i].hnsVersion))
            hnsVersion = std::max(hnsVersion, sightings[i].hnsVersion);
    }
    detail::reportRepeatedListings(sightings, result.report.messages);
    detail::LinkedObjects linked = detail::mergeAndLink(std::move(sightings), result.report.messages);
    reportLosses(linked, result.report.messages);
    detail::reportObjectStates(linked.objects, linked.documents, result.report.messages);
    detail::linkPastedNonHnsObjects(pasted, linked, result.report.messages);
    const std::size_t firstLogged = result.report.messages.size();
    reportLoggedOperations(operations, linked.objects, linked.documents, result.report.messages);
    reportFailedRemovalsStillDumped(removals, linked.objects, result.report.messages);
    markLogged(result.report.messages, firstLogged);
    std::erase_if(givingNothing, [&](const std::string& name) {
        return std::any_of(result.report.messages.begin() + std::ptrdiff_t(firstLogged),
                           result.report.messages.end(),
                           [&name](const ImportMessage& m) { return m.logged && m.source == name; });
    });
    if (sources.size() > 1 && !givingNothing.empty())
        result.report.messages.push_back(
            {ImportSeverity::Info,
             {},
             0,
             0,
             ResourceKind::Invalid,
             {},
             std::to_string(givingNothing.size()) + " of " + std::to_string(sources.size()) +
                 " sources hold nothing read as HNS (no network, endpoint, namespace, load balancer or "
                 "route, and no line of a log about HNS): " +
                 cappedList(givingNothing, kNamedEmptySources, ", ", ", ")});

    json snapshot = json::object();
    if (plausibleVersion(hnsVersion))
        snapshot["HnsVersion"] = versionJson(hnsVersion);
    for (ResourceKind kind : kResourceKinds)
        snapshot[std::string(resourceKindPlural(kind))] = json::array();
    for (std::size_t i = 0; i < linked.objects.size(); ++i)
        snapshot[std::string(resourceKindPlural(linked.objects[i].kind))].push_back(std::move(linked.documents[i]));
    result.report.objects = std::move(linked.objects);
    if (result.report.objects.empty() && !result.recoveredAnything())
        result.report.messages.push_back({ImportSeverity::Error, {}, 0, 0, ResourceKind::Invalid, {},
                                          "nothing in the dump could be read as an HNS network, endpoint, "
                                          "namespace, load balancer or route"});
    else if (result.report.objects.empty())
        result.report.messages.push_back({ImportSeverity::Info,
                                          {},
                                          0,
                                          0,
                                          ResourceKind::Invalid,
                                          {},
                                          "the dump shows no HNS network, endpoint, namespace, load balancer "
                                          "or route; it is read as a log: this report says what it logs of "
                                          "HNS"});
    orderMessages(result.report);
    if (!options.description.empty())
        snapshot["Source"] = options.description;
    snapshot["Import"] = importReportToJson(result.report);
    result.snapshot = std::move(snapshot);
    if (options.progress)
        options.progress(1.0);
    return result;
}

/// Imports what reading found; what reading had to say leads the report.
Result<ImportResult> importRead(Result<SourceReadResult> read, const ImportOptions& options)
{
    if (!read)
        return read.status();
    std::vector<ImportMessage> messages;
    for (const SourceWarning& w : read->warnings)
        messages.push_back({ImportSeverity::Warning, w.source, 0, 0, ResourceKind::Invalid, {}, w.message});
    for (const SourceWarning& n : read->notes)
        messages.push_back({ImportSeverity::Info, n.source, 0, 0, ResourceKind::Invalid, {}, n.message});
    return importSources(read->sources, std::move(messages), options);
}

} // namespace

std::size_t ImportResult::objectCount() const
{
    return report.objects.size();
}

bool ImportResult::recoveredAnything() const
{
    return !report.objects.empty() || std::any_of(report.messages.begin(), report.messages.end(),
                                                  [](const ImportMessage& m) { return m.logged; });
}

std::string_view importSeverityName(ImportSeverity severity)
{
    switch (severity) {
    case ImportSeverity::Info:
        return "info";
    case ImportSeverity::Warning:
        return "warning";
    case ImportSeverity::Error:
        return "error";
    }
    return "warning";
}

Result<ImportResult> importDump(const std::vector<DumpSource>& sources, const ImportOptions& options)
{
    return importSources(sources, {}, options);
}

Result<ImportResult> importPaths(const std::vector<std::string>& paths, const ImportOptions& options)
{
    SourceProgress reading;
    if (options.progress)
        reading = [&](std::size_t) { return options.progress(0.0); };
    return importRead(readDumpSources(paths, options.limits, reading), options);
}

Result<ImportResult> importBytes(std::string name, std::string bytes, const ImportOptions& options)
{
    return importRead(readDumpBytes(std::move(name), std::move(bytes), options.limits), options);
}

json importReportToJson(const ImportReport& report)
{
    // Members are put into each object's map directly: a braced list would build every member as a
    // two-element array first (one object per imported object, so this is the report's cost).
    json::array_t objects;
    objects.reserve(report.objects.size());
    for (const ImportedObject& o : report.objects) {
        json::object_t entry;
        entry.emplace("Kind", resourceKindName(o.kind));
        entry.emplace("ID", o.id);
        entry.emplace("Name", o.name);
        entry.emplace("Source", o.source);
        entry.emplace("FirstLine", o.firstLine);
        entry.emplace("LastLine", o.lastLine);
        entry.emplace("Format", formatName(o.format));
        entry.emplace("WasV1", o.wasV1);
        entry.emplace("IdMadeUp", o.idMadeUp);
        entry.emplace("OriginalText", o.originalText);
        entry.emplace("Lost", o.lost);
        entry.emplace("UnknownFields", o.unknownFields);
        entry.emplace("Notes", o.notes);
        objects.emplace_back(std::move(entry));
    }
    json::array_t messages;
    messages.reserve(report.messages.size());
    for (const ImportMessage& m : report.messages) {
        json::object_t entry;
        entry.emplace("Severity", importSeverityName(m.severity));
        entry.emplace("Message", m.message);
        if (!m.source.empty())
            entry.emplace("Source", m.source);
        if (m.firstLine > 0) {
            entry.emplace("FirstLine", m.firstLine);
            entry.emplace("LastLine", m.lastLine);
        }
        if (m.kind != ResourceKind::Invalid) {
            entry.emplace("Kind", resourceKindName(m.kind));
            entry.emplace("ObjectId", m.objectId);
        }
        messages.emplace_back(std::move(entry));
    }
    json::object_t out;
    out.emplace("Sources", report.sources);
    out.emplace("Objects", std::move(objects));
    out.emplace("Messages", std::move(messages));
    return out;
}

ImportReport importReportFromJson(const json& value)
{
    ImportReport report;
    if (!value.is_object())
        return report;
    auto text = [](const json& object, const char* key) {
        auto it = object.find(key);
        return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto number = [](const json& object, const char* key) {
        auto it = object.find(key);
        return it != object.end() && it->is_number_integer() ? it->get<int>() : 0;
    };
    auto strings = [](const json& object, const char* key) {
        std::vector<std::string> out;
        auto it = object.find(key);
        if (it != object.end() && it->is_array())
            for (const json& s : *it)
                if (s.is_string())
                    out.push_back(s.get<std::string>());
        return out;
    };
    report.sources = strings(value, "Sources");
    if (auto objects = value.find("Objects"); objects != value.end() && objects->is_array()) {
        for (const json& o : *objects) {
            if (!o.is_object())
                continue;
            ImportedObject object;
            object.kind = resourceKindFromName(text(o, "Kind"));
            object.id = text(o, "ID");
            object.name = text(o, "Name");
            object.source = text(o, "Source");
            object.firstLine = number(o, "FirstLine");
            object.lastLine = number(o, "LastLine");
            object.format = formatFromName(text(o, "Format"));
            auto wasV1 = o.find("WasV1");
            object.wasV1 = wasV1 != o.end() && wasV1->is_boolean() && wasV1->get<bool>();
            auto idMadeUp = o.find("IdMadeUp");
            object.idMadeUp = idMadeUp != o.end() && idMadeUp->is_boolean() && idMadeUp->get<bool>();
            object.originalText = text(o, "OriginalText");
            object.lost = strings(o, "Lost");
            object.unknownFields = strings(o, "UnknownFields");
            object.notes = strings(o, "Notes");
            report.objects.push_back(std::move(object));
        }
    }
    if (auto messages = value.find("Messages"); messages != value.end() && messages->is_array()) {
        for (const json& m : *messages) {
            if (!m.is_object())
                continue;
            report.messages.push_back({severityFromName(text(m, "Severity")), text(m, "Source"),
                                       number(m, "FirstLine"), number(m, "LastLine"),
                                       resourceKindFromName(text(m, "Kind")), text(m, "ObjectId"),
                                       text(m, "Message")});
        }
    }
    return report;
}

} // namespace hcn::io
