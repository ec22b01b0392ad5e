#include "digitnet/csv.hpp"

#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

constexpr int kPixels = 28 * 28;
constexpr int kCells = 1 + kPixels;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string where(size_t line, int column) {
    std::string name = column == 1 ? "label" : "pixel" + std::to_string(column - 2);
    return "CSV line " + std::to_string(line) + ", column " + std::to_string(column) + " (" + name + ")";
}

// Counts the cells of the line [p, end) for the header check.
int count_cells(const char* p, const char* end) {
    int n = 1;
    for (; p < end; ++p) n += *p == ',';
    return n;
}

// Parses one data line [p, end) into label and pixels.
void parse_row(const char* p, const char* end, size_t line, uint8_t& label, uint8_t* pixels) {
    int column = 0;
    for (;;) {
        ++column;
        if (column > kCells)
            throw Error("CSV line " + std::to_string(line) + " has more than " + std::to_string(kCells) +
                        " cells (a label and " + std::to_string(kPixels) + " pixels)");
        while (p < end && is_blank(*p)) ++p;
        const char* start = p;
        const bool negative = p < end && *p == '-';
        if (negative) ++p;
        const char* digits = p;
        long value = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            if (value < 100000) value = value * 10 + (*p - '0');  // capped: only "too big" matters
            ++p;
        }
        const bool has_digits = p > digits;
        if (negative) value = -value;
        while (p < end && is_blank(*p)) ++p;
        if (!has_digits || (p < end && *p != ',')) {
            const char* cell_end = start;
            while (cell_end < end && *cell_end != ',') ++cell_end;
            throw Error(where(line, column) + " is '" + std::string(start, cell_end) + "', which is not a whole number");
        }
        if (column == 1) {
            if (value < 0 || value > 9) throw Error(where(line, column) + " is " + std::to_string(value) + ", outside 0..9");
            label = static_cast<uint8_t>(value);
        } else {
            if (value < 0 || value > 255)
                throw Error(where(line, column) + " is " + std::to_string(value) + ", outside 0..255");
            pixels[column - 2] = static_cast<uint8_t>(value);
        }
        if (p == end) break;
        ++p;  // the comma
    }
    if (column != kCells)
        throw Error("CSV line " + std::to_string(line) + " has " + std::to_string(column) + " cells but " +
                    std::to_string(kCells) + " are needed (a label and " + std::to_string(kPixels) + " pixels)");
}

}  // namespace

Dataset read_csv(const std::string& text) {
    Dataset d;
    const char* p = text.data();
    const char* const end = p + text.size();
    // A data line is at least "d" plus 784 times ",d": reserve for the most samples the text can hold.
    d.labels.reserve(text.size() / (2 * kCells) + 1);
    d.images.reserve(d.labels.capacity() * kPixels);
    bool first = true;
    for (size_t line = 1; p < end; ++line) {
        const char* eol = p;
        while (eol < end && *eol != '\n') ++eol;
        const char* next = eol < end ? eol + 1 : end;
        if (eol > p && eol[-1] == '\r') --eol;
        const char* q = p;
        while (q < eol && is_blank(*q)) ++q;
        if (q == eol) {  // blank line
            p = next;
            continue;
        }
        if (first && !(*q >= '0' && *q <= '9')) {  // a header: only its width is checked
            const int cells = count_cells(q, eol);
            if (cells != kCells)
                throw Error("the CSV header (line " + std::to_string(line) + ") has " + std::to_string(cells) +
                            " columns but " + std::to_string(kCells) + " are needed: label,pixel0,...,pixel783");
        } else {
            uint8_t label = 0;
            d.images.resize(d.images.size() + kPixels);
            parse_row(p, eol, line, label, d.images.data() + d.images.size() - kPixels);
            d.labels.push_back(label);
        }
        first = false;
        p = next;
    }
    if (d.labels.empty()) throw Error("the CSV file is empty: it has no rows of label and pixels");
    return d;
}

}  // namespace digitnet
