// Text of scanned pages: a page picture (page_render.h) read by tesseract (Debian's
// libtesseract-dev and its language data) into the same Page a text layer gives, every word
// with its box in PDF points, so that citations highlight the right place on a scan. Lines and
// paragraphs as tesseract finds them. The languages are "eng", or QUIRE_OCR_LANGUAGES
// (tesseract's form, "deu+eng") when set; a build without tesseract reads no scans.
#pragma once

#include "document/document_source.h"
#include "document/page_render.h"

#include <memory>
#include <string>

namespace quire {

// Whether this build reads scans (tesseract), and the tesseract version ("tesseract 5.3.0").
bool ocr_supported();
std::string ocr_library_version();

// The resolution pages are rendered at for OCR: clean scans read best at 300 dpi.
inline constexpr double kOcrDpi = 300.0;

class PageOcr {
public:
    // Error(UNSUPPORTED) without tesseract or its language data (saying which package to install).
    explicit PageOcr(const std::string & languages = {});
    ~PageOcr();
    PageOcr(const PageOcr &) = delete;
    PageOcr & operator=(const PageOcr &) = delete;

    // The page's words (boxes: pixels / image.scale, in PDF points) and text.
    Page read(const PageImage & image) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace quire
