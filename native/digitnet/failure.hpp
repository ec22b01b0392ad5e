#pragma once
// What a person is told when something fails: the CLI and the module both say
// it this way, so no C++ text ("std::bad_alloc", "vector") ever reaches them.
#include <exception>
#include <string>

namespace digitnet {

// An Error's own sentence; running out of memory (std::bad_alloc, or a size too
// large for a container) in plain words; anything else as an internal error.
std::string message_for(const std::exception& e);

}  // namespace digitnet
