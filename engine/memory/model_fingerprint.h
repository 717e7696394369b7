// A fingerprint of a model for stored block memories: a hash of the hyper-parameters, the
// weights' metadata (types, sizes) and the tokenizer's vocabulary. A store built with another
// model (or another tokenizer) is refused instead of producing nonsense.
#pragma once

#include <cstdint>
#include <string>

namespace quire {

struct Model;

uint64_t model_fingerprint(const Model & model);
std::string fingerprint_hex(uint64_t fp);

} // namespace quire
