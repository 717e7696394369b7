// Ctrl+C for the commands that write files (ingest, models fetch): SIGINT sets a flag their work
// asks, so they stop cleanly (no store, no half-fetched model, no temporaries) instead of dying.
#pragma once

namespace quire::cli {

void catch_interrupts(); // from now on SIGINT sets the flag instead of ending the process
bool interrupted();

} // namespace quire::cli
