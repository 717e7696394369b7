// Format dispatch: which DocumentSource opens a file (document_source.h).
#include "document/document_source.h"
#include "document/page_ocr.h"

#include "core/error.h"
#include "document/text_source.h"
#ifdef QUIRE_HAVE_POPPLER
#include "document/pdf_source.h"
#endif
#ifdef QUIRE_HAVE_EPUB
#include "document/epub_source.h"
#endif

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace quire {

bool document_epub_supported() {
#ifdef QUIRE_HAVE_EPUB
    return true;
#else
    return false;
#endif
}

bool document_pdf_supported() {
#ifdef QUIRE_HAVE_POPPLER
    return true;
#else
    return false;
#endif
}

std::unique_ptr<DocumentSource> document_open(const std::string & path, const std::string & password) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail(Status::IO, "cannot open " + path + ": not a file");
    if (std::filesystem::file_size(path, ec) == 0) fail(Status::BAD_INPUT, path + " is empty");
    char head[5] = {};
    std::ifstream(path, std::ios::binary).read(head, 5);
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::string(head, 5) == "%PDF-" || ext == ".pdf") {
#ifdef QUIRE_HAVE_POPPLER
        return pdf_open(path, password);
#else
        fail(Status::UNSUPPORTED, path + ": this build of Quire reads no PDFs (built without poppler-cpp)");
#endif
    }
    if (ext == ".epub") {
#ifdef QUIRE_HAVE_EPUB
        return epub_open(path);
#else
        fail(Status::UNSUPPORTED, path + ": this build of Quire reads no EPUBs (built without libzip/libxml2)");
#endif
    }
    return text_open(path, ext == ".md" || ext == ".markdown");
}

void fail_no_text(const std::string & path, const std::string & format) {
    if (format == "pdf")
        fail(Status::BAD_INPUT, path + " has no extractable text: no text layer" + std::string(ocr_supported() ? ", and OCR found no words on its pages" : ", and this build of Quire has no OCR (tesseract)"));
    fail(Status::BAD_INPUT, path + ": the document is empty");
}

} // namespace quire
