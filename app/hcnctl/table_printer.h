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
    /// Header, a dashed rule, the rows; columns two spaces apart, the last one not padded.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace hcn::ctl
