// Files on disk: gzip inflating, finding an IDX labels file, CSV by name, and
// refusals that name the file.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <thread>

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
    write_file(temp_path("lonely-images-idx3-ubyte"),
               write_idx_images(load_dataset(kAssets + "heldout-images-idx3-ubyte.gz").head(2)));
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

namespace {
// What a reader of the FIFO open as fd gets until its writer closes it, or "" if no
// writer comes within 5 s (the FIFO was replaced: nothing will ever open it to write).
std::string drain(int fd) {
    std::string got;
    char chunk[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0) return got;
        const ssize_t n = read(fd, chunk, sizeof chunk);
        if (n > 0) got.append(chunk, static_cast<size_t>(n));
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return got;
    }
}

bool is_fifo(const std::string& path) {
    struct stat st {};
    return lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}
}  // namespace

TEST_CASE("a FIFO is written into, never replaced", "[file_io]") {
    const std::string path = temp_path("out.fifo");
    REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    check_writable(path);  // without opening it: a reader would see the end of its input
    CHECK(is_fifo(path));
    // The reader opens it first (so the writer does not wait); more bytes than a pipe holds.
    const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd >= 0);
    std::string got;
    std::thread reader([&] { got = drain(fd); });
    const std::string bytes(200000, 'f');
    write_file(path, bytes);
    reader.join();
    close(fd);
    CHECK(is_fifo(path));
    CHECK(got == bytes);
}

TEST_CASE("a character device is written into, never replaced", "[file_io]") {
    // A node like /dev/null (1, 3) made in the test's own folder: only root may make one.
    const std::string path = temp_path("null-device");
    if (geteuid() != 0 || mknod(path.c_str(), S_IFCHR | 0600, makedev(1, 3)) != 0) {
        WARN("skipped: making a character device needs root");
        return;
    }
    check_writable(path);
    write_file(path, std::string(5000, 'd'));
    struct stat st {};
    REQUIRE(lstat(path.c_str(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK(st.st_rdev == makedev(1, 3));
    std::filesystem::remove(path);
}

TEST_CASE("a symbolic link to a file stays a link, the file it names is replaced", "[file_io]") {
    namespace fs = std::filesystem;
    const std::string file = temp_path("linked.model"), link = temp_path("link.model");
    write_file(file, "old");
    fs::create_symlink(file, link);
    write_file(link, "new");
    CHECK(fs::is_symlink(link));
    CHECK(read_file(file) == "new");
}

TEST_CASE("names up to 255 bytes are written; an empty name is refused", "[file_io]") {
    namespace fs = std::filesystem;
    const std::string dir = temp_path("long-names");
    fs::create_directory(dir);
    std::string accented(124, 'n');  // then two-byte characters across the place a temporary name is cut
    for (int i = 0; i < 62; ++i) accented += "\xc3\xa9";
    for (const std::string& name :
         {std::string(249, 'n') + ".model", std::string(243, 'n') + ".model", accented + "7.model"}) {
        REQUIRE(name.size() >= 249);
        const std::string path = dir + "/" + name;
        check_writable(path);
        write_file(path, "long");
        CHECK(read_file(path) == "long");
    }
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);  // no temporary file left
    CHECK_THROWS_WITH(write_file("", "x"), Catch::Contains("name is empty"));
    CHECK_THROWS_WITH(check_writable(""), Catch::Contains("name is empty"));
}
