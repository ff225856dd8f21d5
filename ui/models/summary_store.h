#pragma once
// SummaryStore: an append-only, front-trimmed byte store for the event log's summaries. Text is packed
// into 256 KiB chunks (no per-string allocation or header); a chunk is freed once every text in it
// has been trimmed. Offsets are logical and keep growing, so a record's offset never changes.

#include <QByteArrayView>
#include <QtGlobal>
#include <deque>
#include <memory>

namespace hcn::ui {

class SummaryStore
{
public:
    /// Copies `text` in and returns its logical offset.
    quint64 append(QByteArrayView text);
    /// The text at `offset` (must not have been trimmed).
    QByteArrayView view(quint64 offset, quint32 length) const;
    /// Frees the chunks that hold only text before `offset`.
    void trimBefore(quint64 offset);
    void clear();
    /// Bytes held by live chunks (for memory reports).
    qsizetype allocatedBytes() const { return qsizetype(m_chunks.size()) * kChunkSize; }

private:
    static constexpr qsizetype kChunkSize = 256 * 1024;
    struct Chunk
    {
        quint64 base = 0; ///< logical offset of the chunk's first byte
        std::unique_ptr<char[]> bytes;
    };
    std::deque<Chunk> m_chunks;
    /// Logical offset where the next text goes.
    quint64 m_end = 0;
};

} // namespace hcn::ui
