#include "document/pdf_outline.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFOutlineObjectHelper.hh>

#include <exception>

namespace quire {

namespace {

// Outlines nest a few levels; a malformed file could nest without end: stop well before the stack does.
constexpr int kMaxDepth = 64;

void walk(QPDF & pdf, std::vector<QPDFOutlineObjectHelper> items, int level, std::vector<OutlineItem> & out) {
    if (level >= kMaxDepth) return;
    for (QPDFOutlineObjectHelper & item : items) {
        OutlineItem o;
        o.title = item.getTitle();
        o.level = level;
        try {
            QPDFObjectHandle page = item.getDestPage();
            if (!page.isNull()) o.page = pdf.findPage(page);
        } catch (const std::exception &) {
            o.page = -1; // a destination that is not a page of this document
        }
        out.push_back(std::move(o));
        walk(pdf, item.getKids(), level + 1, out);
    }
}

} // namespace

std::optional<std::vector<OutlineItem>> pdf_outline(const std::string & path, const std::string & password) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(path.c_str(), password.empty() ? nullptr : password.c_str());
        QPDFOutlineDocumentHelper outlines(pdf);
        std::vector<OutlineItem> out;
        walk(pdf, outlines.getTopLevelOutlines(), 0, out);
        return out;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

} // namespace quire
