// Where a command computes, shared by quire-cli generate, ingest, ask and eval: --backend
// auto|cpu|cuda and --gpu-precision auto|bf16|fp32 (the GPU's weights).
#pragma once

#include "cli/cli_args.h"
#include "quire.h"

#include <set>
#include <string>

namespace quire::cli {

extern const std::set<std::string> kDeviceOptions;
extern const char * const kDeviceHelp;

// The backend and the GPU's weight precision (DeviceParams' other fields at their defaults).
DeviceParams device_from_args(const Args & a);

} // namespace quire::cli
