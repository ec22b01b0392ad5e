#pragma once
// Files on disk (native builds only: the WebAssembly core is handed bytes).
#include <string>

#include "digitnet/dataset.hpp"

namespace digitnet {

// The whole file; if it starts with the gzip magic bytes 1f 8b it is inflated
// (several concatenated gzip members are read one after another).
// Throws Error naming the file if it cannot be read or is not valid gzip.
std::string read_file(const std::string& path);

// Replaces the file's contents with bytes. Throws Error naming the file.
void write_file(const std::string& path, const std::string& bytes);

// Throws Error unless a file can be written at path (an existing file is left as it is).
void check_writable(const std::string& path);

// A dataset from either format, gzipped or not:
//  - a name ending in .csv or .csv.gz: Kaggle CSV (read_csv);
//  - an IDX images file: its labels file has the same path with "images-idx3"
//    replaced by "labels-idx1" (or "images.idx3" by "labels.idx1") in the file
//    name, e.g. train-images-idx3-ubyte.gz -> train-labels-idx1-ubyte.gz.
// Errors name the file they are about.
Dataset load_dataset(const std::string& path);

}  // namespace digitnet
