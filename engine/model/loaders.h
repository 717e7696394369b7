// Per-format loaders behind model_load(); internal to engine/model.
#pragma once

#include "model/model.h"

namespace quire {

void load_gguf_model(Model & m, const std::string & path, const ModelLoadOptions & opts);
void load_hf_model(Model & m, const std::string & dir, const ModelLoadOptions & opts);
void load_llama2c_model(Model & m, const std::string & path, const ModelLoadOptions & opts);

} // namespace quire
