#pragma once
// Repeats of one message said once (internal to core/io): a log that says the same thing again (a lookup
// retried, a request logged by two layers of a client) gets one message, at the lines that first say
// it, with "(3 times, lines 4-6)" appended once every line is read.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hcn::io {

/// "(3 times, lines 4-6, 9)" for the lines (first, last) of each time a thing is said, their runs joined
/// (tables::timesAtLines); with `word`, "(logged 3 times, lines 4-6)".
std::string repeatCount(std::vector<std::pair<int, int>> at, std::string_view word = {});

/// The messages said for each `Key` and where each was said again; each keeps `Extra`, what its caller
/// needs of it once every line is read (a request's answer).
template <typename Key, typename Extra = std::monostate> class RepeatedMessages
{
public:
    struct Said
    {
        std::size_t message = 0;               ///< index into the caller's messages
        std::vector<std::pair<int, int>> at{}; ///< the lines of each time, in the order read
        Extra extra{};
    };

    /// The message said for `key`, null when none is (or `key` was closed).
    Said* find(const Key& key)
    {
        const auto it = m_open.find(key);
        return it == m_open.end() ? nullptr : &m_said[it->second];
    }

    /// When a message was said for `key`: adds lines `first`-`last` to it and returns true. False
    /// otherwise: the caller says it (or not) and records it with said().
    bool repeat(const Key& key, int first, int last)
    {
        Said* said = find(key);
        if (!said)
            return false;
        said->at.emplace_back(first, last);
        return true;
    }

    /// Records that message `message` says `key` at lines `first`-`last`.
    Said& said(Key key, std::size_t message, int first, int last, Extra extra = {})
    {
        m_said.push_back({message, {{first, last}}, std::move(extra)});
        m_open.insert_or_assign(std::move(key), m_said.size() - 1);
        return m_said.back();
    }

    /// `key` said again from now on is a new message (an answer came between).
    void close(const Key& key) { m_open.erase(key); }

    /// Keys a message is said for and not closed.
    std::size_t size() const { return m_open.size(); }

    /// Every message recorded, in the order said.
    const std::vector<Said>& all() const { return m_said; }

    /// Appends repeatCount() to each message of `messages` (anything with a `message` string) said more
    /// than once.
    template <typename Message>
    void appendCounts(std::vector<Message>& messages, std::string_view word = {}) const
    {
        for (const Said& s : m_said)
            if (s.at.size() > 1 && s.message < messages.size())
                messages[s.message].message += " " + repeatCount(s.at, word);
    }

private:
    std::map<Key, std::size_t> m_open; ///< key -> index into m_said
    std::vector<Said> m_said;
};

} // namespace hcn::io
