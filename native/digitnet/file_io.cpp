#include "digitnet/file_io.hpp"

#include <fcntl.h>
#include <limits.h>
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

[[noreturn]] void cannot_write(const std::string& path, const char* what, const char* after = "") {
    const int e = errno;
    throw Error("cannot write " + path + ": " + what + " (" + std::strerror(e) + ")" + after);
}

constexpr const char* kLeftAsItWas = "; any file there is left as it was";

// Writes all of bytes to fd; false (errno set) if a write fails.
bool write_all(int fd, const std::string& bytes) {
    for (size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// What a write to `path` goes to. A regular file, or nothing yet, is replaced by
// renaming a new file onto `file` (path with its symbolic links resolved, so a link
// stays a link). Anything else that is no folder (a FIFO, a terminal, a device) is
// special: written straight into, never replaced.
struct Target {
    std::string file;
    bool special = false;
};

Target target_of(const std::string& path) {
    if (path.empty()) throw Error("cannot write a file whose name is empty");
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {path, false};  // nothing there yet (or its folder is missing)
    if (S_ISDIR(st.st_mode)) throw Error(path + " is a folder, not a file");
    if (!S_ISREG(st.st_mode)) return {path, true};
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::canonical(path, ec);
    if (ec) throw Error("cannot write " + path + ": cannot resolve its links (" + ec.message() + ")" + kLeftAsItWas);
    return {real.string(), false};
}

// A new file beside `target.file` (same folder, so a rename onto it is atomic),
// removed again unless keep() is called. Errors name `shown`, the path as given.
class TempFile {
public:
    TempFile(const std::string& shown, const std::string& file) : shown_(shown), target_(file) {
        const std::filesystem::path p(file);
        name_ = (p.parent_path() / temp_name(p.filename().string())).string();
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
        if (!write_all(fd_, bytes)) fail("writing it failed");
    }

    // Gives the file the permissions a new file (or the one it replaces) has, and moves it onto the target.
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
    // ".<name>.tmp-XXXXXX", with name cut short (at a UTF-8 character) so that it fits in NAME_MAX bytes.
    static std::string temp_name(std::string name) {
        const std::string suffix = ".tmp-XXXXXX";
        const size_t room = NAME_MAX - 1 - suffix.size();
        if (name.size() > room) {
            size_t cut = room;
            while (cut > 0 && (static_cast<uint8_t>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
            name.resize(cut);
        }
        return "." + name + suffix;
    }

    [[noreturn]] void fail(const char* what) const { cannot_write(shown_, what, kLeftAsItWas); }

    std::string shown_, target_, name_;
    int fd_ = -1;
    bool kept_ = false;
};

// Writes bytes straight into a special file (opened without creating or truncating it).
// A FIFO blocks here until something reads it, as a shell redirection does.
void write_into(const std::string& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) cannot_write(path, "cannot open it");
    const bool written = write_all(fd, bytes);
    const int e = errno;
    if (::close(fd) != 0 || !written) {
        if (!written) errno = e;
        cannot_write(path, "writing it failed");
    }
}

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
    const Target target = target_of(path);
    if (target.special) {
        write_into(path, bytes);
        return;
    }
    TempFile file(path, target.file);
    file.write(bytes);
    file.replace_target();
}

void check_writable(const std::string& path) {
    const Target target = target_of(path);
    if (!target.special) {
        const TempFile probe(path, target.file);
    } else if (::access(path.c_str(), W_OK) != 0) {  // opening a FIFO to check would block, or end its reader's input
        cannot_write(path, "it does not take writing");
    }
}

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
