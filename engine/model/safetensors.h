// safetensors files: an 8-byte header length, a JSON header of tensor entries, then the data.
#pragma once

#include "core/mapped_file.h"
#include "model/tensor_source.h"

#include <string>
#include <vector>

namespace quire {

class SafetensorsFile {
public:
    explicit SafetensorsFile(const std::string & path); // maps and validates the header
    const std::vector<SourceTensor> & tensors() const { return tensors_; } // names as stored, shapes in GGUF order

private:
    MappedFile file_;
    std::vector<SourceTensor> tensors_;
};

} // namespace quire
