// gopy-server: the GopY hall server. All behaviour lives in Cli (server/app/cli.h).
#include <string>
#include <vector>

#include "server/app/cli.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return gopy::server::app::Cli().run(args);
}
