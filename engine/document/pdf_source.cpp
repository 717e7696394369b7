// PDF through poppler-cpp: words with boxes in poppler's reading order; a line break where the
// next word starts left of the previous one on a lower line, a paragraph break on a large gap,
// words hyphenated across a line end joined (each part keeps its box), and the outline with its
// target pages through libqpdf where it is there. A page without a text layer (a scan) is
// rendered at 300 dpi and read by OCR (document/page_ocr.h) when the build has tesseract.
#include "document/pdf_source.h"

#include "core/error.h"
#include "document/page_ocr.h"
#ifdef QUIRE_HAVE_QPDF
#include "document/pdf_outline.h"
#endif

#include <algorithm>
#include <cstdlib>
#include <cctype>
#include <cstdio>
#include <memory>
#include <mutex>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-toc.h>

namespace quire {

namespace {

std::string utf8(const poppler::ustring & s) {
    const poppler::byte_array b = s.to_utf8();
    return std::string(b.begin(), b.end());
}

// poppler prints to stderr about damaged files; keep it quiet (errors reach the caller as Error).
void quiet_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string &, void *) {}, nullptr); });
}

void toc_walk(const poppler::toc_item * item, int level, std::vector<OutlineItem> & out) {
    for (const poppler::toc_item * c : item->children()) {
        out.push_back({utf8(c->title()), level, -1});
        toc_walk(c, level + 1, out);
    }
}

class PdfSource : public DocumentSource {
public:
    PdfSource(std::unique_ptr<poppler::document> doc, const std::string & path, const std::string & password)
        : doc_(std::move(doc)), path_(path), password_(password) {
        info_.format = "pdf";
        info_.title = utf8(doc_->get_title());
        info_.author = utf8(doc_->get_author());
        info_.pages = doc_->pages();
#ifdef QUIRE_HAVE_QPDF
        // With the page each entry points to; poppler-cpp's outline has titles only.
        if (auto outline = pdf_outline(path, password); outline && !outline->empty()) {
            outline_ = std::move(*outline);
            for (OutlineItem & o : outline_)
                if (o.page >= info_.pages) o.page = -1;
            return;
        }
#else
        (void)path;
        (void)password;
#endif
        if (std::unique_ptr<poppler::toc> toc(doc_->create_toc()); toc && toc->root()) toc_walk(toc->root(), 0, outline_);
    }
    const DocumentInfo & info() const override { return info_; }
    const std::vector<OutlineItem> & outline() const override { return outline_; }

    Page page(int index) const override {
        Page out = text_page(index);
        if (!out.words.empty() || !ocr_supported()) return out;
        // A scanned page: its picture, read by OCR (the reader and OCR open their own copies).
        if (!renderer_) renderer_ = std::make_unique<PdfRenderer>(path_, password_);
        if (blank(renderer_->render(index, 18))) return out; // an empty page: nothing to read
        if (!ocr_) ocr_ = std::make_unique<PageOcr>();
        Page read = ocr_->read(renderer_->render(index, kOcrDpi));
        read.width = out.width, read.height = out.height;
        return read;
    }

    // Whether a (small) picture of a page is one colour: a blank page, not a scan.
    static bool blank(const PageImage & im) {
        if (im.argb.empty()) return true;
        const int first = grey_of(im.argb[0]);
        for (const uint32_t p : im.argb)
            if (std::abs(grey_of(p) - first) > 24) return false;
        return true;
    }

    // The page's text layer alone.
    Page text_page(int index) const {
        std::unique_ptr<poppler::page> p(doc_->create_page(index));
        if (!p) fail(Status::BAD_INPUT, "PDF page " + std::to_string(index + 1) + " cannot be read");
        Page out;
        const poppler::rectf r = p->page_rect();
        out.width = r.width();
        out.height = r.height();
        const std::vector<poppler::text_box> boxes = p->text_list();
        const poppler::text_box * prev = nullptr;
        for (const poppler::text_box & b : boxes) {
            const std::string w = utf8(b.text());
            if (w.empty()) continue;
            const poppler::rectf box = b.bbox();
            if (prev) {
                const poppler::rectf pb = prev->bbox();
                const double line_h = std::max(pb.height(), 1.0);
                const bool next_line = box.top() > pb.top() + 0.5 * line_h || box.left() < pb.left() - 0.5 * line_h;
                const bool paragraph = box.top() > pb.bottom() + 0.8 * line_h;
                Word & last = out.words.back();
                // "exam-" at a line's end and "ple" starting the next: one word again; both
                // parts keep their boxes, the hyphen leaves the text.
                const bool hyphenated = next_line && !paragraph && last.len > 2 && out.text.back() == '-' &&
                                        std::isalpha(static_cast<unsigned char>(out.text[out.text.size() - 2])) &&
                                        std::islower(static_cast<unsigned char>(w[0]));
                if (hyphenated) {
                    out.text.pop_back();
                    --last.len;
                } else if (next_line) {
                    out.text += paragraph ? "\n\n" : "\n";
                } else if (prev->has_space_after() || box.left() - pb.right() > 0.15 * line_h) {
                    // Justified lines: poppler splits the words at wide gaps but may not mark
                    // the space after them; a gap wider than a thin space is one.
                    out.text += ' ';
                }
            }
            Word word;
            word.start = static_cast<int64_t>(out.text.size());
            word.len = static_cast<int64_t>(w.size());
            word.box = {box.left(), box.top(), box.right(), box.bottom()};
            out.words.push_back(word);
            out.text += w;
            prev = &b;
        }
        return out;
    }

private:
    std::unique_ptr<poppler::document> doc_;
    std::string path_, password_;
    mutable std::unique_ptr<PdfRenderer> renderer_; // for OCR, made at the first scanned page
    mutable std::unique_ptr<PageOcr> ocr_;
    DocumentInfo info_;
    std::vector<OutlineItem> outline_;
};

} // namespace

std::unique_ptr<DocumentSource> pdf_open(const std::string & path, const std::string & password) {
    quiet_poppler();
    if (std::FILE * f = std::fopen(path.c_str(), "rb")) std::fclose(f);
    else fail(Status::IO, "cannot open " + path);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path, password, password));
    if (!doc) {
        // poppler refuses both damaged files and wrong passwords here; tell them apart.
        std::unique_ptr<poppler::document> probe(poppler::document::load_from_file(path));
        if (!probe) fail(Status::BAD_INPUT, path + " is not a readable PDF (damaged or truncated)");
        if (probe->is_locked())
            fail(Status::LOCKED, password.empty() ? path + " is protected: it needs a password" : "wrong password for " + path);
        fail(Status::BAD_INPUT, path + " is not a readable PDF");
    }
    if (doc->is_locked()) fail(Status::LOCKED, password.empty() ? path + " is protected: it needs a password" : "wrong password for " + path);
    if (doc->pages() <= 0) fail(Status::BAD_INPUT, path + " has no pages");
    auto src = std::make_unique<PdfSource>(std::move(doc), path, password);
    // A scan without a text layer would be ingested as nothing: say so instead.
    bool any_text = false;
    for (int i = 0; i < src->info().pages && !any_text; ++i) any_text = !src->text_page(i).words.empty();
    if (!any_text && !ocr_supported()) fail_no_text(path, "pdf");
    return src;
}

} // namespace quire
