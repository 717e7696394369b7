// A scanned PDF for the tests: pages that are pictures only (no text layer), as a scanner
// writes them; made from a text PDF's pages rendered by poppler (scan_of).
#pragma once

#include "quire.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <zlib.h>

namespace quire::test {

// A PDF whose pages are the given pictures (8-bit grey, Flate-compressed), each page the size
// of its picture at `dpi`: what a scanner writes.
inline void write_image_pdf(const std::string & path, const std::vector<PageImage> & pages, double dpi) {
    std::vector<std::string> objs(3); // 1: catalog, 2: pages (objs[0] unused)
    std::string kids;
    for (const PageImage & im : pages) {
        std::string grey(static_cast<size_t>(im.width) * static_cast<size_t>(im.height), '\0');
        for (size_t i = 0; i < grey.size(); ++i) grey[i] = static_cast<char>(grey_of(im.argb[i]));
        uLongf n = compressBound(static_cast<uLong>(grey.size()));
        std::string packed(n, '\0');
        compress2(reinterpret_cast<Bytef *>(packed.data()), &n, reinterpret_cast<const Bytef *>(grey.data()), static_cast<uLong>(grey.size()), 6);
        packed.resize(n);
        const double w = im.width * 72.0 / dpi, h = im.height * 72.0 / dpi;
        const size_t page = objs.size(), content = page + 1, image = page + 2;
        std::ostringstream pg, ct, img;
        pg << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " << w << " " << h << "] /Resources << /XObject << /Im0 " << image << " 0 R >> >> /Contents " << content
           << " 0 R >>";
        const std::string draw = "q " + std::to_string(w) + " 0 0 " + std::to_string(h) + " 0 0 cm /Im0 Do Q";
        ct << "<< /Length " << draw.size() << " >>\nstream\n" << draw << "\nendstream";
        img << "<< /Type /XObject /Subtype /Image /Width " << im.width << " /Height " << im.height
            << " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " << packed.size() << " >>\nstream\n"
            << packed << "\nendstream";
        objs.push_back(pg.str());
        objs.push_back(ct.str());
        objs.push_back(img.str());
        kids += std::to_string(page) + " 0 R ";
    }
    objs[1] = "<< /Type /Catalog /Pages 2 0 R >>";
    objs[2] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    std::string out = "%PDF-1.4\n";
    std::vector<size_t> at(objs.size(), 0);
    for (size_t i = 1; i < objs.size(); ++i) {
        at[i] = out.size();
        out += std::to_string(i) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objs.size()) + "\n0000000000 65535 f \n";
    for (size_t i = 1; i < objs.size(); ++i) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", at[i]);
        out += line;
    }
    out += "trailer << /Size " + std::to_string(objs.size()) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    std::ofstream(path, std::ios::binary) << out;
}

// The pages of text_pdf rendered at kOcrDpi and put together again as pictures in scan_pdf.
inline void scan_of(const std::string & text_pdf, const std::string & scan_pdf) {
    std::vector<PageImage> pictures;
    PdfRenderer r(text_pdf);
    for (int i = 0; i < r.pages(); ++i) pictures.push_back(r.render(i, kOcrDpi));
    write_image_pdf(scan_pdf, pictures, kOcrDpi);
}

} // namespace quire::test
