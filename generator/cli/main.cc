// infragen's entry point: hands the command line to the command table.
#include "cli/commands.h"

int main(int argc, char** argv) { return infragen::run_cli(argc, argv); }
