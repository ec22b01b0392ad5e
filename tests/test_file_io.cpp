// Files on disk: gzip inflating, finding an IDX labels file, CSV by name, and
// refusals that name the file.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>

#include "digitnet/file_io.hpp"
#include "digitnet/idx.hpp"

using namespace digitnet;

namespace {
const std::string kAssets = std::string(DIGITNET_SOURCE_DIR) + "/assets/";

// A fresh temporary directory's path for one test's files.
std::string temp_path(const std::string& name) {
    static const std::string dir = [] {
        char tmpl[] = "/tmp/digitnet-test-XXXXXX";
        return std::string(mkdtemp(tmpl));
    }();
    return dir + "/" + name;
}
}  // namespace

TEST_CASE("the bundled held-out set loads from gzip IDX, labels found beside it", "[file_io]") {
    const Dataset d = load_dataset(kAssets + "heldout-images-idx3-ubyte.gz");
    REQUIRE(d.size() == 1000);
    std::array<int, 10> per_class{};
    for (uint8_t y : d.labels) ++per_class[y];
    for (int n : per_class) CHECK(n == 100);
}

TEST_CASE("plain IDX and CSV files load, and write_file round trips", "[file_io]") {
    const Dataset d = load_dataset(kAssets + "heldout-images-idx3-ubyte.gz").head(5);
    write_file(temp_path("few-images-idx3-ubyte"), write_idx_images(d));
    write_file(temp_path("few-labels-idx1-ubyte"), write_idx_labels(d));
    const Dataset back = load_dataset(temp_path("few-images-idx3-ubyte"));
    CHECK(back.images == d.images);
    CHECK(back.labels == d.labels);

    std::string csv = "label";
    for (int i = 0; i < 784; ++i) csv += ",pixel" + std::to_string(i);
    csv += "\n7";
    for (int i = 0; i < 784; ++i) csv += i == 300 ? ",255" : ",0";
    csv += "\n";
    write_file(temp_path("one.csv"), csv);
    const Dataset c = load_dataset(temp_path("one.csv"));
    REQUIRE(c.size() == 1);
    CHECK(c.labels[0] == 7);
    CHECK(c.image(0)[300] == 255);
}

TEST_CASE("missing, truncated gzip and unpaired files are refused with the file named", "[file_io]") {
    CHECK_THROWS_WITH(read_file(temp_path("nothing-here")), Catch::Contains("nothing-here"));
    const std::string gz = read_file(kAssets + "heldout-labels-idx1-ubyte.gz");  // inflated
    std::FILE* f = std::fopen((kAssets + "heldout-labels-idx1-ubyte.gz").c_str(), "rb");
    REQUIRE(f);
    std::string raw(64, '\0');
    raw.resize(std::fread(&raw[0], 1, raw.size(), f));
    std::fclose(f);
    write_file(temp_path("cut-labels.gz"), raw.substr(0, 40));  // a gzip stream cut short
    CHECK_THROWS_WITH(read_file(temp_path("cut-labels.gz")), Catch::Contains("cut-labels.gz"));
    write_file(temp_path("lonely-images-idx3-ubyte"), write_idx_images(load_dataset(kAssets + "heldout-images-idx3-ubyte.gz").head(2)));
    CHECK_THROWS_WITH(load_dataset(temp_path("lonely-images-idx3-ubyte")), Catch::Contains("lonely-labels-idx1-ubyte"));
    CHECK(gz.size() == 8 + 1000);
}
