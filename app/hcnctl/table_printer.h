#pragma once
// TablePrinter: aligned text columns for people reading `hcnctl list`.

#include <iosfwd>
#include <string>
#include <vector>

namespace hcn::ctl {

class TablePrinter
{
public:
    explicit TablePrinter(std::vector<std::string> headers);

    /// A row with fewer cells than headers is padded with empty cells.
    void addRow(std::vector<std::string> cells);
    std::size_t rowCount() const { return m_rows.size(); }
    /// A line printed under the rows (what a mark in them means).
    void setFootnote(std::string footnote) { m_footnote = std::move(footnote); }
    /// Header, a dashed rule, the rows, the footnote if any; columns two spaces apart, the last one not
    /// padded.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
    std::string m_footnote;
};

} // namespace hcn::ctl
