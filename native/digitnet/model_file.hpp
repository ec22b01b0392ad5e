#pragma once
// The model file: a network's architecture and parameters. All integers are
// little-endian, floats IEEE-754 binary32 little-endian. Version 2 (written):
//
//   offset        size   field
//   0             4      magic "DGNT"
//   4             4      u32 version = 2
//   8             12     u32 channels, u32 height, u32 width: the input shape
//   20            4      f32 input_scale
//   24            4      u32 layer_count L (1..1024)
//   28 + 16*l     16     layer l: u8 kind (LayerKind: 0 dense, 1 conv, 2 maxpool, 3 dropout;
//                                 each kind's to_record/from_record in layers/),
//                                 u8 activation (Activation code 0..4; 0 for maxpool and dropout),
//                                 u8 has_bias (0 or 1; 0 for maxpool and dropout),
//                                 u8 padding (conv: 0 valid, 1 same; else 0),
//                                 u32 units (dense) or filters (conv), else 0,
//                                 u32 kernel (conv) or pool size (maxpool), else 0,
//                                 f32 rate (dropout), else 0
//   28 + 16*L     8      u64 param_count P (must equal what the layers need, Network's layout)
//   36 + 16*L     4*P    f32 parameters in Network::params() order
//   36 + 16*L+4P  4      u32 CRC-32 (IEEE 802.3, as zlib's crc32) of all preceding bytes
//   Total size: 40 + 16*L + 4*P bytes.
//
// Version 1 (read, for the first models: dense layers only):
//   0 magic, 4 u32 version = 1, 8 u32 inputs, 12 f32 input_scale, 16 u32 L,
//   20 + 8*l: u32 units, u8 activation, u8 has_bias, u16 zero; then u64 P,
//   the parameters and the CRC-32 as above. Total 32 + 8*L + 4*P bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "digitnet/network.hpp"

namespace digitnet {

std::string save_model(const Network& net);

// Reads version 1 or 2. Throws Error with its own sentence for a truncated
// file, a wrong magic, an unsupported version, an input shape or layer record
// out of range (unknown kind, activation, padding, bias flag, a field a kind
// does not use that is not zero), layers that do not fit together, a parameter
// count that does not match them, a checksum mismatch, a NaN or infinite
// parameter, or trailing bytes.
Network load_model(const std::string& bytes);

// CRC-32 (IEEE, reflected, polynomial 0xEDB88320): crc32("123456789") = 0xCBF43926.
uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace digitnet
