// libFuzzer target for the text decoder (encodings, UTF-16 surrogates, the binary check): any
// bytes decode to valid UTF-8 or raise quire::Error naming the file. Built and run by
// tests/fuzz/run-fuzz.sh text.
#include "core/error.h"
#include "core/utf8.h"
#include "document/text_decode.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    try {
        const quire::DecodedText d = quire::decode_text(std::string(reinterpret_cast<const char *>(data), size), "fuzz.txt");
        if (quire::utf8_sanitize(d.utf8) != d.utf8) __builtin_trap();           // always valid UTF-8
        if (d.utf8.find('\r') != std::string::npos) __builtin_trap();            // line ends normalised
        if (d.utf8.find('\0') != std::string::npos) __builtin_trap();            // binary refused
    } catch (const quire::Error & e) {
        if (std::string(e.what()).find("fuzz.txt") == std::string::npos) __builtin_trap(); // names the file
    }
    return 0;
}
