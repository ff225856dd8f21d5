#include "editors/json_highlighter.h"

namespace hcn::ui {

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document), m_string(QStringLiteral(R"("(?:[^"\\]|\\.)*")")),
      m_number(QStringLiteral(R"(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)")),
      m_literal(QStringLiteral(R"(\b(?:true|false|null)\b)"))
{
    m_keyFormat.setForeground(QColor(0x20, 0x60, 0xc0));
    m_keyFormat.setFontWeight(QFont::Bold);
    m_stringFormat.setForeground(QColor(0x20, 0x90, 0x40));
    m_numberFormat.setForeground(QColor(0xb0, 0x50, 0x10));
    m_literalFormat.setForeground(QColor(0x90, 0x30, 0xa0));
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    // Numbers and literals first; strings afterwards overwrite digits that sit inside quotes.
    for (auto it = m_number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_numberFormat);
    }
    for (auto it = m_literal.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_literalFormat);
    }
    for (auto it = m_string.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // A string followed by a colon is a key.
        int after = int(m.capturedEnd());
        while (after < text.size() && text.at(after).isSpace())
            ++after;
        const bool key = after < text.size() && text.at(after) == QLatin1Char(':');
        setFormat(int(m.capturedStart()), int(m.capturedLength()), key ? m_keyFormat : m_stringFormat);
    }
}

} // namespace hcn::ui
