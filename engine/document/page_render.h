// Pictures of PDF pages for the reader view (poppler-cpp's renderer, antialiased), in 32-bit
// ARGB pixels the UI wraps without conversion. One renderer holds one open document; it is not
// for use from two threads at once (the reader renders on one worker thread).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quire {

struct PageImage {
    int width = 0, height = 0;
    std::vector<uint32_t> argb; // row-major, premultiplied-free 0xAARRGGBB
    double scale = 1.0;         // pixels per PDF point (72 per inch)
};

// A pixel's grey level (0-255, luma weights 77/150/29 of 256), for OCR and blank-page checks.
inline int grey_of(uint32_t argb) { return static_cast<int>((((argb >> 16) & 0xff) * 77 + ((argb >> 8) & 0xff) * 150 + (argb & 0xff) * 29) >> 8); }

// The PDF library's version ("poppler 22.12.0"), or "none" in a build without it.
std::string pdf_library_version();

class PdfRenderer {
public:
    // Error(LOCKED) for a protected document without the right password, Error(BAD_INPUT) for a
    // broken one, Error(UNSUPPORTED) in a build without poppler-cpp.
    PdfRenderer(const std::string & path, const std::string & password = {});
    ~PdfRenderer();
    PdfRenderer(const PdfRenderer &) = delete;
    PdfRenderer & operator=(const PdfRenderer &) = delete;

    int pages() const;
    // Page size in PDF points (0-based page).
    double page_width(int page) const;
    double page_height(int page) const;
    // The page at `dpi` (capped so that the picture stays under ~64 megapixels).
    PageImage render(int page, double dpi) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace quire
