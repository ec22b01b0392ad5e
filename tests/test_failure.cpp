// What a person is told when something fails: never the C++ text.
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

#include "digitnet/failure.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;

TEST_CASE("failures read as sentences for people, whatever threw them", "[failure]") {
    CHECK(message_for(Error("the IDX files hold no images")) == "the IDX files hold no images");
    const std::string memory = message_for(std::bad_alloc());
    CHECK_THAT(memory, Contains("not enough memory"));
    CHECK_THAT(memory, !Contains("bad_alloc"));
    const std::string length = message_for(std::length_error("vector::_M_default_append"));
    CHECK_THAT(length, Contains("not enough memory"));
    CHECK_THAT(length, !Contains("vector"));
    const std::string other = message_for(std::out_of_range("map::at"));
    CHECK_THAT(other, Contains("internal error"));
    CHECK_THAT(other, !Contains("map::at"));
}
