// A read-only memory-mapped file. Model files are mapped rather than read so that opening a
// multi-gigabyte GGUF costs nothing until tensors are touched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace quire {

class MappedFile {
public:
    MappedFile() = default;
    explicit MappedFile(const std::string & path); // throws Error(IO / BAD_INPUT)
    ~MappedFile();
    MappedFile(MappedFile && other) noexcept;
    MappedFile & operator=(MappedFile && other) noexcept;
    MappedFile(const MappedFile &) = delete;
    MappedFile & operator=(const MappedFile &) = delete;

    const uint8_t * data() const { return data_; }
    size_t size() const { return size_; }
    const std::string & path() const { return path_; }

private:
    void reset();
    std::string path_;
    const uint8_t * data_ = nullptr;
    size_t size_ = 0;
};

// Read a whole (small) file into a string; throws Error(IO) naming the file.
std::string read_file(const std::string & path);

} // namespace quire
