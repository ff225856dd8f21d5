#include "models/summary_store.h"

#include <cstring>

namespace hcn::ui {

quint64 SummaryStore::append(QByteArrayView text)
{
    // Longer summaries than a chunk never happen (they are cut at formatting), but stay safe.
    const qsizetype length = qMin(text.size(), kChunkSize);
    const bool fits = !m_chunks.empty() && m_end + quint64(length) <= m_chunks.back().base + kChunkSize;
    if (!fits) {
        // A text never spans two chunks: start a new one and skip the tail of the old one.
        Chunk chunk;
        chunk.base = m_chunks.empty() ? m_end : m_chunks.back().base + kChunkSize;
        chunk.bytes = std::make_unique<char[]>(std::size_t(kChunkSize));
        m_end = chunk.base;
        m_chunks.push_back(std::move(chunk));
    }
    const Chunk& last = m_chunks.back();
    const quint64 offset = m_end;
    if (length > 0)
        std::memcpy(last.bytes.get() + (offset - last.base), text.data(), std::size_t(length));
    m_end += quint64(length);
    return offset;
}

QByteArrayView SummaryStore::view(quint64 offset, quint32 length) const
{
    if (m_chunks.empty() || offset < m_chunks.front().base || length == 0)
        return {};
    const auto index = std::size_t((offset - m_chunks.front().base) / kChunkSize);
    if (index >= m_chunks.size())
        return {};
    const Chunk& chunk = m_chunks[index];
    return QByteArrayView(chunk.bytes.get() + (offset - chunk.base), qsizetype(length));
}

void SummaryStore::trimBefore(quint64 offset)
{
    // Keep the last chunk even when empty of live text: appends continue in it.
    while (m_chunks.size() > 1 && m_chunks.front().base + kChunkSize <= offset)
        m_chunks.pop_front();
}

void SummaryStore::clear()
{
    m_chunks.clear();
    m_end = 0;
}

} // namespace hcn::ui
