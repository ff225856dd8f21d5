#pragma once
// Fatal log lines (internal to core/io): the program that logged one exited there (klog's `F0329 ...`,
// logrus' `level=fatal`, a Go panic), and which program that was, where the line or the source tells.

#include "hcn/dump_text.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Whether `line` is a fatal log record: its own level (levelOfLine) is fatal, as klog's `F0329
/// 23:35:27.090421 ...`, logrus' `level=fatal`, `level=panic` or `FATA[0000]`, a JSON record's
/// `"level":"fatal"`, a bracketed `[FATAL]` or a Go panic (`panic: `, `fatal error: `) state it.
bool isFatalLogLine(std::string_view line);

/// The program a klog line is from by the file its header names (`server_windows.go:123] `, `proxier.go`:
/// kube-proxy; `kubelet.go`: kubelet); empty for another file or a line without a klog header.
std::string_view programOfKlogFile(std::string_view line);

/// The program that logged the fatal line lines[at], when the line or the source tells: the klog file
/// it names (`server_windows.go`: kube-proxy), the program its start-up failure names (`Error starting
/// daemon`: dockerd; `Error running agent` or `failed to run Kubelet`: the agent or kubelet, the agent
/// named as the source or its text names one, `antrea-agent`), a program the source's name
/// (`logs/kube-proxy.log`) or the line names; empty when nothing tells.
std::string programOfFatalLine(const std::vector<CleanedLine>& lines, std::size_t at,
                               std::string_view source);

/// How the report says that the program exited on a fatal line: "antrea-agent exited at line 4 (a fatal
/// log line)", "the program that logs line 4 exited there (a fatal log line)" when `program` is empty.
std::string programExitedText(const std::string& program, int line);

} // namespace hcn::io
