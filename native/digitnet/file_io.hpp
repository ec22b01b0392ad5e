#pragma once
// Files on disk (native builds only: the WebAssembly core is handed bytes).
#include <cstdint>
#include <string>

#include "digitnet/dataset.hpp"

namespace digitnet {

constexpr uint64_t kMaxFileBytes = uint64_t{256} << 20;  // larger files (after inflating) are refused

// How much of a file read_file accepts: at most max_bytes and, once the first
// header_bytes bytes are in, at most what announced(those bytes) returns (0: no say).
struct ReadLimit {
    uint64_t max_bytes = kMaxFileBytes;
    size_t header_bytes = 0;
    uint64_t (*announced)(const std::string& header) = nullptr;
};

// The whole file; if it starts with the gzip magic bytes 1f 8b it is inflated
// (several concatenated gzip members are read one after another).
// Throws Error naming the file if it cannot be read, is not valid gzip, or
// holds more than the limit (reading and inflating stop there).
std::string read_file(const std::string& path, const ReadLimit& limit = {});

// What read_file returns for a file called name that holds bytes.
std::string inflate_if_gzip(std::string bytes, const std::string& name, const ReadLimit& limit = {});

// Replaces the file with bytes: they go to a new file in the same folder, which
// is then renamed onto path, so a failure (a full disk) leaves any old file whole.
// A symbolic link to a file stays a link (the file it names is replaced). A
// special file that is there (a FIFO, a terminal, a device such as /dev/stdout)
// is never replaced: the bytes are written straight into it.
// Throws Error naming the file (an empty name and a folder are refused).
void write_file(const std::string& path, const std::string& bytes);

// Throws Error unless write_file could write path: it is no folder and its
// folder takes new files (or it is a special file open to writing). An existing
// file is left as it is; a FIFO is not opened.
void check_writable(const std::string& path);

// A dataset from either format, gzipped or not:
//  - a name ending in .csv or .csv.gz: Kaggle CSV (read_csv);
//  - an IDX images file: its labels file has the same path with "images-idx3"
//    replaced by "labels-idx1" (or "images.idx3" by "labels.idx1") in the file
//    name, e.g. train-images-idx3-ubyte.gz -> train-labels-idx1-ubyte.gz.
// An IDX file may not hold more than its header announces.
// Errors name the file they are about.
Dataset load_dataset(const std::string& path);

}  // namespace digitnet
