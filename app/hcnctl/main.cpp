// hcnctl: the command-line client of the HCN service. All logic lives in the hcnctl_cli library.

#include "command_runner.h"

#include <iostream>

int main(int argc, char** argv)
{
    hcn::ctl::CommandRunner runner(std::cin, std::cout, std::cerr);
    return runner.run(std::vector<std::string>(argv + 1, argv + argc));
}
