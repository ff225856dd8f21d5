// RecordingWriter and the recording's header line (hcn/recording.h, docs/recordings.md).

#include "common/json_member.h"
#include "hcn/recording.h"
#include "hcn/schema_normalizer.h"
#include "hcn/utc_time.h"
#include "io/recording_format.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace hcn {

namespace recording {

std::string headerLine(const RecordingHeader& header)
{
    nlohmann::ordered_json line{
        {std::string(kMarker), header.format},
        {"Tool", header.tool},
        {"Source", header.source},
        {"Started", formatUtcMs(header.startedMs)},
        {"Capture", header.capture == RecordingCapture::Polling ? "polling" : "events"}};
    if (header.capture == RecordingCapture::Polling)
        line["PollIntervalMs"] = header.pollIntervalMs;
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<RecordingHeader> parseHeader(const nlohmann::json& line)
{
    auto marker = line.is_object() ? line.find(std::string(kMarker)) : line.end();
    if (!line.is_object() || marker == line.end() || !marker->is_number_integer())
        return Status(hr::InvalidJson,
                      "the first line is not a recording header ({\"HcnRecording\":1,...}).");
    RecordingHeader header;
    header.format = marker->get<int>();
    if (header.format > kRecordingFormat)
        return Status(hr::NotImplemented, "the recording is in format " + std::to_string(header.format) +
                                              ", newer than this program reads (" +
                                              std::to_string(kRecordingFormat) + ").");
    header.tool = textMember(line, "Tool");
    header.source = textMember(line, "Source");
    const auto started = parseUtcMs(textMember(line, "Started"));
    if (!started)
        return Status(hr::InvalidJson, "the recording header has no usable \"Started\" time.");
    header.startedMs = *started;
    const std::string capture = line.value("Capture", std::string("events"));
    if (capture == "polling") {
        header.capture = RecordingCapture::Polling;
        header.pollIntervalMs = memberOr(line, "PollIntervalMs", std::int64_t(0));
    } else if (capture == "events") {
        header.capture = RecordingCapture::Events;
    } else {
        return Status(hr::InvalidJson, "the recording header's \"Capture\" is \"" + capture +
                                           "\" (expected \"events\" or \"polling\").");
    }
    return header;
}

std::string_view updateOpName(HostUpdate::Op op)
{
    switch (op) {
    case HostUpdate::Op::Create:
        return "Create";
    case HostUpdate::Op::Modify:
        return "Modify";
    case HostUpdate::Op::Delete:
        return "Delete";
    case HostUpdate::Op::Expect:
        return "Expect";
    }
    return "Expect";
}

std::optional<HostUpdate::Op> updateOpFromName(std::string_view name)
{
    for (HostUpdate::Op op :
         {HostUpdate::Op::Create, HostUpdate::Op::Modify, HostUpdate::Op::Delete, HostUpdate::Op::Expect})
        if (updateOpName(op) == name)
            return op;
    return std::nullopt;
}

} // namespace recording

std::string recordingCaptureText(const RecordingHeader& header)
{
    if (header.capture == RecordingCapture::Polling)
        return "polling every " + std::to_string(header.pollIntervalMs) + " ms";
    return "events";
}

namespace {

using OrderedJson = nlohmann::ordered_json;

std::string dumpLine(const OrderedJson& line)
{
    return line.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

} // namespace

Result<std::unique_ptr<RecordingWriter>>
RecordingWriter::create(const std::string& path, const RecordingHeader& header, std::string_view snapshot)
{
    nlohmann::json document;
    if (Status s = schema::parseObject(snapshot, document); !s.ok())
        return Status(s.code(), "the host's snapshot: " + s.detail());
    std::unique_ptr<RecordingWriter> writer(new RecordingWriter);
    writer->m_path = path;
    writer->m_file = {std::fopen(path.c_str(), "wb"), &std::fclose};
    if (!writer->m_file)
        return Status(hr::AccessDenied, "cannot write " + path + ": " + std::strerror(errno) + ".");
    if (Status s = writer->writeLine(recording::headerLine(header)); !s.ok())
        return s;
    if (Status s = writer->writeLine(document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        !s.ok())
        return s;
    return writer;
}

RecordingWriter::~RecordingWriter() = default;

Status RecordingWriter::writeLine(const std::string& line)
{
    if (!m_file)
        return Status(hr::Handle, "the recording " + m_path + " is finished.");
    if (std::fwrite(line.data(), 1, line.size(), m_file.get()) != line.size() ||
        std::fputc('\n', m_file.get()) == EOF || std::fflush(m_file.get()) != 0)
        return Status(hr::GenFailure, "cannot write " + m_path + ": " + std::strerror(errno) + ".");
    m_bytes += line.size() + 1;
    return Status::success();
}

Status RecordingWriter::append(const Notification& notification, std::int64_t timeMs, bool polled)
{
    const ParsedNotification parsed = parseNotification(notification);
    OrderedJson line{{"Change", m_changes + 1}, {"Time", formatUtcMs(timeMs)}};
    if (notification.sequence != 0)
        line["Sequence"] = notification.sequence;
    const std::string_view typeName = notificationTypeName(baseNotificationType(notification.type));
    line["Type"] = typeName.empty() ? std::string("0x") +
                                          [&] {
                                              char hex[16];
                                              std::snprintf(hex, sizeof hex, "%08X",
                                                            static_cast<unsigned>(notification.type));
                                              return std::string(hex);
                                          }()
                                    : std::string(typeName);
    line["TypeValue"] = static_cast<std::uint32_t>(notification.type);
    if (notification.status != hr::Ok)
        line["Status"] = notification.status;
    if (parsed.kind != ResourceKind::Invalid)
        line["Kind"] = resourceKindName(parsed.kind);
    if (!parsed.objectId.empty())
        line["ID"] = parsed.objectId;
    if (polled)
        line["Polled"] = true;
    OrderedJson updates = OrderedJson::array();
    for (const HostUpdate& update : parsed.updates)
        updates.push_back(OrderedJson::array(
            {recording::updateOpName(update.op), resourceKindName(update.kind), update.id}));
    line["Updates"] = std::move(updates);
    if (!notification.data.empty()) {
        // The NotificationBase as received; text that is not JSON is kept as text.
        auto base = nlohmann::ordered_json::parse(notification.data, nullptr, false);
        if (base.is_discarded())
            line["NotificationText"] = notification.data;
        else
            line["Notification"] = std::move(base);
    }
    if (Status s = writeLine(dumpLine(line)); !s.ok())
        return s;
    ++m_changes;
    return Status::success();
}

Status RecordingWriter::finish(std::string_view reason, std::int64_t timeMs)
{
    Status s = writeLine(dumpLine(
        OrderedJson{{"End", formatUtcMs(timeMs)}, {"Changes", m_changes}, {"Reason", std::string(reason)}}));
    m_file.reset();
    return s;
}

} // namespace hcn
