#include "digitnet/file_io.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "digitnet/csv.hpp"
#include "digitnet/idx.hpp"
#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

bool is_gzip(const std::string& b) {
    return b.size() >= 2 && static_cast<uint8_t>(b[0]) == 0x1f && static_cast<uint8_t>(b[1]) == 0x8b;
}

// The size limit of one file being read: `limit.max_bytes`, lowered to what its
// header announces once `limit.header_bytes` bytes are in.
class Budget {
public:
    Budget(const ReadLimit& limit, const std::string& path) : limit_(limit), path_(path), max_(limit.max_bytes) {}

    // Throws Error once out holds more than the file may.
    void check(const std::string& out) {
        if (!from_header_ && limit_.announced && out.size() >= limit_.header_bytes) {
            from_header_ = true;
            const uint64_t announced = limit_.announced(out);
            if (announced) max_ = std::min(max_, announced);
        }
        if (out.size() <= max_) return;
        if (max_ < limit_.max_bytes)
            throw Error(path_ + " holds more than the " + std::to_string(max_) +
                        " bytes its header announces: reading stopped there");
        throw Error(path_ + " is larger than " + std::to_string(max_) + " bytes, more than digitnet reads");
    }

private:
    const ReadLimit& limit_;
    const std::string& path_;
    uint64_t max_;
    bool from_header_ = false;
};

// Inflates gzip bytes (several concatenated members are read one after another),
// stopping as soon as the output is larger than the budget allows.
std::string gunzip(const std::string& in, const std::string& path, Budget& budget) {
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw Error("cannot start decompressing " + path);
    std::string out;
    char chunk[1 << 16];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    try {
        for (;;) {
            z.next_out = reinterpret_cast<Bytef*>(chunk);
            z.avail_out = sizeof chunk;
            rc = inflate(&z, Z_NO_FLUSH);
            out.append(chunk, sizeof chunk - z.avail_out);
            budget.check(out);
            if (rc == Z_STREAM_END) {
                if (z.avail_in == 0) break;
                // Another gzip member follows: gzip allows several in one file.
                inflateReset(&z);
                continue;
            }
            if (rc != Z_OK) break;
            if (z.avail_in == 0 && z.avail_out != 0) {  // input used up before the stream ended
                rc = Z_BUF_ERROR;
                break;
            }
        }
    } catch (...) {
        inflateEnd(&z);
        throw;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw Error(path + " is not a valid gzip file (" +
                    (rc == Z_BUF_ERROR ? std::string("it is truncated") : "its compressed data is corrupt") + ")");
    return out;
}

// A new file beside `path` (same folder, so a rename onto path is atomic),
// removed again unless keep() is called.
class TempFile {
public:
    explicit TempFile(const std::string& path) : target_(path) {
        namespace fs = std::filesystem;
        std::error_code ec;
        if (fs::is_directory(path, ec)) throw Error(path + " is a folder, not a file");
        const fs::path p(path);
        name_ = (p.parent_path() / ("." + p.filename().string() + ".tmp-XXXXXX")).string();
        fd_ = mkstemp(name_.data());
        if (fd_ < 0) fail("cannot create a file in its folder");
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!kept_) ::unlink(name_.c_str());
    }

    void write(const std::string& bytes) {
        for (size_t done = 0; done < bytes.size();) {
            const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) fail("writing it failed");
            done += static_cast<size_t>(n);
        }
    }

    // Gives the file the permissions a new file (or the one it replaces) has, and moves it onto path.
    void replace_target() {
        struct stat old {};
        mode_t mode;
        if (::stat(target_.c_str(), &old) == 0) {
            mode = old.st_mode & 07777;
        } else {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            mode = 0666 & ~mask;
        }
        if (::fchmod(fd_, mode) != 0 || ::fsync(fd_) != 0) fail("writing it failed");
        const int rc = ::close(fd_);
        fd_ = -1;
        if (rc != 0) fail("writing it failed");
        if (std::rename(name_.c_str(), target_.c_str()) != 0) fail("it could not replace the old file");
        kept_ = true;
    }

private:
    [[noreturn]] void fail(const char* what) const {
        const int e = errno;
        throw Error("cannot write " + target_ + ": " + what + " (" + std::strerror(e) + "); any file there is left as it was");
    }

    std::string target_, name_;
    int fd_ = -1;
    bool kept_ = false;
};

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The labels file next to an IDX images file, or "" if the name does not say.
std::string labels_path(const std::string& images_path) {
    const size_t name_at = images_path.find_last_of("/\\") + 1;  // 0 if no directory
    static const char* const kNames[][2] = {{"images-idx3", "labels-idx1"}, {"images.idx3", "labels.idx1"}};
    for (const auto& names : kNames) {
        const size_t at = images_path.find(names[0], name_at);
        if (at != std::string::npos) return std::string(images_path).replace(at, 11, names[1]);
    }
    return "";
}

}  // namespace

std::string read_file(const std::string& path, const ReadLimit& limit) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(path + " is a folder, not a file");
    std::ifstream f(path, std::ios::binary);
    if (!f) throw Error("cannot open " + path);
    Budget budget(limit, path);
    std::string bytes;
    char chunk[1 << 16];
    while (f.read(chunk, sizeof chunk) || f.gcount() > 0) {
        bytes.append(chunk, static_cast<size_t>(f.gcount()));
        // Gzip is held to the limit as it inflates; its compressed bytes only to the overall maximum.
        if (is_gzip(bytes)) {
            if (bytes.size() > limit.max_bytes) Budget(ReadLimit{limit.max_bytes}, path).check(bytes);
        } else {
            budget.check(bytes);
        }
    }
    if (f.bad()) throw Error("cannot read " + path);
    return inflate_if_gzip(std::move(bytes), path, limit);
}

std::string inflate_if_gzip(std::string bytes, const std::string& name, const ReadLimit& limit) {
    Budget budget(limit, name);
    if (!is_gzip(bytes)) {
        budget.check(bytes);
        return bytes;
    }
    return gunzip(bytes, name, budget);
}

void write_file(const std::string& path, const std::string& bytes) {
    TempFile file(path);
    file.write(bytes);
    file.replace_target();
}

void check_writable(const std::string& path) { const TempFile probe(path); }

Dataset load_dataset(const std::string& path) {
    if (ends_with(path, ".csv") || ends_with(path, ".csv.gz")) {
        const std::string text = read_file(path);
        try {
            return read_csv(text);
        } catch (const Error& e) {
            throw Error(path + ": " + e.what());
        }
    }
    const std::string labels = labels_path(path);
    if (labels.empty())
        throw Error("cannot tell the format of " + path +
                    ": expected a .csv or .csv.gz file, or IDX images named like train-images-idx3-ubyte.gz");
    // An IDX file may hold no more than its header announces (a gzip bomb stops there).
    const std::string image_bytes = read_file(path, ReadLimit{kMaxFileBytes, 16, idx_file_size}),
                      label_bytes = read_file(labels, ReadLimit{kMaxFileBytes, 8, idx_file_size});
    try {
        return read_idx(image_bytes, label_bytes);
    } catch (const Error& e) {
        throw Error(path + " and " + labels + ": " + e.what());
    }
}

}  // namespace digitnet
