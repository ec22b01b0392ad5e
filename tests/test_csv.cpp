#include <catch2/catch.hpp>

#include "digitnet/csv.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

std::string header() {
    std::string h = "label";
    for (int i = 0; i < 784; ++i) h += ",pixel" + std::to_string(i);
    return h;
}

// One row: label, then pixel p = (seed + p) % 256.
std::string row(int label, int seed) {
    std::string r = std::to_string(label);
    for (int p = 0; p < 784; ++p) r += "," + std::to_string((seed + p) % 256);
    return r;
}

// A row with cell `column` (1 = label) replaced by text.
std::string row_with(int column, const std::string& text) {
    std::string r = column == 1 ? text : "3";
    for (int c = 2; c <= 785; ++c) r += "," + (c == column ? text : std::string("0"));
    return r;
}

}  // namespace

TEST_CASE("CSV with a header, LF and a final newline", "[csv]") {
    const Dataset d = read_csv(header() + "\n" + row(7, 0) + "\n" + row(2, 100) + "\n");
    REQUIRE(d.size() == 2);
    REQUIRE(d.labels == std::vector<uint8_t>{7, 2});
    REQUIRE(d.images.size() == 2 * 784);
    REQUIRE(d.image(0)[5] == 5);
    REQUIRE(d.image(1)[200] == 44);
}

TEST_CASE("CSV without a header, CRLF and no final newline", "[csv]") {
    const Dataset d = read_csv(row(1, 3) + "\r\n" + row(9, 4));
    REQUIRE(d.labels == std::vector<uint8_t>{1, 9});
    REQUIRE(d.image(1)[0] == 4);
    REQUIRE(read_csv(header() + "\r\n" + row(0, 0) + "\r\n\r\n").size() == 1);
}

TEST_CASE("CSV refusals name the line and column", "[csv]") {
    const std::string h = header() + "\n" + row(0, 0) + "\n";
    REQUIRE_THROWS_WITH(read_csv(""), Contains("empty"));
    REQUIRE_THROWS_WITH(read_csv(header() + "\n"), Contains("empty"));
    REQUIRE_THROWS_WITH(read_csv("label,pixel0\n"), Contains("header") && Contains("has 2 columns"));
    REQUIRE_THROWS_WITH(read_csv(h + "5,1,2,3\n"), Contains("line 3 has 4 cells but 785"));
    REQUIRE_THROWS_WITH(read_csv(h + row(5, 0) + ",9\n"), Contains("line 3 has more than 785 cells"));
    REQUIRE_THROWS_WITH(read_csv(h + row_with(10, "x1")),
                        Contains("line 3, column 10 (pixel8) is 'x1'") && Contains("not a whole number"));
    REQUIRE_THROWS_WITH(read_csv(h + row_with(4, "1.5")), Contains("column 4 (pixel2) is '1.5'"));
    REQUIRE_THROWS_WITH(read_csv(h + row_with(5, "")), Contains("column 5 (pixel3) is ''"));
    REQUIRE_THROWS_WITH(read_csv(h + row_with(785, "256")),
                        Contains("line 3, column 785 (pixel783) is 256, outside 0..255"));
    REQUIRE_THROWS_WITH(read_csv(h + row_with(2, "-1")), Contains("column 2 (pixel0) is -1, outside 0..255"));
    REQUIRE_THROWS_WITH(read_csv(h + row_with(1, "10")), Contains("line 3, column 1 (label) is 10, outside 0..9"));
    REQUIRE_THROWS_WITH(read_csv(row(1, 0) + "\n" + row_with(1, "abc")), Contains("line 2, column 1 (label)"));
}

TEST_CASE("CSV of Kaggle's size parses", "[csv]") {
    std::string text = header() + "\n";
    for (int i = 0; i < 42000; ++i) text += row(i % 10, i) + "\n";
    const Dataset d = read_csv(text);
    REQUIRE(d.size() == 42000);
    REQUIRE(d.image(41999)[783] == (41999 + 783) % 256);
}
