// Files on disk: gzip inflating, finding an IDX labels file, CSV by name, and
// refusals that name the file.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <zlib.h>

#include <array>
#include <cstdio>
#include <filesystem>

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

namespace {
// Writes bytes gzipped to path.
void write_gzip(const std::string& path, const std::string& bytes) {
    gzFile f = gzopen(path.c_str(), "wb");
    REQUIRE(f);
    REQUIRE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    REQUIRE(gzclose(f) == Z_OK);
}
}  // namespace

TEST_CASE("a gzip IDX file that inflates past what its header announces is stopped there", "[file_io]") {
    const Dataset one = load_dataset(kAssets + "heldout-images-idx3-ubyte.gz").head(1);
    // A small bomb: one image announced, 64 MiB of zeros behind it.
    write_gzip(temp_path("bomb-images-idx3-ubyte.gz"), write_idx_images(one) + std::string(64 << 20, '\0'));
    write_file(temp_path("bomb-labels-idx1-ubyte.gz"), write_idx_labels(one));
    CHECK_THROWS_WITH(load_dataset(temp_path("bomb-images-idx3-ubyte.gz")),
                      Catch::Contains("bomb-images-idx3-ubyte.gz holds more than the 800 bytes its header announces"));
    // The same, uncompressed.
    write_file(temp_path("long-images-idx3-ubyte"), write_idx_images(one) + "xyz");
    write_file(temp_path("long-labels-idx1-ubyte"), write_idx_labels(one));
    CHECK_THROWS_WITH(load_dataset(temp_path("long-images-idx3-ubyte")), Catch::Contains("more than the 800 bytes"));
}

TEST_CASE("files larger than the limit are refused, gzip or not", "[file_io]") {
    write_file(temp_path("big.bin"), std::string(5000, 'x'));
    write_gzip(temp_path("big.gz"), std::string(5000, 'x'));
    CHECK(read_file(temp_path("big.bin"), ReadLimit{5000}).size() == 5000);
    CHECK_THROWS_WITH(read_file(temp_path("big.bin"), ReadLimit{4999}), Catch::Contains("larger than 4999 bytes"));
    CHECK_THROWS_WITH(read_file(temp_path("big.gz"), ReadLimit{4999}), Catch::Contains("big.gz is larger than 4999 bytes"));
}

TEST_CASE("a write that fails part-way leaves the old file whole and no temporary file", "[file_io]") {
    namespace fs = std::filesystem;
    const std::string dir = temp_path("full-disk");
    fs::create_directory(dir);
    const std::string path = dir + "/good.model";
    write_file(path, std::string(3000, 'g'));
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    // A file size limit stands in for a full disk: writes past 4096 bytes fail.
    signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit small = old;
    small.rlim_cur = 4096;
    setrlimit(RLIMIT_FSIZE, &small);
    std::string message;
    try {
        write_file(path, std::string(10000, 'n'));
    } catch (const Error& e) {
        message = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &old);
    CHECK_THAT(message, Catch::Contains("cannot write " + path) && Catch::Contains("left as it was"));
    CHECK(read_file(path) == std::string(3000, 'g'));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

    write_file(path, "new");  // a good write replaces it and keeps its permissions
    CHECK(read_file(path) == "new");
    CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    CHECK_THROWS_WITH(write_file(dir, "x"), Catch::Contains("is a folder"));
    CHECK_THROWS_WITH(write_file(dir + "/no-such-folder/x.model", "x"),
                      Catch::Contains("cannot write") && Catch::Contains("no-such-folder/x.model"));
}
