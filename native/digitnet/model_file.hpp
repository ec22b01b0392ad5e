#pragma once
// The model file: a network's architecture and parameters, version 1.
// All integers are little-endian, floats are IEEE-754 binary32 little-endian.
//
//   offset       size   field
//   0            4      magic "DGNT"
//   4            4      u32 version = 1
//   8            4      u32 inputs
//   12           4      f32 input_scale
//   16           4      u32 layer_count L (1..1024)
//   20 + 8*l     8      layer l: u32 units, u8 activation (Activation code 0..4),
//                               u8 has_bias (0 or 1), u16 zero
//   20 + 8*L     8      u64 param_count P (must equal the sum over layers of
//                           units*fan_in + (has_bias ? units : 0))
//   28 + 8*L     4*P    f32 parameters in Network::params() order
//   28 + 8*L+4*P 4      u32 CRC-32 (IEEE 802.3, as zlib's crc32) of all preceding bytes
//
// Total size: 32 + 8*L + 4*P bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "digitnet/network.hpp"

namespace digitnet {

std::string save_model(const Network& net);

// Throws Error with its own sentence for a truncated file, a wrong magic, an
// unsupported version, sizes that do not fit together, an unknown activation,
// a checksum mismatch, a NaN or infinite parameter, or trailing bytes.
Network load_model(const std::string& bytes);

// CRC-32 (IEEE, reflected, polynomial 0xEDB88320): crc32("123456789") = 0xCBF43926.
uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace digitnet
