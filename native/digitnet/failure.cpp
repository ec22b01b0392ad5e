#include "digitnet/failure.hpp"

#include <new>
#include <stdexcept>

#include "digitnet/spec.hpp"

namespace digitnet {

std::string message_for(const std::exception& e) {
    if (dynamic_cast<const Error*>(&e)) return e.what();
    if (dynamic_cast<const std::bad_alloc*>(&e) || dynamic_cast<const std::length_error*>(&e))
        return "there is not enough memory for this: try a smaller network, batch or data set";
    return "an internal error stopped this (a bug in digitnet: please report what you did)";
}

}  // namespace digitnet
