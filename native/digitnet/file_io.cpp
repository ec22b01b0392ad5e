#include "digitnet/file_io.hpp"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "digitnet/csv.hpp"
#include "digitnet/idx.hpp"
#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

bool is_gzip(const std::string& b) {
    return b.size() >= 2 && static_cast<uint8_t>(b[0]) == 0x1f && static_cast<uint8_t>(b[1]) == 0x8b;
}

std::string gunzip(const std::string& in, const std::string& path) {
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw Error("cannot start decompressing " + path);
    std::string out;
    char chunk[1 << 16];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - z.avail_out);
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
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw Error(path + " is not a valid gzip file (" +
                    (rc == Z_BUF_ERROR ? std::string("it is truncated") : "its compressed data is corrupt") + ")");
    return out;
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

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(path + " is a folder, not a file");
    std::ifstream f(path, std::ios::binary);
    if (!f) throw Error("cannot open " + path);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (f.bad()) throw Error("cannot read " + path);
    return is_gzip(bytes) ? gunzip(bytes, path) : bytes;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw Error("cannot create " + path);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw Error("cannot write " + path);
}

void check_writable(const std::string& path) {
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    if (std::filesystem::is_directory(path, ec)) throw Error(path + " is a folder, not a file");
    if (!std::ofstream(path, std::ios::binary | std::ios::app)) throw Error("cannot write " + path);
    if (!existed) std::filesystem::remove(path, ec);
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
    const std::string image_bytes = read_file(path), label_bytes = read_file(labels);
    try {
        return read_idx(image_bytes, label_bytes);
    } catch (const Error& e) {
        throw Error(path + " and " + labels + ": " + e.what());
    }
}

}  // namespace digitnet
