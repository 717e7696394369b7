// libFuzzer target for the GGUF parser: any byte string must parse or raise quire::Error,
// never crash, hang or read out of bounds. Built and run by tests/fuzz/run-fuzz.sh.
#include "core/error.h"
#include "model/gguf.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    try {
        quire::GgufFile g(data, size, "fuzz.gguf");
        // Touch what a loader would: metadata of each type and every tensor's bytes.
        for (const auto & k : g.keys()) {
            const auto * v = g.find(k);
            if (v && v->type == quire::GgufType::ARRAY) {
                if (v->elem_type == quire::GgufType::STRING) (void)g.get_string_array(k);
                else if (v->elem_type == quire::GgufType::FLOAT32) (void)g.get_float_array(k);
                else if (v->elem_type == quire::GgufType::INT32 || v->elem_type == quire::GgufType::UINT32) (void)g.get_int_array(k);
            }
        }
        volatile uint8_t sink = 0;
        for (const auto & t : g.tensors())
            if (t.nbytes) sink = sink ^ t.data[0] ^ t.data[t.nbytes - 1];
    } catch (const quire::Error &) {
    }
    return 0;
}
