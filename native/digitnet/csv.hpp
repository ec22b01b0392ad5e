#pragma once
// The CSV format of Kaggle's digit-recognizer data:
//   label,pixel0,pixel1,...,pixel783      optional header line
//   7,0,0,...,0                           one sample per line: label 0..9, then 784 pixels 0..255
// Lines may end in LF or CRLF; the last newline is optional; blank lines are skipped.
// Cells may have spaces or tabs around them. Pixels are row-major 28x28.
#include <string>

#include "digitnet/dataset.hpp"

namespace digitnet {

// Throws Error naming the line and column of the first bad cell: a wrong number
// of cells, a cell that is not a whole number, a pixel outside 0..255, a label
// outside 0..9; or saying the file is empty.
Dataset read_csv(const std::string& text);

}  // namespace digitnet
