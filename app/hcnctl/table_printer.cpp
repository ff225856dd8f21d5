#include "table_printer.h"

#include <algorithm>
#include <ostream>

namespace hcn::ctl {

namespace {

/// Display width in code points: UTF-8 continuation bytes take no column.
std::size_t displayWidth(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void printRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<std::size_t>& widths)
{
    std::string line;
    for (std::size_t column = 0; column < widths.size(); ++column) {
        const std::string& cell = column < cells.size() ? cells[column] : std::string();
        line += cell;
        if (column + 1 < widths.size())
            line.append(widths[column] - displayWidth(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    out << line << '\n';
}

} // namespace

TablePrinter::TablePrinter(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

void TablePrinter::addRow(std::vector<std::string> cells)
{
    cells.resize(std::max(cells.size(), m_headers.size()));
    m_rows.push_back(std::move(cells));
}

void TablePrinter::print(std::ostream& out) const
{
    std::vector<std::size_t> widths;
    for (const std::string& header : m_headers)
        widths.push_back(displayWidth(header));
    for (const auto& row : m_rows)
        for (std::size_t column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths[column], displayWidth(row[column]));

    printRow(out, m_headers, widths);
    std::vector<std::string> rule;
    for (std::size_t width : widths)
        rule.emplace_back(width, '-');
    printRow(out, rule, widths);
    for (const auto& row : m_rows)
        printRow(out, row, widths);
    if (!m_footnote.empty())
        out << m_footnote << '\n';
}

} // namespace hcn::ctl
